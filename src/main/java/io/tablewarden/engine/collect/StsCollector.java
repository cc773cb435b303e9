package io.tablewarden.engine.collect;

import io.tablewarden.engine.aws.AwsClientFactory;
import io.tablewarden.model.Fetch;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** Who is scanning: account, partition and caller ARN from STS GetCallerIdentity. */
public final class StsCollector {

    /**
     * The audited identity.
     *
     * @param accountId 12-digit account
     * @param partition taken from the caller ARN (aws, aws-cn, aws-us-gov)
     * @param callerArn the caller's ARN
     */
    public record CallerIdentity(String accountId, String partition, String callerArn) {
    }

    private final AwsClientFactory clients;
    private final CallGate gate;

    public StsCollector(AwsClientFactory clients, CallGate gate) {
        this.clients = clients;
        this.gate = gate;
    }

    /** The identity, or the error that says why the scan cannot go on. */
    public Fetch<CallerIdentity> identify() {
        return gate.fetch("sts:GetCallerIdentity", () -> {
            GetCallerIdentityResponse r = clients.sts().getCallerIdentity();
            return new CallerIdentity(r.account(), partitionOf(r.arn()), r.arn());
        });
    }

    /** {@code arn:PARTITION:service:...}; anything unexpected counts as the commercial partition. */
    static String partitionOf(String arn) {
        if (arn != null) {
            String[] parts = arn.split(":", 3);
            if (parts.length >= 2 && parts[0].equals("arn") && !parts[1].isEmpty()) {
                return parts[1];
            }
        }
        return "aws";
    }
}
