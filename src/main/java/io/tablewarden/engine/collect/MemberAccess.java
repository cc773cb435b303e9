package io.tablewarden.engine.collect;

import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.aws.AwsClientFactory;
import io.tablewarden.engine.aws.AwsErrors;
import io.tablewarden.engine.aws.CallMetrics;
import io.tablewarden.engine.aws.ClientTuning;
import io.tablewarden.engine.aws.credentials.CredentialsEnvironment;

import io.tablewarden.model.CollectionError;
import io.tablewarden.model.Fetch;

/**
 * Whether a member account's role can be assumed: one sts:AssumeRole with the connection's own credentials,
 * before the member's scan starts, so that a missing role or a trust policy that does not let the auditor in is
 * one clear account-level error instead of a scan that fails at its first call.
 */
public final class MemberAccess {

    private final CredentialsEnvironment profiles;
    private final ClientTuning.Backoff backoff;

    public MemberAccess(CredentialsEnvironment profiles, ClientTuning.Backoff backoff) {
        this.profiles = profiles;
        this.backoff = backoff;
    }

    /**
     * Assumes {@code connection}'s member role once.
     *
     * @return null when the role could be assumed, else the failed call (action {@code sts:AssumeRole})
     */
    public CollectionError check(ConnectionSettings connection) {
        if (connection.memberRole() == null) {
            throw new IllegalArgumentException("the connection names no member role");
        }
        ClientTuning tuning = ClientTuning.of(1, ScanRequest.DEFAULT_CALL_TIMEOUT, ScanRequest.DEFAULT_MAX_ATTEMPTS,
                backoff);
        CallGate gate = new CallGate(1, new CancellationToken());
        try (AwsClientFactory clients = AwsClientFactory.of(connection, tuning, new CallMetrics(), profiles)
                .reportingThrottlesTo(gate::throttled)) {
            Fetch<Object> assumed = gate.fetch("sts:AssumeRole", () -> clients.signingCredentials().resolveCredentials());
            return assumed.isFailed() ? assumed.error() : null;
        } catch (RuntimeException e) {
            return AwsErrors.toCollectionError("sts:AssumeRole", e);
        }
    }
}
