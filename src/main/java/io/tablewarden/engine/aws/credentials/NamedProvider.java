package io.tablewarden.engine.aws.credentials;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The provider {@link ProfileCredentials} hands out: delegates to the chain and turns its failures into
 * {@link ProfileCredentialsException}s that say what to do, without any secret in the text.
 */
final class NamedProvider implements AwsCredentialsProvider {

    private final String profile;
    private final AwsCredentialsProvider chain;

    NamedProvider(String profile, AwsCredentialsProvider chain) {
        this.profile = profile;
        this.chain = chain;
    }

    @Override
    public AwsCredentials resolveCredentials() {
        try {
            return chain.resolveCredentials();
        } catch (ProfileCredentialsException e) {
            throw e;
        } catch (SdkException e) {
            throw translate(e);
        } catch (RuntimeException e) {
            // e.g. a credential_process that exited with an error: its text may quote the process output
            throw new ProfileCredentialsException(profile, "cannot get credentials for profile " + profile + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private ProfileCredentialsException translate(SdkException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProfileCredentialsException) {
                return (ProfileCredentialsException) t;
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AwsServiceException) {
                AwsServiceException aws = (AwsServiceException) t;
                String code = aws.awsErrorDetails() == null ? null : aws.awsErrorDetails().errorCode();
                String message = aws.awsErrorDetails() == null ? null : aws.awsErrorDetails().errorMessage();
                if (message != null && message.contains("MultiFactorAuthentication")) {
                    return new MfaCodeRequiredException(profile, "the MFA code for profile " + profile
                            + " was not accepted — enter the current code", true);
                }
                if ("UnauthorizedException".equals(code)) {
                    return SsoLoginRequiredException.expired(profile);
                }
                // AWS error answers never echo the caller's secrets, so they may travel as cause and text.
                return new ProfileCredentialsException(profile, "cannot get credentials for profile " + profile
                        + ": " + code + ": " + message, aws);
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.io.IOException) {
            // network failures name hosts and ports, nothing secret
            return new ProfileCredentialsException(profile, "cannot get credentials for profile " + profile + ": "
                    + root.getClass().getSimpleName() + ": " + io.tablewarden.engine.aws.AwsErrors.oneLine(
                    String.valueOf(root.getMessage())));
        }
        // Other client-side failures (a credential_process that failed) may quote process output: the text
        // stays out, the kind of failure stays in.
        return new ProfileCredentialsException(profile, "cannot get credentials for profile " + profile + " ("
                + e.getClass().getSimpleName() + ")");
    }

    @Override
    public String toString() {
        return "ProfileCredentials[profile=" + profile + "]";
    }
}
