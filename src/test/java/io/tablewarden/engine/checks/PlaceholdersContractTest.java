package io.tablewarden.engine.checks;

import io.tablewarden.model.CheckResult;
import io.tablewarden.model.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every result of the example account carries exactly the placeholder keys documented in {@link Placeholders}: those
 * of its check, and those of its cause when it names one.
 */
class PlaceholdersContractTest {

    private static final Set<String> TABLE = Set.of("table_name", "table_arn", "region", "account_id", "partition");
    private static final Set<String> DAX = Set.of("dax_cluster_name", "dax_cluster_arn", "region", "account_id",
            "partition");
    private static final Set<String> KMS_CHECKS = Set.of("dynamodb_tables_kms_cmk_encryption_enabled",
            "dynamodb_table_customer_managed_key", "dynamodb_table_kms_key_usable",
            "dynamodb_table_kms_key_rotation_enabled");
    private static final Set<String> BACKUP_CHECKS = Set.of("dynamodb_table_protected_by_backup_plan",
            "dynamodb_table_backup_recent_recovery_point");

    /** The tokens each cause adds, as documented in {@link Placeholders}. */
    private static final java.util.Map<String, Set<String>> CAUSE_TOKENS = java.util.Map.ofEntries(
            java.util.Map.entry("region_not_opted_in", Set.of("backup_plan_name", "selection_name")),
            java.util.Map.entry("selection_tag_mismatch", Set.of("backup_plan_name", "selection_name", "tag_key", "tag_value")),
            java.util.Map.entry("selection_excludes_table", Set.of("backup_plan_name", "selection_name", "backup_plan_id", "selection_id",
                    "selection_json")),
            java.util.Map.entry("deleted_plan", Set.of("backup_plan_name", "backup_plan_id", "plan_deletion_date", "backup_plan_json")),
            java.util.Map.entry("key_pending_deletion", Set.of("key_deletion_date")),
            java.util.Map.entry("scaling_gaps", Set.of("unregistered_dimensions", "unpolicied_dimensions", "suspended_dimensions",
                    "scaling_gap_labels")),
            java.util.Map.entry("outside_statements", Set.of("offending_sids", "remaining_policy")),
            java.util.Map.entry("only_outside_statements", Set.of("offending_sids")),
            java.util.Map.entry("recovery_period_short", Set.of("recovery_period_days")),
            java.util.Map.entry("required_tags_missing", Set.of("missing_tag_keys", "missing_tags_json")));

    @Test
    void placeholderKeysPerCheck() {
        List<CheckResult> results = CheckRunner.run(CheckRegistry.builtIn().all(), ExampleAccountTest.exampleAccount(),
                TestInventory.context());
        for (CheckResult result : results) {
            Set<String> expected = new TreeSet<>(result.resource().type() == ResourceType.DAX_CLUSTER ? DAX : TABLE);
            boolean invoices = result.resource().name().equals("invoices");
            if (KMS_CHECKS.contains(result.checkId()) && invoices) {
                expected.add("kms_key_arn");
            }
            if (result.checkId().equals("dynamodb_table_autoscaling_enabled")) {
                expected.add("gsi_names");
                if (invoices) {
                    expected.add("index_name");
                }
            }
            if (BACKUP_CHECKS.contains(result.checkId()) && invoices) {
                expected.add("backup_plan_name");
            }
            if (result.cause() != null) {
                expected.addAll(CAUSE_TOKENS.getOrDefault(result.cause(), Set.of()));
            }
            assertEquals(expected, new TreeSet<>(result.placeholders().keySet()),
                    result.checkId() + " on " + result.resource().name());
        }
    }

    @Test
    void valuesComeFromTheInventory() {
        CheckResult scaling = CheckRunner.run(CheckRegistry.builtIn().select(List.of("dynamodb_table_autoscaling_enabled")),
                ExampleAccountTest.exampleAccount(), TestInventory.context()).get(0);
        assertEquals("invoices", scaling.placeholders().get(Placeholders.TABLE_NAME));
        assertEquals("eu-north-1", scaling.placeholders().get(Placeholders.REGION));
        assertEquals("by-customer", scaling.placeholders().get(Placeholders.GSI_NAMES));
        assertEquals("by-customer", scaling.placeholders().get(Placeholders.INDEX_NAME));
    }
}
