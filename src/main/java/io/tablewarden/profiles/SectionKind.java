package io.tablewarden.profiles;

/** What a section header declares. */
public enum SectionKind {
    /** A profile: {@code [default]}, {@code [profile NAME]} in config, {@code [NAME]} in credentials. */
    PROFILE,
    /** {@code [sso-session NAME]} in the config file. */
    SSO_SESSION,
    /** {@code [services NAME]} in the config file. */
    SERVICES,
    /**
     * A section the AWS tools skip, with its properties: {@code [NAME]} without {@code profile } in the config
     * file, {@code [profile NAME]} in the credentials file, a name with characters outside the allowed set, or a
     * {@code [default]} that a {@code [profile default]} in the same file supersedes.
     */
    IGNORED
}
