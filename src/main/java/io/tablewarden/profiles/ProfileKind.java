package io.tablewarden.profiles;

import java.util.Locale;

/** How a profile gets credentials, decided with the precedence of the AWS SDKs. */
public enum ProfileKind {
    /** {@code aws_access_key_id} and {@code aws_secret_access_key}, perhaps with {@code aws_session_token}. */
    STATIC_KEYS,
    /** {@code role_arn} with {@code source_profile}, {@code credential_source} or a web identity token file. */
    ROLE,
    /** IAM Identity Center: {@code sso_session} or the legacy {@code sso_start_url} keys. */
    SSO,
    /** {@code credential_process}. */
    CREDENTIAL_PROCESS,
    /** No credentials at all (for example only a region); usable only with credentials from elsewhere. */
    INCOMPLETE,
    /** Credentials are configured but cannot work; the summary says why. */
    INVALID;

    /** Lower-case, dash-separated: {@code static-keys}, {@code credential-process}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
