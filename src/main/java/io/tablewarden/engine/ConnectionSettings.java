package io.tablewarden.engine;

import io.tablewarden.engine.aws.credentials.MfaCodeSupplier;

import java.net.URI;

/**
 * How to reach AWS (or an AWS-compatible endpoint) and with which identity. Holds no secret unless
 * {@code staticCredentials} is set (used for the local simulator); nothing here is ever persisted.
 *
 * @param profile           named profile, or null for the default credential chain
 * @param endpointUrl       endpoint override for every service, or null (then AWS_ENDPOINT_URL / the profile's endpoint_url apply)
 * @param defaultRegion     region used for global calls (STS, region discovery); null = from profile/env, else us-east-1
 * @param staticCredentials explicit credentials, or null
 * @param mfaCodes          asked for a code when the profile's role has {@code mfa_serial}; null = nobody to ask
 * @param memberRole        a role in another account that the credentials above assume before every call (an
 *                          organisation's member account), or null to call as those credentials
 */
public record ConnectionSettings(String profile, URI endpointUrl, String defaultRegion,
                                 StaticCredentials staticCredentials, MfaCodeSupplier mfaCodes, MemberRole memberRole) {

    /** Settings calling as the profile or credentials themselves. */
    public ConnectionSettings(String profile, URI endpointUrl, String defaultRegion,
                              StaticCredentials staticCredentials, MfaCodeSupplier mfaCodes) {
        this(profile, endpointUrl, defaultRegion, staticCredentials, mfaCodes, null);
    }

    /** Settings without anyone to ask for MFA codes. */
    public ConnectionSettings(String profile, URI endpointUrl, String defaultRegion,
                              StaticCredentials staticCredentials) {
        this(profile, endpointUrl, defaultRegion, staticCredentials, null);
    }

    /** The same settings, asking {@code supplier} for MFA codes. */
    public ConnectionSettings withMfaCodes(MfaCodeSupplier supplier) {
        return new ConnectionSettings(profile, endpointUrl, defaultRegion, staticCredentials, supplier, memberRole);
    }

    /** The same settings assuming {@code role} (null: none) with their credentials before every call. */
    public ConnectionSettings withMemberRole(MemberRole role) {
        return new ConnectionSettings(profile, endpointUrl, defaultRegion, staticCredentials, mfaCodes, role);
    }

    /**
     * A role in an organisation's member account, assumed with sts:AssumeRole from the connection's own
     * credentials; the temporary credentials are renewed before they expire.
     *
     * @param roleArn     the role, {@code arn:aws:iam::ACCOUNT:role/NAME}
     * @param externalId  the external id its trust policy requires, or null
     * @param sessionName the role session name (shows in the member's CloudTrail), or null for a default
     */
    public record MemberRole(String roleArn, String externalId, String sessionName) {
        public MemberRole {
            java.util.Objects.requireNonNull(roleArn, "roleArn");
        }

        /** The member account's id, read from the role ARN. */
        public String accountId() {
            String[] parts = roleArn.split(":", 6);
            return parts.length > 4 ? parts[4] : "";
        }
    }

    /**
     * Whether this connection needs nothing from the user's AWS config and credentials files: explicit
     * credentials and no profile, as for the built-in simulator. Such a connection never reads them, so a broken
     * {@code ~/.aws/config} cannot stop a demo or fixture scan.
     */
    public boolean offline() {
        return staticCredentials != null && profile == null;
    }

    /** Explicit credentials. {@link #toString()} never prints the secret. */
    public record StaticCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {
        @Override
        public String toString() {
            return "StaticCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=****]";
        }
    }

    /** Settings for a local simulator whose account has us-east-1 enabled. */
    public static ConnectionSettings forSimulator(URI endpoint) {
        return forSimulator(endpoint, "us-east-1");
    }

    /**
     * Settings for a local simulator: fixed dummy credentials, every call to {@code endpoint}, global calls
     * (STS, region discovery) signed for {@code homeRegion}, which must be enabled in the served account.
     */
    public static ConnectionSettings forSimulator(URI endpoint, String homeRegion) {
        return new ConnectionSettings(null, endpoint, homeRegion,
                new StaticCredentials("AKIDSIMULATOR00000000", "simulator-secret", null));
    }
}
