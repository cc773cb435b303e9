package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The keys of the fixture's own objects (the grouping around the AWS shapes, the faults and the identities), in one
 * place: a key that is not listed is refused with the nearest listed one as a suggestion, so {@code throtleRate}
 * does not silently leave a fault switched off. The AWS response shapes themselves are not listed here: an exported
 * account carries whatever members AWS sent, including ones newer than Tablewarden. A new key of the format is one
 * line below.
 */
final class FixtureKeys {

    /** Object (by a name the validator uses) to its allowed keys. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("fixture", Set.of("formatVersion", "account", "partition", "callerArn", "enabledRegions",
                    "regions", "faults", "identities")),
            Map.entry("region", Set.of("dynamodb", "applicationAutoScaling", "backup", "dax", "kms")),
            Map.entry("dynamodb", Set.of("tables")),
            Map.entry("table", Set.of("Table", "ContinuousBackupsDescription", "Policy", "Tags")),
            Map.entry("applicationAutoScaling", Set.of("ScalableTargets", "ScalingPolicies")),
            Map.entry("backup", Set.of("RegionSettings", "BackupPlans", "BackupVaults", "RecoveryPoints")),
            Map.entry("dax", Set.of("Clusters", "Tags")),
            Map.entry("kms", Set.of("Keys")),
            Map.entry("kmsKey", Set.of("KeyMetadata", "KeyRotationEnabled", "Aliases")),
            Map.entry("faults", Set.of("latencyMs", "latencyJitterMs", "throttleRate", "serverErrorRate", "seed",
                    "accessDenied", "maxInFlight", "repeatPageTokens")),
            Map.entry("accessDenied", Set.of("action", "resource", "region")),
            Map.entry("identities", Set.of("accountAliases", "roles", "sso")),
            Map.entry("identityRole", Set.of("RoleArn", "ExternalId", "MfaSerialNumber", "MfaTokenCode")),
            Map.entry("sso", Set.of("pendingPolls", "slowDownPolls", "accessTokens", "roles")),
            Map.entry("ssoRole", Set.of("accountId", "roleName")));

    private FixtureKeys() {
    }

    /** Refuses the first key of {@code node} that the object {@code kind} does not allow. */
    static void check(JsonNode node, String kind, String path) throws FixtureException {
        Set<String> allowed = ALLOWED.get(kind);
        if (allowed == null) {
            throw new IllegalArgumentException("no key list for " + kind);
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!allowed.contains(e.getKey())) {
                String near = nearest(e.getKey(), allowed);
                throw new FixtureException(path + "." + e.getKey(), "unknown key " + e.getKey()
                        + (near != null ? "; did you mean " + near + "?"
                        : "; expected one of " + String.join(", ", List.copyOf(new java.util.TreeSet<>(allowed)))));
            }
        }
    }

    /** The candidate within two edits (or differing only in case) of {@code word}, else null. */
    static String nearest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = 3;
        for (String c : candidates) {
            int d = c.toLowerCase(Locale.ROOT).equals(word.toLowerCase(Locale.ROOT)) ? 0 : distance(word, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one character each cost one. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
