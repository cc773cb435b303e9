package io.tablewarden.profiles;

/**
 * The two shared files of the AWS tools. They differ in how a section header names a profile: the config file
 * needs {@code [profile NAME]} (only {@code default} may go without), the credentials file uses {@code [NAME]}.
 */
public enum ConfigFileType {
    /** {@code ~/.aws/config}: profiles, {@code sso-session} and {@code services} sections. */
    CONFIG("config"),
    /** {@code ~/.aws/credentials}: profiles only, usually holding keys. */
    CREDENTIALS("credentials");

    private final String label;

    ConfigFileType(String label) {
        this.label = label;
    }

    /** The lower-case word used in listings and JSON. */
    public String label() {
        return label;
    }
}
