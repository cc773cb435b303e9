package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static io.tablewarden.simulator.FixtureChecks.bool;
import static io.tablewarden.simulator.FixtureChecks.enumValue;
import static io.tablewarden.simulator.FixtureChecks.integer;
import static io.tablewarden.simulator.FixtureChecks.length;
import static io.tablewarden.simulator.FixtureChecks.number;
import static io.tablewarden.simulator.FixtureChecks.object;
import static io.tablewarden.simulator.FixtureChecks.optionalArray;
import static io.tablewarden.simulator.FixtureChecks.optionalObject;
import static io.tablewarden.simulator.FixtureChecks.optionalText;
import static io.tablewarden.simulator.FixtureChecks.requiredObject;
import static io.tablewarden.simulator.FixtureChecks.requiredText;
import static io.tablewarden.simulator.FixtureChecks.text;

/**
 * The AWS response shapes of one region of a fixture, checked against the service models (botocore's are the
 * reference for types, enums, lengths and name patterns): what AWS could never answer is refused, so a fixture
 * cannot serve a table named {@code $(touch x)} as if AWS allowed it. Members not checked here pass through.
 * With {@code allowInvalidNames} (tests of hostile endpoints only) the name rules are skipped; types still apply.
 */
final class FixtureShapes {

    static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
    /** DAX: 1 to 20 letters, digits or hyphens, starting with a letter, no trailing or doubled hyphen. */
    static final Pattern DAX_CLUSTER_NAME = Pattern.compile("(?=.{1,20}$)[A-Za-z](-?[A-Za-z0-9])*");
    static final Pattern BACKUP_VAULT_NAME = Pattern.compile("[a-zA-Z0-9_-]{2,50}");
    static final Pattern BACKUP_RULE_OR_SELECTION_NAME = Pattern.compile("[a-zA-Z0-9_.-]{1,50}");
    static final Pattern KMS_ALIAS = Pattern.compile("alias/[a-zA-Z0-9:/_-]{1,250}");

    private static final Set<String> TABLE_STATUS = Set.of("CREATING", "UPDATING", "DELETING", "ACTIVE",
            "INACCESSIBLE_ENCRYPTION_CREDENTIALS", "ARCHIVING", "ARCHIVED", "REPLICATION_NOT_AUTHORIZED");
    private static final Set<String> INDEX_STATUS = Set.of("CREATING", "UPDATING", "DELETING", "ACTIVE");
    private static final Set<String> BILLING_MODE = Set.of("PROVISIONED", "PAY_PER_REQUEST");
    private static final Set<String> DDB_SSE_STATUS = Set.of("ENABLING", "ENABLED", "DISABLING", "DISABLED",
            "UPDATING");
    private static final Set<String> SSE_TYPE = Set.of("AES256", "KMS");
    private static final Set<String> ENABLED_DISABLED = Set.of("ENABLED", "DISABLED");
    private static final Set<String> DAX_SSE_STATUS = Set.of("ENABLING", "ENABLED", "DISABLING", "DISABLED");
    private static final Set<String> DAX_ENDPOINT_ENCRYPTION = Set.of("NONE", "TLS");
    private static final Set<String> KEY_STATE = Set.of("Creating", "Enabled", "Disabled", "PendingDeletion",
            "PendingImport", "PendingReplicaDeletion", "Unavailable", "Updating");
    private static final Set<String> KEY_MANAGER = Set.of("AWS", "CUSTOMER");
    private static final Set<String> RECOVERY_POINT_STATUS = Set.of("COMPLETED", "PARTIAL", "DELETING", "EXPIRED",
            "AVAILABLE", "STOPPED", "CREATING");
    private static final Set<String> SCALABLE_DIMENSIONS = Set.of("dynamodb:table:ReadCapacityUnits",
            "dynamodb:table:WriteCapacityUnits", "dynamodb:index:ReadCapacityUnits",
            "dynamodb:index:WriteCapacityUnits");
    private static final Set<String> POLICY_TYPE = Set.of("StepScaling", "TargetTrackingScaling",
            "PredictiveScaling");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String account;
    private final String partition;
    private final String region;
    private final boolean allowInvalidNames;

    FixtureShapes(String account, String partition, String region, boolean allowInvalidNames) {
        this.account = account;
        this.partition = partition;
        this.region = region;
        this.allowInvalidNames = allowInvalidNames;
    }

    private void name(String value, String path, Pattern rule, String words) throws FixtureException {
        if (!allowInvalidNames) {
            FixtureChecks.matches(value, path, rule, words);
        }
    }

    private String arn(String service, String resource) {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }

    void table(JsonNode entry, String p, Set<String> names) throws FixtureException {
        object(entry, p);
        FixtureKeys.check(entry, "table", p);
        JsonNode table = requiredObject(entry, "Table", p);
        String t = p + ".Table";
        String name = requiredText(table, "TableName", t);
        name(name, t + ".TableName", TABLE_NAME, "3 to 255 of a-z A-Z 0-9 _ . -");
        if (!names.add(name)) {
            throw new FixtureException(t + ".TableName", "duplicate table name \"" + name + "\"");
        }
        String tableArn = requiredText(table, "TableArn", t);
        String expected = arn("dynamodb", "table/" + name);
        if (!tableArn.equals(expected)) {
            throw new FixtureException(t + ".TableArn", "\"" + tableArn + "\" does not match the table: expected \""
                    + expected + "\"");
        }
        enumValue(table, "TableStatus", t, TABLE_STATUS);
        integer(table, "ItemCount", t, 0);
        integer(table, "TableSizeBytes", t, 0);
        bool(table, "DeletionProtectionEnabled", t);
        throughput(table, t);
        JsonNode billing = optionalObject(table, "BillingModeSummary", t);
        if (billing != null) {
            enumValue(billing, "BillingMode", t + ".BillingModeSummary", BILLING_MODE);
        }
        JsonNode sse = optionalObject(table, "SSEDescription", t);
        if (sse != null) {
            enumValue(sse, "Status", t + ".SSEDescription", DDB_SSE_STATUS);
            enumValue(sse, "SSEType", t + ".SSEDescription", SSE_TYPE);
            optionalText(sse, "KMSMasterKeyArn", t + ".SSEDescription");
        }
        for (String list : new String[] {"GlobalSecondaryIndexes", "LocalSecondaryIndexes"}) {
            JsonNode indexes = optionalArray(table, list, t);
            Set<String> indexNames = new HashSet<>();
            for (int i = 0; indexes != null && i < indexes.size(); i++) {
                String ip = t + "." + list + "[" + i + "]";
                JsonNode index = object(indexes.get(i), ip);
                String indexName = requiredText(index, "IndexName", ip);
                name(indexName, ip + ".IndexName", TABLE_NAME, "3 to 255 of a-z A-Z 0-9 _ . -");
                if (!indexNames.add(indexName)) {
                    throw new FixtureException(ip + ".IndexName", "duplicate index name \"" + indexName + "\"");
                }
                String indexArn = optionalText(index, "IndexArn", ip);
                if (indexArn != null && !indexArn.equals(expected + "/index/" + indexName)) {
                    throw new FixtureException(ip + ".IndexArn", "\"" + indexArn + "\" does not match the index: "
                            + "expected \"" + expected + "/index/" + indexName + "\"");
                }
                enumValue(index, "IndexStatus", ip, INDEX_STATUS);
                throughput(index, ip);
            }
        }
        JsonNode backups = optionalObject(entry, "ContinuousBackupsDescription", p);
        if (backups != null) {
            String b = p + ".ContinuousBackupsDescription";
            enumValue(backups, "ContinuousBackupsStatus", b, ENABLED_DISABLED);
            JsonNode pitr = optionalObject(backups, "PointInTimeRecoveryDescription", b);
            if (pitr != null) {
                enumValue(pitr, "PointInTimeRecoveryStatus", b + ".PointInTimeRecoveryDescription", ENABLED_DISABLED);
                integer(pitr, "RecoveryPeriodInDays", b + ".PointInTimeRecoveryDescription", 1);
            }
        }
        policy(entry.get("Policy"), p + ".Policy");
        tags(entry.get("Tags"), p + ".Tags");
    }

    private static void throughput(JsonNode owner, String path) throws FixtureException {
        JsonNode pt = optionalObject(owner, "ProvisionedThroughput", path);
        if (pt != null) {
            String p = path + ".ProvisionedThroughput";
            integer(pt, "ReadCapacityUnits", p, 0);
            integer(pt, "WriteCapacityUnits", p, 0);
            integer(pt, "NumberOfDecreasesToday", p, 0);
        }
    }

    /** A resource policy is JSON text (GetResourcePolicy's Policy), or null for a table without one. */
    private static void policy(JsonNode policy, String path) throws FixtureException {
        if (policy == null || policy.isNull()) {
            return;
        }
        if (!policy.isTextual()) {
            throw new FixtureException(path, "must be a JSON policy string or null");
        }
        try {
            if (!JSON.readTree(policy.asText()).isObject()) {
                throw new FixtureException(path, "must be a JSON policy document (an object)");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new FixtureException(path, "is not JSON: " + e.getOriginalMessage());
        }
    }

    /** AWS tags: keys of 1 to 128 characters, each once; values of 0 to 256 (an empty value is a real value). */
    static void tags(JsonNode tags, String path) throws FixtureException {
        if (tags == null || tags.isNull()) {
            return;
        }
        if (!tags.isArray()) {
            throw new FixtureException(path, "must be an array of {Key, Value}");
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String p = path + "[" + i + "]";
            JsonNode tag = object(tags.get(i), p);
            JsonNode key = tag.get("Key");
            if (key == null || !key.isTextual()) {
                throw new FixtureException(p + ".Key", "must be a string, got " + FixtureChecks.describe(key));
            }
            length(key.asText(), p + ".Key", 1, 128);
            if (!keys.add(key.asText())) {
                throw new FixtureException(p + ".Key", "duplicate tag key \"" + key.asText() + "\"");
            }
            JsonNode value = tag.get("Value");
            if (value == null || !value.isTextual()) {
                throw new FixtureException(p + ".Value", "must be a string (possibly empty), got "
                        + FixtureChecks.describe(value));
            }
            length(value.asText(), p + ".Value", 0, 256);
        }
    }

    void scalableTarget(JsonNode target, String p) throws FixtureException {
        object(target, p);
        requiredText(target, "ServiceNamespace", p);
        enumValue(target, "ServiceNamespace", p, Set.of("dynamodb"));
        dynamoDbResourceId(requiredText(target, "ResourceId", p), p + ".ResourceId");
        requiredText(target, "ScalableDimension", p);
        enumValue(target, "ScalableDimension", p, SCALABLE_DIMENSIONS);
        integer(target, "MinCapacity", p, 0);
        integer(target, "MaxCapacity", p, 0);
        if (target.path("MinCapacity").asLong(0) > target.path("MaxCapacity").asLong(Long.MAX_VALUE)) {
            throw new FixtureException(p + ".MinCapacity", "is above MaxCapacity");
        }
    }

    void scalingPolicy(JsonNode policy, String p) throws FixtureException {
        object(policy, p);
        length(requiredText(policy, "PolicyName", p), p + ".PolicyName", 1, 256);
        requiredText(policy, "ServiceNamespace", p);
        enumValue(policy, "ServiceNamespace", p, Set.of("dynamodb"));
        dynamoDbResourceId(requiredText(policy, "ResourceId", p), p + ".ResourceId");
        requiredText(policy, "ScalableDimension", p);
        enumValue(policy, "ScalableDimension", p, SCALABLE_DIMENSIONS);
        enumValue(policy, "PolicyType", p, POLICY_TYPE);
        JsonNode tt = optionalObject(policy, "TargetTrackingScalingPolicyConfiguration", p);
        if (tt != null) {
            String c = p + ".TargetTrackingScalingPolicyConfiguration";
            number(tt, "TargetValue", c);
            integer(tt, "ScaleInCooldown", c, 0);
            integer(tt, "ScaleOutCooldown", c, 0);
            bool(tt, "DisableScaleIn", c);
        }
    }

    /** {@code table/NAME} or {@code table/NAME/index/INDEX}, as Application Auto Scaling names DynamoDB resources. */
    private void dynamoDbResourceId(String id, String path) throws FixtureException {
        length(id, path, 1, 1600);
        String[] parts = id.split("/", -1);
        boolean shape = (parts.length == 2 || parts.length == 4 && "index".equals(parts[2])) && "table".equals(parts[0]);
        if (!shape) {
            throw new FixtureException(path, "\"" + id + "\" must be table/NAME or table/NAME/index/INDEX");
        }
        name(parts[1], path, TABLE_NAME, "table name of 3 to 255 of a-z A-Z 0-9 _ . -");
        if (parts.length == 4) {
            name(parts[3], path, TABLE_NAME, "index name of 3 to 255 of a-z A-Z 0-9 _ . -");
        }
    }

    void backupPlan(JsonNode plan, String p) throws FixtureException {
        JsonNode body = requiredObject(plan, "BackupPlan", p);
        optionalText(body, "BackupPlanName", p + ".BackupPlan");
        JsonNode rules = optionalArray(body, "Rules", p + ".BackupPlan");
        for (int j = 0; rules != null && j < rules.size(); j++) {
            String r = p + ".BackupPlan.Rules[" + j + "]";
            object(rules.get(j), r);
            name(requiredText(rules.get(j), "RuleName", r), r + ".RuleName", BACKUP_RULE_OR_SELECTION_NAME,
                    "1 to 50 of a-z A-Z 0-9 _ . -");
            name(requiredText(rules.get(j), "TargetBackupVaultName", r), r + ".TargetBackupVaultName",
                    BACKUP_VAULT_NAME, "2 to 50 of a-z A-Z 0-9 _ -");
        }
    }

    void backupSelectionName(String name, String path) throws FixtureException {
        name(name, path, BACKUP_RULE_OR_SELECTION_NAME, "1 to 50 of a-z A-Z 0-9 _ . -");
    }

    void backupVault(JsonNode vault, String p) throws FixtureException {
        object(vault, p);
        String name = requiredText(vault, "BackupVaultName", p);
        name(name, p + ".BackupVaultName", BACKUP_VAULT_NAME, "2 to 50 of a-z A-Z 0-9 _ -");
        String vaultArn = requiredText(vault, "BackupVaultArn", p);
        if (!vaultArn.equals(arn("backup", "backup-vault:" + name))) {
            throw new FixtureException(p + ".BackupVaultArn", "\"" + vaultArn + "\" does not match the vault: expected \""
                    + arn("backup", "backup-vault:" + name) + "\"");
        }
        bool(vault, "Locked", p);
        integer(vault, "MinRetentionDays", p, 0);
        integer(vault, "MaxRetentionDays", p, 0);
        integer(vault, "NumberOfRecoveryPoints", p, 0);
    }

    void recoveryPoint(JsonNode point, String p) throws FixtureException {
        object(point, p);
        requiredText(point, "ResourceArn", p);
        requiredText(point, "RecoveryPointArn", p);
        enumValue(point, "Status", p, RECOVERY_POINT_STATUS);
        integer(point, "BackupSizeBytes", p, 0);
        JsonNode createdBy = optionalObject(point, "CreatedBy", p);
        if (createdBy != null) {
            requiredText(createdBy, "BackupPlanId", p + ".CreatedBy");
            optionalText(createdBy, "BackupPlanArn", p + ".CreatedBy");
            optionalText(createdBy, "BackupPlanVersion", p + ".CreatedBy");
        }
    }

    void daxCluster(JsonNode cluster, String p) throws FixtureException {
        object(cluster, p);
        String name = requiredText(cluster, "ClusterName", p);
        name(name, p + ".ClusterName", DAX_CLUSTER_NAME,
                "1 to 20 letters, digits or hyphens, starting with a letter, no trailing or doubled hyphen");
        String clusterArn = requiredText(cluster, "ClusterArn", p);
        // DAX keeps cluster names in lower case in its ARNs.
        String expected = arn("dax", "cache/" + name.toLowerCase(java.util.Locale.ROOT));
        if (!clusterArn.equalsIgnoreCase(expected)) {
            throw new FixtureException(p + ".ClusterArn", "\"" + clusterArn + "\" does not match the cluster: expected \""
                    + expected + "\"");
        }
        integer(cluster, "TotalNodes", p, 0);
        integer(cluster, "ActiveNodes", p, 0);
        enumValue(cluster, "ClusterEndpointEncryptionType", p, DAX_ENDPOINT_ENCRYPTION);
        JsonNode sse = optionalObject(cluster, "SSEDescription", p);
        if (sse != null) {
            enumValue(sse, "Status", p + ".SSEDescription", DAX_SSE_STATUS);
        }
        JsonNode nodes = optionalArray(cluster, "Nodes", p);
        for (int i = 0; nodes != null && i < nodes.size(); i++) {
            object(nodes.get(i), p + ".Nodes[" + i + "]");
            optionalText(nodes.get(i), "AvailabilityZone", p + ".Nodes[" + i + "]");
        }
    }

    void daxTags(JsonNode tags, String path) throws FixtureException {
        for (Map.Entry<String, JsonNode> e : tags.properties()) {
            String p = path + "." + e.getKey();
            if (!e.getValue().isArray()) {
                throw new FixtureException(p, "must be an array of {Key, Value}");
            }
            tags(e.getValue(), p);
        }
    }

    void kmsKey(JsonNode key, String p) throws FixtureException {
        object(key, p);
        FixtureKeys.check(key, "kmsKey", p);
        JsonNode meta = requiredObject(key, "KeyMetadata", p);
        String m = p + ".KeyMetadata";
        length(requiredText(meta, "KeyId", m), m + ".KeyId", 1, 2048);
        requiredText(meta, "Arn", m);
        text(meta, "Description", m, 0, 8192);
        enumValue(meta, "KeyState", m, KEY_STATE);
        enumValue(meta, "KeyManager", m, KEY_MANAGER);
        bool(meta, "Enabled", m);
        bool(meta, "MultiRegion", m);
        bool(key, "KeyRotationEnabled", p);
        JsonNode aliases = optionalArray(key, "Aliases", p);
        for (int j = 0; aliases != null && j < aliases.size(); j++) {
            String a = p + ".Aliases[" + j + "]";
            JsonNode alias = aliases.get(j);
            if (!alias.isTextual() || !alias.asText().startsWith("alias/")) {
                throw new FixtureException(a, "must be a string starting with alias/");
            }
            name(alias.asText(), a, KMS_ALIAS, "alias/ then 1 to 250 of a-z A-Z 0-9 : / _ -");
        }
    }
}
