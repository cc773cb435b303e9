package io.tablewarden.engine.aws.credentials;

import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.aws.AwsClientFactory;
import io.tablewarden.engine.aws.AwsErrors;
import io.tablewarden.engine.aws.CallMetrics;
import io.tablewarden.engine.aws.ClientTuning;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.model.ListAccountAliasesResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * Tries a profile the way a scan would use it: resolves its credentials (asking for an MFA code if its role
 * needs one), asks STS who that is and, where allowed, IAM for the account alias. Calls go through the scan's
 * client factory, so the read-only guard applies to them.
 */
public final class ProfileTester {

    private final CredentialsEnvironment environment;
    private final URI endpointOverride;
    private final Clock clock;

    /** @param endpointOverride every call to this endpoint (the simulator), or null */
    public ProfileTester(CredentialsEnvironment environment, URI endpointOverride, Clock clock) {
        this.environment = environment;
        this.endpointOverride = endpointOverride;
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    /** Tests {@code profile}; failures become a result with the reason, never an exception. */
    public ProfileTestResult test(String profile, MfaCodeSupplier mfa) {
        ConnectionSettings settings = new ConnectionSettings(profile, endpointOverride, null, null, mfa);
        try (AwsClientFactory clients = new AwsClientFactory(settings,
                ClientTuning.of(2, Duration.ofSeconds(15), 3), new CallMetrics(), environment)) {
            GetCallerIdentityResponse id = clients.sts().getCallerIdentity();
            return new ProfileTestResult(profile, clock.instant(), true, id.account(), id.arn(), alias(clients), null);
        } catch (RuntimeException e) {
            return ProfileTestResult.failed(profile, clock.instant(), reason(e));
        }
    }

    private static String alias(AwsClientFactory clients) {
        try {
            ListAccountAliasesResponse aliases = clients.iam().listAccountAliases();
            return aliases.accountAliases().isEmpty() ? null : aliases.accountAliases().get(0);
        } catch (SdkException e) {
            // an identity without iam:ListAccountAliases is still a working identity
            return null;
        }
    }

    /** The reason in words: ours for profile problems, the AWS error otherwise; never a credential. */
    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProfileCredentialsException) {
                return t.getMessage();
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AwsServiceException && ((AwsServiceException) t).awsErrorDetails() != null) {
                AwsServiceException aws = (AwsServiceException) t;
                return aws.awsErrorDetails().errorCode() + ": "
                        + AwsErrors.oneLine(aws.awsErrorDetails().errorMessage());
            }
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + AwsErrors.oneLine(e.getMessage()));
    }
}
