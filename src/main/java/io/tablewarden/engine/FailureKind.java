package io.tablewarden.engine;

import io.tablewarden.engine.aws.AwsErrors;
import io.tablewarden.engine.aws.credentials.MfaCodeRequiredException;
import io.tablewarden.engine.aws.credentials.ProfileCredentialsException;
import io.tablewarden.engine.aws.credentials.SsoLoginRequiredException;
import io.tablewarden.model.CollectionError;

import java.util.Set;

/**
 * Why a scan (or the work around it) could not run, as a kind the front ends can act on: which page to send
 * the user to, which exit code to use. It travels next to the one-line reason, so nobody has to read the
 * reason's words to decide what to do.
 */
public enum FailureKind {
    /** The credentials (keys, role session or IAM Identity Center sign-in) have expired. */
    EXPIRED_CREDENTIALS,
    /** AWS does not accept the access keys (unknown, revoked, wrong secret). */
    REFUSED_KEYS,
    /** A role in the profile's chain needs an MFA code that was not given or was refused. */
    MFA_NEEDED,
    /** The profile cannot give credentials: missing, incomplete, a missing source, a loop. */
    INCOMPLETE_PROFILE,
    /** The identity may not make a call the scan cannot do without. */
    ACCESS_DENIED,
    /** AWS kept throttling a call the scan cannot do without. */
    THROTTLED,
    /** The endpoint could not be reached or did not answer in time. */
    NETWORK,
    /** The scan database could not be opened, written or read. */
    STORE,
    /** Anything else; the reason says what. */
    OTHER;

    /** AWS error codes of credentials that were good once and have run out. */
    private static final Set<String> EXPIRED_CODES = Set.of("ExpiredToken", "ExpiredTokenException",
            "RequestExpired");

    /** The kind of a failed call the scan could not do without. */
    public static FailureKind of(CollectionError error) {
        if (error == null) {
            return OTHER;
        }
        if (EXPIRED_CODES.contains(error.errorCode())) {
            return EXPIRED_CREDENTIALS;
        }
        // A credential provider's own failure reaches the call as the exception's class name.
        if (MfaCodeRequiredException.class.getSimpleName().equals(error.errorCode())) {
            return MFA_NEEDED;
        }
        if (SsoLoginRequiredException.class.getSimpleName().equals(error.errorCode())) {
            return EXPIRED_CREDENTIALS;
        }
        if (ProfileCredentialsException.class.getSimpleName().equals(error.errorCode())
                || "NoCredentials".equals(error.errorCode())) {
            return INCOMPLETE_PROFILE;
        }
        if (AwsErrors.isUnreachable(error)) {
            return NETWORK;
        }
        return switch (error.kind()) {
            case ACCESS_DENIED -> ACCESS_DENIED;
            case THROTTLED -> THROTTLED;
            case INVALID_CREDENTIALS -> REFUSED_KEYS;
            case TIMEOUT -> NETWORK;
            default -> OTHER;
        };
    }

    /** The kind of an exception that stopped a scan; looks through its causes for a profile problem. */
    public static FailureKind of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MfaCodeRequiredException) {
                return MFA_NEEDED;
            }
            if (t instanceof SsoLoginRequiredException) {
                return EXPIRED_CREDENTIALS;
            }
            if (t instanceof ProfileCredentialsException) {
                return INCOMPLETE_PROFILE;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return OTHER;
    }
}
