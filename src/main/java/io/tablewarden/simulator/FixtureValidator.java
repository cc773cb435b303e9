package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static io.tablewarden.simulator.FixtureChecks.describe;
import static io.tablewarden.simulator.FixtureChecks.object;
import static io.tablewarden.simulator.FixtureChecks.optionalArray;
import static io.tablewarden.simulator.FixtureChecks.optionalObject;
import static io.tablewarden.simulator.FixtureChecks.optionalText;
import static io.tablewarden.simulator.FixtureChecks.requiredObject;
import static io.tablewarden.simulator.FixtureChecks.requiredText;

/**
 * Checks an account fixture before anything is served: the fixture's own keys (unknown ones refused with a
 * suggestion, see {@link FixtureKeys}), its regions (data for a region that is not enabled would never be served),
 * its faults, and the AWS shapes in each region ({@link FixtureShapes}). The first problem is reported with its
 * JSON path.
 */
final class FixtureValidator {

    private static final Set<String> PARTITIONS = Set.of("aws", "aws-cn", "aws-us-gov");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern ACTION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9]+");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    private FixtureValidator() {
    }

    /** Validates with every name rule of AWS. */
    static void validate(JsonNode root) throws FixtureException {
        validate(root, false);
    }

    /** @param allowInvalidNames skip the name rules (a test that simulates a hostile endpoint) */
    static void validate(JsonNode root, boolean allowInvalidNames) throws FixtureException {
        object(root, "$");
        FixtureKeys.check(root, "fixture", "$");
        JsonNode version = root.get("formatVersion");
        if (version == null || !version.isIntegralNumber() || version.asLong() != 1) {
            throw new FixtureException("$.formatVersion", "unsupported format version "
                    + (version == null ? "(missing)" : version.toString()) + ", expected 1");
        }
        String account = requiredText(root, "account", "$");
        if (!ACCOUNT.matcher(account).matches()) {
            throw new FixtureException("$.account", "must be 12 digits, got \"" + account + "\"");
        }
        JsonNode partitionNode = root.get("partition");
        if (partitionNode != null && !(partitionNode.isTextual() && PARTITIONS.contains(partitionNode.asText()))) {
            throw new FixtureException("$.partition", "must be one of aws, aws-cn, aws-us-gov, got " + partitionNode);
        }
        String partition = partitionNode == null ? "aws" : partitionNode.asText();
        optionalText(root, "callerArn", "$");
        Set<String> enabled = enabledRegions(root);
        JsonNode regions = root.get("regions");
        if (regions != null && !regions.isNull()) {
            object(regions, "$.regions");
            for (Map.Entry<String, JsonNode> e : regions.properties()) {
                String path = "$.regions." + e.getKey();
                if (!enabled.contains(e.getKey())) {
                    String near = FixtureKeys.nearest(e.getKey(), enabled);
                    throw new FixtureException(path, "region " + e.getKey() + " is not in enabledRegions, so its data"
                            + " would never be served" + (near != null ? "; did you mean " + near + "?"
                            : "; add it to enabledRegions"));
                }
                validateRegion(e.getValue(), path,
                        new FixtureShapes(account, partition, e.getKey(), allowInvalidNames));
            }
        }
        JsonNode faults = root.get("faults");
        if (faults != null && !faults.isNull()) {
            validateFaults(faults, "$.faults");
        }
        JsonNode identities = root.get("identities");
        if (identities != null && !identities.isNull()) {
            validateIdentities(identities, "$.identities");
        }
    }

    private static Set<String> enabledRegions(JsonNode root) throws FixtureException {
        JsonNode enabled = root.get("enabledRegions");
        if (enabled == null || !enabled.isArray()) {
            throw new FixtureException("$.enabledRegions", "must be an array of region names");
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < enabled.size(); i++) {
            String p = "$.enabledRegions[" + i + "]";
            if (!enabled.get(i).isTextual() || !REGION.matcher(enabled.get(i).asText()).matches()) {
                throw new FixtureException(p, "must be a region name such as eu-west-1, got " + describe(enabled.get(i)));
            }
            if (!names.add(enabled.get(i).asText())) {
                throw new FixtureException(p, "region " + enabled.get(i).asText() + " is listed twice");
            }
        }
        return names;
    }

    private static void validateRegion(JsonNode region, String path, FixtureShapes shapes) throws FixtureException {
        object(region, path);
        FixtureKeys.check(region, "region", path);
        checkTimestamps(region, path);
        JsonNode ddb = optionalObject(region, "dynamodb", path);
        if (ddb != null) {
            FixtureKeys.check(ddb, "dynamodb", path + ".dynamodb");
            JsonNode tables = optionalArray(ddb, "tables", path + ".dynamodb");
            Set<String> names = new HashSet<>();
            for (int i = 0; tables != null && i < tables.size(); i++) {
                shapes.table(tables.get(i), path + ".dynamodb.tables[" + i + "]", names);
            }
        }
        JsonNode aas = optionalObject(region, "applicationAutoScaling", path);
        if (aas != null) {
            String base = path + ".applicationAutoScaling";
            FixtureKeys.check(aas, "applicationAutoScaling", base);
            JsonNode targets = optionalArray(aas, "ScalableTargets", base);
            for (int i = 0; targets != null && i < targets.size(); i++) {
                shapes.scalableTarget(targets.get(i), base + ".ScalableTargets[" + i + "]");
            }
            JsonNode policies = optionalArray(aas, "ScalingPolicies", base);
            for (int i = 0; policies != null && i < policies.size(); i++) {
                shapes.scalingPolicy(policies.get(i), base + ".ScalingPolicies[" + i + "]");
            }
        }
        JsonNode backup = optionalObject(region, "backup", path);
        if (backup != null) {
            validateBackup(backup, path + ".backup", shapes);
        }
        JsonNode dax = optionalObject(region, "dax", path);
        if (dax != null) {
            FixtureKeys.check(dax, "dax", path + ".dax");
            JsonNode clusters = optionalArray(dax, "Clusters", path + ".dax");
            for (int i = 0; clusters != null && i < clusters.size(); i++) {
                shapes.daxCluster(clusters.get(i), path + ".dax.Clusters[" + i + "]");
            }
            JsonNode tags = optionalObject(dax, "Tags", path + ".dax");
            if (tags != null) {
                shapes.daxTags(tags, path + ".dax.Tags");
            }
        }
        JsonNode kms = optionalObject(region, "kms", path);
        if (kms != null) {
            FixtureKeys.check(kms, "kms", path + ".kms");
            JsonNode keys = optionalArray(kms, "Keys", path + ".kms");
            for (int i = 0; keys != null && i < keys.size(); i++) {
                shapes.kmsKey(keys.get(i), path + ".kms.Keys[" + i + "]");
            }
        }
    }

    private static void validateBackup(JsonNode backup, String base, FixtureShapes shapes) throws FixtureException {
        FixtureKeys.check(backup, "backup", base);
        optionalObject(backup, "RegionSettings", base);
        JsonNode plans = optionalArray(backup, "BackupPlans", base);
        Set<String> ids = new HashSet<>();
        for (int i = 0; plans != null && i < plans.size(); i++) {
            String p = base + ".BackupPlans[" + i + "]";
            JsonNode plan = object(plans.get(i), p);
            String id = requiredText(plan, "BackupPlanId", p);
            if (!ids.add(id)) {
                throw new FixtureException(p + ".BackupPlanId", "duplicate backup plan id \"" + id + "\"");
            }
            requiredText(plan, "BackupPlanArn", p);
            optionalText(plan, "BackupPlanName", p);
            optionalText(plan, "VersionId", p);
            shapes.backupPlan(plan, p);
            JsonNode selections = optionalArray(plan, "Selections", p);
            if (plan.hasNonNull("DeletionDate") && selections != null && selections.size() > 0) {
                // AWS deletes a plan only once its selections are gone, so none can be read back.
                throw new FixtureException(p + ".Selections", "a deleted plan (DeletionDate) has no selections");
            }
            for (int j = 0; selections != null && j < selections.size(); j++) {
                String s = p + ".Selections[" + j + "]";
                JsonNode sel = object(selections.get(j), s);
                requiredText(sel, "SelectionId", s);
                JsonNode bs = requiredObject(sel, "BackupSelection", s);
                shapes.backupSelectionName(requiredText(bs, "SelectionName", s + ".BackupSelection"),
                        s + ".BackupSelection.SelectionName");
                optionalText(bs, "IamRoleArn", s + ".BackupSelection");
                for (String list : new String[] {"Resources", "NotResources"}) {
                    JsonNode arr = optionalArray(bs, list, s + ".BackupSelection");
                    for (int k = 0; arr != null && k < arr.size(); k++) {
                        if (!arr.get(k).isTextual()) {
                            throw new FixtureException(s + ".BackupSelection." + list + "[" + k + "]",
                                    "must be an ARN string");
                        }
                    }
                }
                optionalArray(bs, "ListOfTags", s + ".BackupSelection");
                optionalObject(bs, "Conditions", s + ".BackupSelection");
            }
        }
        JsonNode vaults = optionalArray(backup, "BackupVaults", base);
        for (int i = 0; vaults != null && i < vaults.size(); i++) {
            shapes.backupVault(vaults.get(i), base + ".BackupVaults[" + i + "]");
        }
        JsonNode points = optionalArray(backup, "RecoveryPoints", base);
        for (int i = 0; points != null && i < points.size(); i++) {
            shapes.recoveryPoint(points.get(i), base + ".RecoveryPoints[" + i + "]");
        }
    }

    private static void validateFaults(JsonNode faults, String base) throws FixtureException {
        object(faults, base);
        FixtureKeys.check(faults, "faults", base);
        nonNegative(faults, "latencyMs", base);
        nonNegative(faults, "latencyJitterMs", base);
        nonNegative(faults, "maxInFlight", base);
        double total = 0;
        for (String rate : new String[] {"throttleRate", "serverErrorRate"}) {
            JsonNode v = faults.get(rate);
            if (v != null && !(v.isNumber() && v.asDouble() >= 0.0 && v.asDouble() <= 1.0)) {
                throw new FixtureException(base + "." + rate, "must be a number between 0 and 1, got " + v);
            }
            total += v == null ? 0 : v.asDouble();
        }
        if (total > 1.0) {
            throw new FixtureException(base, "throttleRate + serverErrorRate is " + total
                    + ", above 1: a request fails one way at most");
        }
        JsonNode seed = faults.get("seed");
        if (seed != null && !seed.isIntegralNumber()) {
            throw new FixtureException(base + ".seed", "must be an integer, got " + seed);
        }
        JsonNode repeated = optionalArray(faults, "repeatPageTokens", base);
        for (int i = 0; repeated != null && i < repeated.size(); i++) {
            JsonNode op = repeated.get(i);
            if (!op.isTextual() || !ACTION.matcher(op.asText()).matches()) {
                throw new FixtureException(base + ".repeatPageTokens[" + i + "]",
                        "must name an operation as service:Operation, got " + op);
            }
        }
        JsonNode denied = optionalArray(faults, "accessDenied", base);
        for (int i = 0; denied != null && i < denied.size(); i++) {
            String p = base + ".accessDenied[" + i + "]";
            object(denied.get(i), p);
            FixtureKeys.check(denied.get(i), "accessDenied", p);
            String action = requiredText(denied.get(i), "action", p);
            if (!ACTION.matcher(action).matches()) {
                throw new FixtureException(p + ".action", "must look like service:Operation, got \"" + action + "\"");
            }
            optionalText(denied.get(i), "resource", p);
            String region = optionalText(denied.get(i), "region", p);
            if (region != null && !REGION.matcher(region).matches()) {
                throw new FixtureException(p + ".region", "must be a region name such as eu-west-1, got \""
                        + region + "\"");
            }
        }
    }

    /** The keys of the identities block; its values are checked where they are read ({@link IdentityFixture}). */
    private static void validateIdentities(JsonNode identities, String base) throws FixtureException {
        object(identities, base);
        FixtureKeys.check(identities, "identities", base);
        JsonNode roles = optionalArray(identities, "roles", base);
        for (int i = 0; roles != null && i < roles.size(); i++) {
            String p = base + ".roles[" + i + "]";
            FixtureKeys.check(object(roles.get(i), p), "identityRole", p);
        }
        JsonNode sso = optionalObject(identities, "sso", base);
        if (sso != null) {
            FixtureKeys.check(sso, "sso", base + ".sso");
            JsonNode ssoRoles = optionalArray(sso, "roles", base + ".sso");
            for (int i = 0; ssoRoles != null && i < ssoRoles.size(); i++) {
                String p = base + ".sso.roles[" + i + "]";
                FixtureKeys.check(object(ssoRoles.get(i), p), "ssoRole", p);
            }
        }
    }

    /** Dates are epoch seconds in every fixture object, as the JSON protocols send them. */
    private static void checkTimestamps(JsonNode node, String path) throws FixtureException {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String key = e.getKey();
                JsonNode v = e.getValue();
                String p = path + "." + key;
                if (isTimestampName(key) && !(v.isNumber() || v.isNull())) {
                    throw new FixtureException(p, "timestamp must be a number of epoch seconds, got " + v);
                }
                checkTimestamps(v, p);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkTimestamps(node.get(i), path + "[" + i + "]");
            }
        }
    }

    private static boolean isTimestampName(String key) {
        return key.endsWith("Date") || key.endsWith("DateTime") || key.equals("CreationTime")
                || key.equals("NodeCreateTime") || key.equals("LastModifiedTime");
    }

    private static void nonNegative(JsonNode parent, String field, String path) throws FixtureException {
        JsonNode v = parent.get(field);
        if (v != null && !(v.isIntegralNumber() && v.asLong() >= 0)) {
            throw new FixtureException(path + "." + field, "must be a non-negative integer, got " + v);
        }
    }
}
