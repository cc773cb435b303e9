package io.tablewarden.engine.aws.credentials;

/**
 * A profile cannot yield credentials: it does not exist, names a missing source profile, loops, or is
 * incomplete. The message names profiles and settings only, never a key, token or secret.
 */
public class ProfileCredentialsException extends RuntimeException {

    private final String profile;

    public ProfileCredentialsException(String profile, String message) {
        this(profile, message, null);
    }

    public ProfileCredentialsException(String profile, String message, Throwable cause) {
        super(message, cause);
        this.profile = profile;
    }

    /** The profile the user asked for. */
    public String profile() {
        return profile;
    }
}
