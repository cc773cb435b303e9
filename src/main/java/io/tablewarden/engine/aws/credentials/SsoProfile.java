package io.tablewarden.engine.aws.credentials;

import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

import java.util.Optional;

/**
 * The IAM Identity Center settings of a profile, from its {@code sso_session} section or from the legacy
 * {@code sso_*} keys of the profile itself.
 *
 * @param profile     the profile
 * @param sessionName the {@code sso_session} name, or null for a legacy profile
 * @param startUrl    the portal's start URL
 * @param region      the Identity Center region ({@code sso_region})
 * @param accountId   {@code sso_account_id}, or null (sign-in only)
 * @param roleName    {@code sso_role_name}, or null (sign-in only)
 */
public record SsoProfile(String profile, String sessionName, String startUrl, String region, String accountId,
                         String roleName) {

    /** The token cache key the AWS CLI uses: the session name, or the start URL for legacy profiles. */
    public String cacheKey() {
        return sessionName != null ? sessionName : startUrl;
    }

    static SsoProfile of(String top, String name, Profile p, ProfileFile profiles, boolean needsRole) {
        Optional<String> session = p.property("sso_session");
        if (session.isEmpty() && p.property("sso_start_url").isEmpty()) {
            throw new ProfileCredentialsException(top, "profile " + name
                    + " is not an IAM Identity Center profile: it has neither sso_session nor sso_start_url");
        }
        String startUrl;
        String region;
        if (session.isPresent()) {
            Profile s = profiles.getSection("sso-session", session.get()).orElseThrow(() ->
                    new ProfileCredentialsException(top, "sso_session " + session.get() + " of profile " + name
                            + " does not exist"));
            startUrl = s.property("sso_start_url").orElse(null);
            region = s.property("sso_region").orElse(null);
        } else {
            startUrl = p.property("sso_start_url").orElse(null);
            region = p.property("sso_region").orElse(null);
        }
        if (startUrl == null || region == null) {
            throw new ProfileCredentialsException(top, "profile " + name + " needs sso_start_url and sso_region"
                    + (session.isPresent() ? " in its sso-session " + session.get() : ""));
        }
        String account = p.property("sso_account_id").orElse(null);
        String role = p.property("sso_role_name").orElse(null);
        if ((needsRole || account != null || role != null) && (account == null || role == null)) {
            throw new ProfileCredentialsException(top, "profile " + name
                    + " needs both sso_account_id and sso_role_name");
        }
        return new SsoProfile(name, session.orElse(null), startUrl, region, account, role);
    }
}
