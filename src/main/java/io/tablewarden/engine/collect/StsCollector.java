package io.tablewarden.engine.collect;

import io.tablewarden.engine.aws.AwsClientFactory;
import io.tablewarden.engine.aws.AwsErrors;
import io.tablewarden.engine.aws.ClientTuning;
import io.tablewarden.model.CollectionError;
import io.tablewarden.model.Fetch;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
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

    /**
     * The identity, or the error that says why the scan cannot go on. Its attempts time out sooner than other
     * calls' (see {@link ClientTuning#identityAttemptTimeout()}), so a silent endpoint is reported in seconds;
     * throttling and 5xx are retried like any other call. When the default region is one the account has not
     * enabled (STS there rejects the credentials), the question goes to the partition's first region,
     * which every account has, so that a disabled region named first is skipped like any other. The same
     * goes for a region AWS does not know at all (no STS host by that name), which region discovery then
     * reports as unknown.
     */
    public Fetch<CallerIdentity> identify() {
        String region = clients.defaultRegion();
        Fetch<CallerIdentity> who = identify(region);
        String home = RegionDiscovery.homeRegion(partitionOfRegion(region));
        if (who.isFailed() && askHomeRegion(who.error(), region, home, clients.endpointOverridden())) {
            Fetch<CallerIdentity> fromHome = identify(home);
            if (fromHome.isOk()) {
                return fromHome;
            }
        }
        return who;
    }

    private Fetch<CallerIdentity> identify(String region) {
        ClientTuning tuning = clients.tuning();
        GetCallerIdentityRequest request = GetCallerIdentityRequest.builder()
                .overrideConfiguration(o -> o.apiCallAttemptTimeout(tuning.identityAttemptTimeout())
                        .apiCallTimeout(tuning.identityCallTimeout()))
                .build();
        return gate.fetch("sts:GetCallerIdentity", () -> {
            GetCallerIdentityResponse r = clients.sts(region).getCallerIdentity(request);
            return new CallerIdentity(r.account(), partitionOf(r.arn()), r.arn());
        });
    }

    /**
     * The account's alias (IAM ListAccountAliases; an account has at most one), or null when it has none.
     * A consultant's many accounts are easier to tell apart by alias; an identity that may not read it is
     * still a working identity, so the caller treats a failure as "no alias".
     */
    public Fetch<String> accountAlias() {
        return gate.fetch("iam:ListAccountAliases", () -> {
            java.util.List<String> aliases = clients.iam().listAccountAliases().accountAliases();
            return aliases.isEmpty() ? null : aliases.get(0);
        });
    }

    /** True when the identity is worth asking for again in the partition's first region. */
    static boolean askHomeRegion(CollectionError error, String region, String home, boolean endpointOverridden) {
        if (home.equals(region)) {
            return false;
        }
        return AwsErrors.isRegionNotEnabled(error)
                || AwsErrors.UNKNOWN_HOST.equals(error.errorCode()) && !endpointOverridden;
    }

    /** The partition a region name belongs to. */
    static String partitionOfRegion(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        return "aws";
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
