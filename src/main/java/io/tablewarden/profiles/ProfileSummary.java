package io.tablewarden.profiles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one profile is, as the AWS tools would read it, with no secret in it: the secret access key and the
 * session token are replaced by {@link #MASK} before they reach this record, and the access key id keeps only its
 * first four and last four characters (in {@code properties} too). {@code toString} and JSON are therefore safe to print.
 *
 * @param name       profile name
 * @param kind       how it gets credentials
 * @param reason     why it is {@link ProfileKind#INCOMPLETE} or {@link ProfileKind#INVALID}, else {@code null}
 * @param current    it is the profile selected by {@code AWS_PROFILE} (or {@code default})
 * @param sources    the files that define it, config first
 * @param region     {@code region}, or {@code null}
 * @param output     {@code output}, or {@code null}
 * @param endpointUrl {@code endpoint_url}, or {@code null}
 * @param roleArn    {@code role_arn} of a role profile, or {@code null}
 * @param chain      for a role: this profile, then each {@code source_profile} in turn; the last entry is where
 *                   the first credentials come from (a profile name or {@code credential_source NAME});
 *                   empty for other kinds
 * @param ssoSession {@code sso_session}, or {@code null}
 * @param ssoStartUrl start URL (from the session when there is one), or {@code null}
 * @param ssoRegion  IAM Identity Center region (from the session when there is one), or {@code null}
 * @param ssoAccountId {@code sso_account_id}, or {@code null}
 * @param ssoRoleName {@code sso_role_name}, or {@code null}
 * @param accessKeyId the access key id, shortened, or {@code null}
 * @param sessionToken whether static keys come with a session token (temporary keys)
 * @param properties every property as the tools read it, secrets masked
 */
public record ProfileSummary(String name, ProfileKind kind, String reason, boolean current,
                             List<ConfigFileType> sources, String region, String output, String endpointUrl,
                             String roleArn, List<String> chain, String ssoSession, String ssoStartUrl,
                             String ssoRegion, String ssoAccountId, String ssoRoleName, String accessKeyId,
                             boolean sessionToken, Map<String, String> properties) {

    /** What a secret value is shown as. */
    public static final String MASK = "****";

    /** Properties whose values are secrets and never leave the files. */
    public static final Set<String> SECRET_KEYS = Set.of("aws_secret_access_key", "aws_session_token",
            "aws_security_token");

    public ProfileSummary {
        sources = List.copyOf(sources);
        chain = List.copyOf(chain);
        properties = java.util.Collections.unmodifiableMap(masked(properties));
        accessKeyId = accessKeyId == null ? null : shortKeyId(accessKeyId);
    }

    /** A copy of {@code properties} with every secret value replaced by {@link #MASK}. */
    static Map<String, String> masked(Map<String, String> properties) {
        Map<String, String> copy = new LinkedHashMap<>();
        properties.forEach((k, v) -> copy.put(k, SECRET_KEYS.contains(k) ? MASK
                : "aws_access_key_id".equals(k) ? shortKeyId(v) : v));
        return copy;
    }

    /** {@code AKIA…WXYZ}: enough to recognise a key, not to use it. Already shortened ids stay as they are. */
    static String shortKeyId(String id) {
        if (id.contains("…") || id.equals(MASK)) {
            return id;
        }
        return id.length() <= 8 ? MASK : id.substring(0, 4) + "…" + id.substring(id.length() - 4);
    }
}
