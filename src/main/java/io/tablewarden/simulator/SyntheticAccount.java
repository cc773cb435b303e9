package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds large account fixtures for benchmarks: many tables spread over regions, with the same mix of
 * settings a real account has (GSIs, auto scaling, customer keys, resource policies, backup plans, DAX).
 * Deterministic: the same arguments give the same file.
 */
public final class SyntheticAccount {

    /** The account id every generated fixture holds. */
    public static final String ACCOUNT = "123456789012";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long CREATED = 1_735_689_600L;

    private SyntheticAccount() {
    }

    /**
     * Writes a fixture with {@code tables} tables spread evenly over {@code regions}.
     *
     * @param latencyMs latency the simulator adds to every response (the benchmark's latency floor)
     */
    public static Path write(Path file, List<String> regions, int tables, int latencyMs) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", 1);
        root.put("account", ACCOUNT);
        root.put("partition", "aws");
        root.put("callerArn", "arn:aws:iam::" + ACCOUNT + ":role/benchmark-auditor");
        ArrayNode enabled = root.putArray("enabledRegions");
        regions.forEach(enabled::add);
        ObjectNode regionsNode = root.putObject("regions");
        for (int r = 0; r < regions.size(); r++) {
            String region = regions.get(r);
            int from = tables * r / regions.size();
            int to = tables * (r + 1) / regions.size();
            regionsNode.set(region, region(region, from, to));
        }
        ObjectNode faults = root.putObject("faults");
        faults.put("latencyMs", latencyMs);
        faults.put("seed", 7);
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
        return file;
    }

    private static ObjectNode region(String region, int from, int to) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode tableList = node.putObject("dynamodb").putArray("tables");
        ObjectNode scaling = node.putObject("applicationAutoScaling");
        ArrayNode targets = scaling.putArray("ScalableTargets");
        ArrayNode policies = scaling.putArray("ScalingPolicies");
        String keyArn = "arn:aws:kms:" + region + ":" + ACCOUNT + ":key/0b5e0c9a-0000-4000-8000-" + String.format("%012d", region.hashCode() & 0xffff);
        for (int i = from; i < to; i++) {
            String name = "bench-" + i;
            boolean provisioned = i % 3 == 0;
            tableList.add(table(region, name, i, provisioned, keyArn));
            if (provisioned && i % 2 == 0) {
                for (String resourceId : List.of("table/" + name, "table/" + name + "/index/by-owner")) {
                    String kind = resourceId.contains("/index/") ? "index" : "table";
                    for (String dim : List.of("Read", "Write")) {
                        String dimension = "dynamodb:" + kind + ":" + dim + "CapacityUnits";
                        ObjectNode t = targets.addObject();
                        t.put("ServiceNamespace", "dynamodb").put("ResourceId", resourceId).put("ScalableDimension", dimension)
                                .put("MinCapacity", 5).put("MaxCapacity", 100).put("CreationTime", CREATED)
                                .put("ScalableTargetARN", "arn:aws:application-autoscaling:" + region + ":" + ACCOUNT
                                        + ":scalable-target/" + name + kind + dim);
                        t.putObject("SuspendedState").put("DynamicScalingInSuspended", false)
                                .put("DynamicScalingOutSuspended", false).put("ScheduledScalingSuspended", false);
                        ObjectNode p = policies.addObject();
                        p.put("PolicyARN", "arn:aws:autoscaling:" + region + ":" + ACCOUNT + ":scalingPolicy:" + name + kind + dim)
                                .put("PolicyName", name + "-" + kind + "-" + dim.toLowerCase())
                                .put("ServiceNamespace", "dynamodb").put("ResourceId", resourceId)
                                .put("ScalableDimension", dimension).put("PolicyType", "TargetTrackingScaling")
                                .put("CreationTime", CREATED);
                        ObjectNode cfg = p.putObject("TargetTrackingScalingPolicyConfiguration");
                        cfg.put("TargetValue", 70.0);
                        cfg.putObject("PredefinedMetricSpecification")
                                .put("PredefinedMetricType", "DynamoDB" + dim + "CapacityUtilization");
                    }
                }
            }
        }
        ObjectNode backup = node.putObject("backup");
        ObjectNode settings = backup.putObject("RegionSettings");
        settings.putObject("ResourceTypeOptInPreference").put("DynamoDB", true);
        settings.putObject("ResourceTypeManagementPreference").put("DynamoDB", true);
        ObjectNode plan = backup.putArray("BackupPlans").addObject();
        String planId = "bench-plan-" + region;
        plan.put("BackupPlanId", planId)
                .put("BackupPlanArn", "arn:aws:backup:" + region + ":" + ACCOUNT + ":backup-plan:" + planId)
                .put("BackupPlanName", "daily").put("VersionId", "v1").put("CreationDate", CREATED);
        ObjectNode body = plan.putObject("BackupPlan");
        body.put("BackupPlanName", "daily");
        body.putArray("Rules").addObject().put("RuleName", "daily").put("TargetBackupVaultName", "Default")
                .put("ScheduleExpression", "cron(0 5 ? * * *)").put("RuleId", "rule-1");
        ObjectNode selection = plan.putArray("Selections").addObject();
        selection.put("SelectionId", "sel-" + region).put("CreationDate", CREATED);
        ObjectNode sel = selection.putObject("BackupSelection");
        sel.put("SelectionName", "tagged").put("IamRoleArn", "arn:aws:iam::" + ACCOUNT + ":role/backup");
        sel.putArray("ListOfTags").addObject().put("ConditionType", "STRINGEQUALS")
                .put("ConditionKey", "backup").put("ConditionValue", "daily");
        backup.putArray("BackupVaults").addObject().put("BackupVaultName", "Default")
                .put("BackupVaultArn", "arn:aws:backup:" + region + ":" + ACCOUNT + ":backup-vault:Default")
                .put("Locked", false);
        backup.putArray("RecoveryPoints");
        ObjectNode dax = node.putObject("dax");
        ArrayNode clusters = dax.putArray("Clusters");
        for (int c = 0; c < 3; c++) {
            String name = "cache-" + c;
            ObjectNode cluster = clusters.addObject();
            cluster.put("ClusterName", name).put("ClusterArn", "arn:aws:dax:" + region + ":" + ACCOUNT + ":cache/" + name)
                    .put("TotalNodes", 2).put("ActiveNodes", 2).put("NodeType", "dax.r5.large").put("Status", "available")
                    .put("ClusterEndpointEncryptionType", c == 0 ? "NONE" : "TLS");
            cluster.putObject("SSEDescription").put("Status", c == 1 ? "DISABLED" : "ENABLED");
            ArrayNode nodes = cluster.putArray("Nodes");
            for (int n = 0; n < 2; n++) {
                nodes.addObject().put("NodeId", name + "-" + n).put("AvailabilityZone", region + (c == 2 ? "a" : n == 0 ? "a" : "b"))
                        .put("NodeStatus", "available");
            }
        }
        dax.putObject("Tags");
        ObjectNode key = node.putObject("kms").putArray("Keys").addObject();
        key.putObject("KeyMetadata").put("AWSAccountId", ACCOUNT).put("KeyId", keyArn.substring(keyArn.indexOf("key/") + 4))
                .put("Arn", keyArn).put("CreationDate", CREATED).put("Enabled", true).put("KeyUsage", "ENCRYPT_DECRYPT")
                .put("KeyState", "Enabled").put("Origin", "AWS_KMS").put("KeyManager", "CUSTOMER")
                .put("KeySpec", "SYMMETRIC_DEFAULT");
        key.put("KeyRotationEnabled", true);
        key.putArray("Aliases").add("alias/bench");
        return node;
    }

    private static ObjectNode table(String region, String name, int i, boolean provisioned, String keyArn) {
        String arn = "arn:aws:dynamodb:" + region + ":" + ACCOUNT + ":table/" + name;
        ObjectNode entry = MAPPER.createObjectNode();
        ObjectNode t = entry.putObject("Table");
        t.put("TableName", name).put("TableArn", arn).put("TableId", "00000000-0000-4000-8000-" + String.format("%012d", i))
                .put("TableStatus", "ACTIVE").put("CreationDateTime", CREATED).put("ItemCount", 1000L * i)
                .put("TableSizeBytes", 250_000L * i);
        t.putArray("KeySchema").addObject().put("AttributeName", "pk").put("KeyType", "HASH");
        ArrayNode attrs = t.putArray("AttributeDefinitions");
        attrs.addObject().put("AttributeName", "pk").put("AttributeType", "S");
        attrs.addObject().put("AttributeName", "owner").put("AttributeType", "S");
        t.putObject("BillingModeSummary").put("BillingMode", provisioned ? "PROVISIONED" : "PAY_PER_REQUEST");
        t.putObject("ProvisionedThroughput").put("ReadCapacityUnits", provisioned ? 10 : 0)
                .put("WriteCapacityUnits", provisioned ? 5 : 0).put("NumberOfDecreasesToday", 0);
        ObjectNode gsi = t.putArray("GlobalSecondaryIndexes").addObject();
        gsi.put("IndexName", "by-owner").put("IndexArn", arn + "/index/by-owner").put("IndexStatus", "ACTIVE");
        gsi.putArray("KeySchema").addObject().put("AttributeName", "owner").put("KeyType", "HASH");
        gsi.putObject("Projection").put("ProjectionType", "ALL");
        gsi.putObject("ProvisionedThroughput").put("ReadCapacityUnits", provisioned ? 5 : 0)
                .put("WriteCapacityUnits", provisioned ? 5 : 0).put("NumberOfDecreasesToday", 0);
        if (i % 4 != 0) {
            t.putObject("SSEDescription").put("Status", "ENABLED").put("SSEType", "KMS").put("KMSMasterKeyArn", keyArn);
        }
        t.put("DeletionProtectionEnabled", i % 5 != 0);
        ObjectNode cb = entry.putObject("ContinuousBackupsDescription");
        cb.put("ContinuousBackupsStatus", "ENABLED");
        cb.putObject("PointInTimeRecoveryDescription").put("PointInTimeRecoveryStatus", i % 2 == 0 ? "ENABLED" : "DISABLED");
        if (i % 10 == 0) {
            entry.put("Policy", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Partner\",\"Effect\":\"Allow\","
                    + "\"Principal\":{\"AWS\":\"arn:aws:iam::444455556666:root\"},\"Action\":\"dynamodb:GetItem\",\"Resource\":\"" + arn + "\"}]}");
        } else {
            entry.putNull("Policy");
        }
        ArrayNode tags = entry.putArray("Tags");
        if (i % 3 != 1) {
            tags.addObject().put("Key", "team").put("Value", "team-" + (i % 7));
            tags.addObject().put("Key", "backup").put("Value", i % 2 == 0 ? "daily" : "none");
        }
        return entry;
    }
}
