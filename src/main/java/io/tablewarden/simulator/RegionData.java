package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One region of the fixture, indexed the way the services look things up. */
final class RegionData {

    final String name;
    final List<ObjectNode> tables = new ArrayList<>();
    private final Map<String, ObjectNode> tablesByName = new HashMap<>();
    private final Map<String, ObjectNode> tablesByArn = new HashMap<>();

    /** Copy-on-write: the test-only writes may add a target or policy while another request lists them. */
    final List<ObjectNode> scalableTargets = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<ObjectNode> scalingPolicies = new java.util.concurrent.CopyOnWriteArrayList<>();

    ObjectNode backupRegionSettings;
    /** Copy-on-write: the test-only CreateBackupPlan may add a plan while another request lists them. */
    final List<ObjectNode> backupPlans = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<ObjectNode> backupVaults = new ArrayList<>();
    final List<ObjectNode> recoveryPoints = new ArrayList<>();

    final List<ObjectNode> daxClusters = new java.util.concurrent.CopyOnWriteArrayList<>();
    final Map<String, JsonNode> daxTags = new HashMap<>();

    /** Copy-on-write: the test-only CreateKey may add a key while another request lists them. */
    final List<ObjectNode> kmsKeys = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, ObjectNode> kmsByIdOrArn = new java.util.concurrent.ConcurrentHashMap<>();
    /** Alias name (alias/x) to key entry, sorted by alias name for ListAliases. */
    final Map<String, ObjectNode> kmsAliases = new java.util.concurrent.ConcurrentSkipListMap<>();

    RegionData(String name) {
        this.name = name;
    }

    static RegionData empty(String name) {
        return new RegionData(name);
    }

    /** Builds the indexes from a validated region object. */
    static RegionData from(String name, JsonNode region) {
        RegionData r = new RegionData(name);
        for (JsonNode t : region.path("dynamodb").path("tables")) {
            r.tables.add((ObjectNode) t);
        }
        // ListTables answers in name order, so keep the list sorted once
        r.tables.sort(Comparator.comparing(t -> t.path("Table").path("TableName").asText()));
        for (ObjectNode t : r.tables) {
            r.tablesByName.put(t.path("Table").path("TableName").asText(), t);
            r.tablesByArn.put(t.path("Table").path("TableArn").asText(), t);
        }
        JsonNode aas = region.path("applicationAutoScaling");
        aas.path("ScalableTargets").forEach(n -> r.scalableTargets.add((ObjectNode) n));
        aas.path("ScalingPolicies").forEach(n -> r.scalingPolicies.add((ObjectNode) n));

        JsonNode backup = region.path("backup");
        if (backup.path("RegionSettings").isObject()) {
            r.backupRegionSettings = (ObjectNode) backup.get("RegionSettings");
        }
        backup.path("BackupPlans").forEach(n -> r.backupPlans.add((ObjectNode) n));
        backup.path("BackupVaults").forEach(n -> r.backupVaults.add((ObjectNode) n));
        backup.path("RecoveryPoints").forEach(n -> r.recoveryPoints.add((ObjectNode) n));

        JsonNode dax = region.path("dax");
        dax.path("Clusters").forEach(n -> r.daxClusters.add((ObjectNode) n));
        dax.path("Tags").properties().forEach(e -> r.daxTags.put(e.getKey(), e.getValue()));

        for (JsonNode k : region.path("kms").path("Keys")) {
            ObjectNode key = (ObjectNode) k;
            r.kmsKeys.add(key);
            r.kmsByIdOrArn.put(key.path("KeyMetadata").path("KeyId").asText(), key);
            r.kmsByIdOrArn.put(key.path("KeyMetadata").path("Arn").asText(), key);
            for (JsonNode alias : key.path("Aliases")) {
                r.kmsAliases.put(alias.asText(), key);
            }
        }
        return r;
    }

    /** Table entry by name or ARN, or null. */
    ObjectNode table(String nameOrArn) {
        ObjectNode t = tablesByName.get(nameOrArn);
        return t != null ? t : tablesByArn.get(nameOrArn);
    }

    /** Adds a key made by the test-only CreateKey, found by its id and ARN from then on. */
    void addKmsKey(ObjectNode key) {
        kmsKeys.add(key);
        kmsByIdOrArn.put(key.path("KeyMetadata").path("KeyId").asText(), key);
        kmsByIdOrArn.put(key.path("KeyMetadata").path("Arn").asText(), key);
    }

    /** Key entry by key id or key ARN, or null (aliases are resolved by the KMS service). */
    ObjectNode kmsKey(String idOrArn) {
        return kmsByIdOrArn.get(idOrArn);
    }
}
