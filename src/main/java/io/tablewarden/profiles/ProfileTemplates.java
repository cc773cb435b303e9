package io.tablewarden.profiles;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The properties of a new profile of each kind, in the order the AWS CLI writes them, for
 * {@link ProfileEditor#add}. Empty optional values are left out.
 */
public final class ProfileTemplates {

    private ProfileTemplates() {
    }

    /** Long-term or temporary keys ({@code sessionToken} may be null). */
    public static Map<String, String> staticKeys(String accessKeyId, String secretAccessKey, String sessionToken,
                                                 String region) {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "region", region);
        put(p, "aws_access_key_id", accessKeyId);
        put(p, "aws_secret_access_key", secretAccessKey);
        put(p, "aws_session_token", sessionToken);
        return p;
    }

    /** A role assumed with the credentials of {@code sourceProfile}. */
    public static Map<String, String> role(String roleArn, String sourceProfile, String region, String externalId,
                                           String mfaSerial, String roleSessionName, Integer durationSeconds) {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "role_arn", roleArn);
        put(p, "source_profile", sourceProfile);
        put(p, "external_id", externalId);
        put(p, "mfa_serial", mfaSerial);
        put(p, "role_session_name", roleSessionName);
        put(p, "duration_seconds", durationSeconds == null ? null : durationSeconds.toString());
        put(p, "region", region);
        return p;
    }

    /** An IAM Identity Center profile that uses an {@code [sso-session NAME]} section. */
    public static Map<String, String> sso(String ssoSession, String accountId, String roleName, String region) {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "sso_session", ssoSession);
        put(p, "sso_account_id", accountId);
        put(p, "sso_role_name", roleName);
        put(p, "region", region);
        return p;
    }

    /** A profile whose credentials come from an external program ({@code credential_process}), in the config file. */
    public static Map<String, String> credentialProcess(String command, String region) {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "credential_process", command);
        put(p, "region", region);
        return p;
    }

    private static void put(Map<String, String> p, String key, String value) {
        if (value != null && !value.isBlank()) {
            p.put(key, value.trim());
        }
    }
}
