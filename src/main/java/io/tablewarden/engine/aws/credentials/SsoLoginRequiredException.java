package io.tablewarden.engine.aws.credentials;

/**
 * An IAM Identity Center profile has no usable sign-in: no cached token, an expired one, or one the portal no
 * longer accepts. The cure is always the same: sign in again ({@code tablewarden profiles login} or
 * {@code aws sso login}).
 */
public final class SsoLoginRequiredException extends ProfileCredentialsException {

    public SsoLoginRequiredException(String profile, String message) {
        super(profile, message);
    }

    /**
     * The wording for a profile with no sign-in on this machine at all: nothing has expired, the user has simply
     * not signed in yet (a new profile, another machine's cache).
     */
    static SsoLoginRequiredException notSignedIn(String profile) {
        return new SsoLoginRequiredException(profile, "profile " + profile + " has not been signed in to IAM"
                + " Identity Center on this machine yet — sign in (tablewarden profiles login " + profile + ")");
    }

    /** The standard wording for a sign-in that has expired or that the portal no longer accepts. */
    static SsoLoginRequiredException expired(String profile) {
        return new SsoLoginRequiredException(profile, "the SSO sign-in of profile " + profile
                + " has expired — sign in again (tablewarden profiles login " + profile + ")");
    }
}
