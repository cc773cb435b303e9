package io.tablewarden.profiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides a profile's kind with the precedence of the AWS SDKs (role, then IAM Identity Center, then
 * {@code credential_process}, then keys) and checks that it can work: a role chain is followed through every
 * {@code source_profile} to the profile that holds the first credentials, stopping at a loop or a missing
 * profile with a message that names them.
 */
final class ProfileClassifier {

    /** The values of {@code credential_source} the SDKs know. */
    static final Set<String> CREDENTIAL_SOURCES = Set.of("Environment", "Ec2InstanceMetadata", "EcsContainer");

    private static final List<String> SSO_KEYS = List.of("sso_session", "sso_start_url", "sso_region",
            "sso_account_id", "sso_role_name");

    private final ProfileCatalog catalog;

    ProfileClassifier(ProfileCatalog catalog) {
        this.catalog = catalog;
    }

    ProfileSummary summarize(String name) {
        Map<String, String> p = catalog.properties(name).orElse(Map.of());
        Builder b = new Builder(name, p);
        if (p.containsKey("role_arn")) {
            role(b, name, p);
        } else if (SSO_KEYS.stream().anyMatch(p::containsKey)) {
            sso(b, p);
        } else if (p.containsKey("credential_process")) {
            b.kind = ProfileKind.CREDENTIAL_PROCESS;
        } else if (p.containsKey("aws_access_key_id") || p.containsKey("aws_secret_access_key")
                || p.containsKey("aws_session_token")) {
            String missing = missingKeyHalf(p);
            if (missing == null) {
                b.kind = ProfileKind.STATIC_KEYS;
            } else {
                b.invalid(missing);
            }
        } else {
            b.kind = ProfileKind.INCOMPLETE;
            b.reason = "no credentials: no keys, role, IAM Identity Center or credential_process";
        }
        return b.build();
    }

    private static String missingKeyHalf(Map<String, String> p) {
        if (!p.containsKey("aws_access_key_id")) {
            return "aws_access_key_id is missing";
        }
        if (!p.containsKey("aws_secret_access_key")) {
            return "aws_secret_access_key is missing";
        }
        return null;
    }

    private void role(Builder b, String name, Map<String, String> p) {
        b.kind = ProfileKind.ROLE;
        b.chain.add(name);
        String problem = followChain(name, b.chain);
        if (problem != null) {
            b.invalid(problem);
        }
    }

    /** Walks the chain from {@code start}, appending to {@code chain}; returns what breaks it, or null. */
    private String followChain(String start, List<String> chain) {
        String current = start;
        while (true) {
            Map<String, String> p = catalog.properties(current).orElse(Map.of());
            if (!p.containsKey("role_arn")) {
                return hasCredentials(current, p);
            }
            boolean source = p.containsKey("source_profile");
            boolean credentialSource = p.containsKey("credential_source");
            if (source && credentialSource) {
                return "profile " + current + " has both source_profile and credential_source";
            }
            if (credentialSource) {
                String value = p.get("credential_source");
                chain.add("credential_source " + value);
                return CREDENTIAL_SOURCES.contains(value) ? null : "unknown credential_source '" + value
                        + "' (expected Environment, Ec2InstanceMetadata or EcsContainer)";
            }
            if (!source) {
                if (p.containsKey("web_identity_token_file")) {
                    chain.add("web_identity_token_file");
                    return null;
                }
                return "profile " + current + " has role_arn but no source_profile or credential_source";
            }
            String next = p.get("source_profile");
            if (next.equals(current)) {
                // The AWS CLI accepts this when the profile holds keys; the SDKs (and so Tablewarden's scans) do not.
                chain.add(next);
                return "source_profile names the profile itself, which only the AWS CLI accepts";
            }
            if (chain.contains(next)) {
                chain.add(next);
                return "role chain loops back to " + next;
            }
            chain.add(next);
            if (catalog.properties(next).isEmpty()) {
                return "source_profile " + next + " of profile " + current + " does not exist";
            }
            current = next;
        }
    }

    /** A profile at the end of a chain must give credentials by itself. */
    private String hasCredentials(String name, Map<String, String> p) {
        if (SSO_KEYS.stream().anyMatch(p::containsKey) || p.containsKey("credential_process")) {
            return null;
        }
        if (p.containsKey("aws_access_key_id") || p.containsKey("aws_secret_access_key")) {
            String missing = missingKeyHalf(p);
            return missing == null ? null : "source profile " + name + ": " + missing;
        }
        return "source profile " + name + " has no credentials";
    }

    private void sso(Builder b, Map<String, String> p) {
        b.kind = ProfileKind.SSO;
        String session = p.get("sso_session");
        List<String> missing = new ArrayList<>();
        if (session != null) {
            Map<String, String> s = catalog.ssoSession(session).orElse(null);
            if (s == null) {
                b.invalid("sso-session " + session + " does not exist");
                return;
            }
            b.ssoStartUrl = s.get("sso_start_url");
            b.ssoRegion = s.get("sso_region");
            if (p.containsKey("sso_start_url") && !p.get("sso_start_url").equals(b.ssoStartUrl)) {
                b.invalid("sso_start_url differs from that of sso-session " + session);
                return;
            }
            if (p.containsKey("sso_region") && !p.get("sso_region").equals(b.ssoRegion)) {
                b.invalid("sso_region differs from that of sso-session " + session);
                return;
            }
            if (b.ssoStartUrl == null) {
                missing.add("sso_start_url (in sso-session " + session + ")");
            }
            if (b.ssoRegion == null) {
                missing.add("sso_region (in sso-session " + session + ")");
            }
        } else {
            for (String key : List.of("sso_start_url", "sso_region")) {
                if (!p.containsKey(key)) {
                    missing.add(key);
                }
            }
        }
        for (String key : List.of("sso_account_id", "sso_role_name")) {
            if (!p.containsKey(key)) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            b.invalid("missing " + String.join(", ", missing));
        }
    }

    /** Collects the fields of a summary. */
    private final class Builder {
        private final String name;
        private final Map<String, String> p;
        private final List<String> chain = new ArrayList<>();
        private ProfileKind kind;
        private String reason;
        private String ssoStartUrl;
        private String ssoRegion;

        Builder(String name, Map<String, String> p) {
            this.name = name;
            this.p = p;
            this.ssoStartUrl = p.get("sso_start_url");
            this.ssoRegion = p.get("sso_region");
        }

        void invalid(String why) {
            kind = ProfileKind.INVALID;
            reason = why;
        }

        ProfileSummary build() {
            return new ProfileSummary(name, kind, reason, name.equals(catalog.currentProfile()),
                    catalog.sources(name), p.get("region"), p.get("output"), p.get("endpoint_url"), p.get("role_arn"),
                    chain, p.get("sso_session"), ssoStartUrl, ssoRegion, p.get("sso_account_id"),
                    p.get("sso_role_name"), p.get("aws_access_key_id"), p.containsKey("aws_session_token"), p);
        }
    }
}
