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

    /** The standard wording for an expired or missing sign-in. */
    static SsoLoginRequiredException expired(String profile) {
        return new SsoLoginRequiredException(profile, "the SSO sign-in of profile " + profile
                + " has expired — sign in again (tablewarden profiles login " + profile + ")");
    }
}
