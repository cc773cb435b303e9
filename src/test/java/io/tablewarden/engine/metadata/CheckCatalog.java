package io.tablewarden.engine.metadata;

import io.tablewarden.engine.checks.MetadataLoader;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The check catalogue as the reference documentation defines it (id, Security Hub control, severity, resource),
 * the placeholder tokens each check fills, and sample values to fill them with in tests.
 */
final class CheckCatalog {

    /** One row of the catalogue. */
    record Entry(String id, String securityHubControl, Severity severity, ResourceType resourceType) {
    }

    static final List<Entry> ENTRIES = List.of(
            new Entry("dynamodb_table_autoscaling_enabled", "DynamoDB.1", Severity.MEDIUM, ResourceType.TABLE),
            new Entry("dynamodb_tables_pitr_enabled", "DynamoDB.2", Severity.MEDIUM, ResourceType.TABLE),
            new Entry("dynamodb_accelerator_cluster_encryption_enabled", "DynamoDB.3", Severity.MEDIUM, ResourceType.DAX_CLUSTER),
            new Entry("dynamodb_table_protected_by_backup_plan", "DynamoDB.4", Severity.MEDIUM, ResourceType.TABLE),
            new Entry("dynamodb_table_tagged", "DynamoDB.5", Severity.LOW, ResourceType.TABLE),
            new Entry("dynamodb_table_deletion_protection_enabled", "DynamoDB.6", Severity.MEDIUM, ResourceType.TABLE),
            new Entry("dynamodb_accelerator_cluster_in_transit_encryption_enabled", "DynamoDB.7", Severity.MEDIUM,
                    ResourceType.DAX_CLUSTER),
            new Entry("dynamodb_tables_kms_cmk_encryption_enabled", null, Severity.MEDIUM, ResourceType.TABLE),
            new Entry("dynamodb_table_customer_managed_key", null, Severity.LOW, ResourceType.TABLE),
            new Entry("dynamodb_table_kms_key_usable", null, Severity.HIGH, ResourceType.TABLE),
            new Entry("dynamodb_table_kms_key_rotation_enabled", null, Severity.LOW, ResourceType.TABLE),
            new Entry("dynamodb_table_cross_account_access", null, Severity.HIGH, ResourceType.TABLE),
            new Entry("dynamodb_table_backup_recent_recovery_point", null, Severity.MEDIUM, ResourceType.TABLE),
            new Entry("dynamodb_accelerator_cluster_multi_az", null, Severity.MEDIUM, ResourceType.DAX_CLUSTER));

    private static final Set<String> TABLE_TOKENS = Set.of("table_name", "table_arn", "region", "account_id", "partition");
    private static final Set<String> DAX_TOKENS = Set.of("dax_cluster_name", "dax_cluster_arn", "region", "account_id",
            "partition");
    private static final Set<String> KMS_CHECKS = Set.of("dynamodb_tables_kms_cmk_encryption_enabled",
            "dynamodb_table_customer_managed_key", "dynamodb_table_kms_key_usable",
            "dynamodb_table_kms_key_rotation_enabled");
    private static final Set<String> BACKUP_CHECKS = Set.of("dynamodb_table_protected_by_backup_plan",
            "dynamodb_table_backup_recent_recovery_point");

    /** Sample values, realistic but with the characters a table name may legally contain ('.', '-', '_'). */
    static final Map<String, String> SAMPLE_VALUES = Map.ofEntries(
            Map.entry("table_name", "orders.v2-prod_1"),
            Map.entry("table_arn", "arn:aws:dynamodb:eu-central-1:210987654321:table/orders.v2-prod_1"),
            Map.entry("region", "eu-central-1"),
            Map.entry("account_id", "210987654321"),
            Map.entry("partition", "aws"),
            Map.entry("kms_key_arn", "arn:aws:kms:eu-central-1:210987654321:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
            Map.entry("gsi_names", "byCustomer,byDate"),
            Map.entry("index_name", "byCustomer"),
            Map.entry("backup_plan_name", "daily-35d"),
            Map.entry("dax_cluster_name", "orders-cache"),
            Map.entry("dax_cluster_arn", "arn:aws:dax:eu-central-1:210987654321:cache/orders-cache"));

    private CheckCatalog() {
    }

    static List<String> ids() {
        List<String> ids = new ArrayList<>();
        ENTRIES.forEach(e -> ids.add(e.id()));
        return ids;
    }

    static Entry entry(String id) {
        return ENTRIES.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    /** The tokens the implementation of {@code checkId} fills, keyed without braces. */
    static Set<String> allowedTokens(String checkId) {
        Set<String> out = new TreeSet<>(entry(checkId).resourceType() == ResourceType.DAX_CLUSTER ? DAX_TOKENS : TABLE_TOKENS);
        if (KMS_CHECKS.contains(checkId)) {
            out.add("kms_key_arn");
        }
        if (checkId.equals("dynamodb_table_autoscaling_enabled")) {
            out.add("gsi_names");
            out.add("index_name");
        }
        if (BACKUP_CHECKS.contains(checkId)) {
            out.add("backup_plan_name");
        }
        return out;
    }

    /** Sample values for exactly the tokens of {@code checkId}. */
    static Map<String, String> sampleValues(String checkId) {
        Map<String, String> out = new LinkedHashMap<>();
        allowedTokens(checkId).forEach(t -> out.put(t, SAMPLE_VALUES.get(t)));
        return out;
    }

    static CheckMetadata load(String checkId) {
        return MetadataLoader.load(checkId);
    }
}
