package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the shape rules of an account fixture before anything is served. Only the fields the simulator reads
 * or hands out as typed values are checked; unknown AWS members pass through untouched.
 */
final class FixtureValidator {

    private static final Set<String> PARTITIONS = Set.of("aws", "aws-cn", "aws-us-gov");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern ACTION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9]+");

    private FixtureValidator() {
    }

    static void validate(JsonNode root) throws FixtureException {
        object(root, "$");
        JsonNode version = root.get("formatVersion");
        if (version == null || !version.isIntegralNumber() || version.asLong() != 1) {
            throw new FixtureException("$.formatVersion", "unsupported format version "
                    + (version == null ? "(missing)" : version.toString()) + ", expected 1");
        }
        String account = requiredText(root, "account", "$");
        if (!ACCOUNT.matcher(account).matches()) {
            throw new FixtureException("$.account", "must be 12 digits, got \"" + account + "\"");
        }
        JsonNode partition = root.get("partition");
        if (partition != null && !(partition.isTextual() && PARTITIONS.contains(partition.asText()))) {
            throw new FixtureException("$.partition", "must be one of aws, aws-cn, aws-us-gov, got " + partition);
        }
        optionalText(root, "callerArn", "$");
        JsonNode enabled = root.get("enabledRegions");
        if (enabled == null || !enabled.isArray()) {
            throw new FixtureException("$.enabledRegions", "must be an array of region names");
        }
        for (int i = 0; i < enabled.size(); i++) {
            if (!enabled.get(i).isTextual() || enabled.get(i).asText().isBlank()) {
                throw new FixtureException("$.enabledRegions[" + i + "]", "must be a region name string");
            }
        }
        JsonNode regions = root.get("regions");
        if (regions != null && !regions.isNull()) {
            object(regions, "$.regions");
            for (Map.Entry<String, JsonNode> e : regions.properties()) {
                validateRegion(e.getValue(), "$.regions." + e.getKey());
            }
        }
        JsonNode faults = root.get("faults");
        if (faults != null && !faults.isNull()) {
            validateFaults(faults, "$.faults");
        }
    }

    private static void validateRegion(JsonNode region, String path) throws FixtureException {
        object(region, path);
        checkTimestamps(region, path);
        JsonNode ddb = optionalObject(region, "dynamodb", path);
        if (ddb != null) {
            JsonNode tables = optionalArray(ddb, "tables", path + ".dynamodb");
            Set<String> names = new HashSet<>();
            for (int i = 0; tables != null && i < tables.size(); i++) {
                String p = path + ".dynamodb.tables[" + i + "]";
                JsonNode entry = object(tables.get(i), p);
                JsonNode table = requiredObject(entry, "Table", p);
                String name = requiredText(table, "TableName", p + ".Table");
                requiredText(table, "TableArn", p + ".Table");
                if (!names.add(name)) {
                    throw new FixtureException(p + ".Table.TableName", "duplicate table name \"" + name + "\"");
                }
                optionalObject(entry, "ContinuousBackupsDescription", p);
                JsonNode policy = entry.get("Policy");
                if (policy != null && !policy.isNull() && !policy.isTextual()) {
                    throw new FixtureException(p + ".Policy", "must be a JSON policy string or null");
                }
                tags(entry.get("Tags"), p + ".Tags");
            }
        }
        JsonNode aas = optionalObject(region, "applicationAutoScaling", path);
        if (aas != null) {
            String base = path + ".applicationAutoScaling";
            JsonNode targets = optionalArray(aas, "ScalableTargets", base);
            for (int i = 0; targets != null && i < targets.size(); i++) {
                String p = base + ".ScalableTargets[" + i + "]";
                object(targets.get(i), p);
                for (String f : new String[] {"ServiceNamespace", "ResourceId", "ScalableDimension"}) {
                    requiredText(targets.get(i), f, p);
                }
            }
            JsonNode policies = optionalArray(aas, "ScalingPolicies", base);
            for (int i = 0; policies != null && i < policies.size(); i++) {
                String p = base + ".ScalingPolicies[" + i + "]";
                object(policies.get(i), p);
                for (String f : new String[] {"PolicyName", "ServiceNamespace", "ResourceId", "ScalableDimension"}) {
                    requiredText(policies.get(i), f, p);
                }
            }
        }
        JsonNode backup = optionalObject(region, "backup", path);
        if (backup != null) {
            validateBackup(backup, path + ".backup");
        }
        JsonNode dax = optionalObject(region, "dax", path);
        if (dax != null) {
            JsonNode clusters = optionalArray(dax, "Clusters", path + ".dax");
            for (int i = 0; clusters != null && i < clusters.size(); i++) {
                String p = path + ".dax.Clusters[" + i + "]";
                object(clusters.get(i), p);
                requiredText(clusters.get(i), "ClusterName", p);
                requiredText(clusters.get(i), "ClusterArn", p);
            }
            JsonNode tags = optionalObject(dax, "Tags", path + ".dax");
            if (tags != null) {
                for (Map.Entry<String, JsonNode> e : tags.properties()) {
                    String p = path + ".dax.Tags." + e.getKey();
                    if (!e.getValue().isArray()) {
                        throw new FixtureException(p, "must be an array of {Key, Value}");
                    }
                    tags(e.getValue(), p);
                }
            }
        }
        JsonNode kms = optionalObject(region, "kms", path);
        if (kms != null) {
            JsonNode keys = optionalArray(kms, "Keys", path + ".kms");
            for (int i = 0; keys != null && i < keys.size(); i++) {
                String p = path + ".kms.Keys[" + i + "]";
                object(keys.get(i), p);
                JsonNode meta = requiredObject(keys.get(i), "KeyMetadata", p);
                requiredText(meta, "KeyId", p + ".KeyMetadata");
                requiredText(meta, "Arn", p + ".KeyMetadata");
                JsonNode rotation = keys.get(i).get("KeyRotationEnabled");
                if (rotation != null && !rotation.isNull() && !rotation.isBoolean()) {
                    throw new FixtureException(p + ".KeyRotationEnabled", "must be true or false");
                }
                JsonNode aliases = optionalArray(keys.get(i), "Aliases", p);
                for (int j = 0; aliases != null && j < aliases.size(); j++) {
                    if (!aliases.get(j).isTextual() || !aliases.get(j).asText().startsWith("alias/")) {
                        throw new FixtureException(p + ".Aliases[" + j + "]", "must be a string starting with alias/");
                    }
                }
            }
        }
    }

    private static void validateBackup(JsonNode backup, String base) throws FixtureException {
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
            JsonNode body = requiredObject(plan, "BackupPlan", p);
            JsonNode rules = optionalArray(body, "Rules", p + ".BackupPlan");
            for (int j = 0; rules != null && j < rules.size(); j++) {
                String r = p + ".BackupPlan.Rules[" + j + "]";
                object(rules.get(j), r);
                requiredText(rules.get(j), "RuleName", r);
                requiredText(rules.get(j), "TargetBackupVaultName", r);
            }
            JsonNode selections = optionalArray(plan, "Selections", p);
            for (int j = 0; selections != null && j < selections.size(); j++) {
                String s = p + ".Selections[" + j + "]";
                JsonNode sel = object(selections.get(j), s);
                requiredText(sel, "SelectionId", s);
                JsonNode bs = requiredObject(sel, "BackupSelection", s);
                requiredText(bs, "SelectionName", s + ".BackupSelection");
                optionalText(bs, "IamRoleArn", s + ".BackupSelection");
                for (String list : new String[] {"Resources", "NotResources"}) {
                    JsonNode arr = optionalArray(bs, list, s + ".BackupSelection");
                    for (int k = 0; arr != null && k < arr.size(); k++) {
                        if (!arr.get(k).isTextual()) {
                            throw new FixtureException(s + ".BackupSelection." + list + "[" + k + "]", "must be an ARN string");
                        }
                    }
                }
                optionalArray(bs, "ListOfTags", s + ".BackupSelection");
                optionalObject(bs, "Conditions", s + ".BackupSelection");
            }
        }
        JsonNode vaults = optionalArray(backup, "BackupVaults", base);
        for (int i = 0; vaults != null && i < vaults.size(); i++) {
            String p = base + ".BackupVaults[" + i + "]";
            object(vaults.get(i), p);
            requiredText(vaults.get(i), "BackupVaultName", p);
            requiredText(vaults.get(i), "BackupVaultArn", p);
        }
        JsonNode points = optionalArray(backup, "RecoveryPoints", base);
        for (int i = 0; points != null && i < points.size(); i++) {
            String p = base + ".RecoveryPoints[" + i + "]";
            object(points.get(i), p);
            requiredText(points.get(i), "ResourceArn", p);
            requiredText(points.get(i), "RecoveryPointArn", p);
        }
    }

    private static void validateFaults(JsonNode faults, String base) throws FixtureException {
        object(faults, base);
        nonNegative(faults, "latencyMs", base);
        nonNegative(faults, "latencyJitterMs", base);
        nonNegative(faults, "maxInFlight", base);
        for (String rate : new String[] {"throttleRate", "serverErrorRate"}) {
            JsonNode v = faults.get(rate);
            if (v != null && !(v.isNumber() && v.asDouble() >= 0.0 && v.asDouble() <= 1.0)) {
                throw new FixtureException(base + "." + rate, "must be a number between 0 and 1, got " + v);
            }
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
            String action = requiredText(denied.get(i), "action", p);
            if (!ACTION.matcher(action).matches()) {
                throw new FixtureException(p + ".action", "must look like service:Operation, got \"" + action + "\"");
            }
            optionalText(denied.get(i), "resource", p);
            optionalText(denied.get(i), "region", p);
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

    private static void tags(JsonNode tags, String path) throws FixtureException {
        if (tags == null || tags.isNull()) {
            return;
        }
        if (!tags.isArray()) {
            throw new FixtureException(path, "must be an array of {Key, Value}");
        }
        for (int i = 0; i < tags.size(); i++) {
            String p = path + "[" + i + "]";
            object(tags.get(i), p);
            requiredText(tags.get(i), "Key", p);
            requiredText(tags.get(i), "Value", p);
        }
    }

    private static void nonNegative(JsonNode parent, String field, String path) throws FixtureException {
        JsonNode v = parent.get(field);
        if (v != null && !(v.isIntegralNumber() && v.asLong() >= 0)) {
            throw new FixtureException(path + "." + field, "must be a non-negative integer, got " + v);
        }
    }

    private static JsonNode object(JsonNode node, String path) throws FixtureException {
        if (node == null || !node.isObject()) {
            throw new FixtureException(path, "must be an object, got " + describe(node));
        }
        return node;
    }

    private static JsonNode requiredObject(JsonNode parent, String field, String path) throws FixtureException {
        return object(parent.get(field), path + "." + field);
    }

    private static JsonNode optionalObject(JsonNode parent, String field, String path) throws FixtureException {
        JsonNode v = parent.get(field);
        return v == null || v.isNull() ? null : object(v, path + "." + field);
    }

    private static JsonNode optionalArray(JsonNode parent, String field, String path) throws FixtureException {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw new FixtureException(path + "." + field, "must be an array, got " + describe(v));
        }
        return v;
    }

    private static String requiredText(JsonNode parent, String field, String path) throws FixtureException {
        JsonNode v = parent.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new FixtureException(path + "." + field, "must be a non-empty string, got " + describe(v));
        }
        return v.asText();
    }

    private static void optionalText(JsonNode parent, String field, String path) throws FixtureException {
        JsonNode v = parent.get(field);
        if (v != null && !v.isNull() && !v.isTextual()) {
            throw new FixtureException(path + "." + field, "must be a string, got " + describe(v));
        }
    }

    private static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + (v.isContainerNode() ? "" : " " + v);
    }
}
