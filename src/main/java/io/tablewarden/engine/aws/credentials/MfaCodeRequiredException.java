package io.tablewarden.engine.aws.credentials;

/** A role profile has {@code mfa_serial} and no code was supplied, or AWS refused the code. */
public final class MfaCodeRequiredException extends ProfileCredentialsException {

    private final boolean rejected;

    public MfaCodeRequiredException(String profile, String message, boolean rejected) {
        super(profile, message);
        this.rejected = rejected;
    }

    /** True when a code was sent and refused (wrong or already used), false when there was none to send. */
    public boolean rejected() {
        return rejected;
    }
}
