package io.tablewarden.engine.checks;

import io.tablewarden.model.CheckResult;
import io.tablewarden.model.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every result of the example account carries exactly the placeholder keys documented in {@link Placeholders}. */
class PlaceholdersContractTest {

    private static final Set<String> TABLE = Set.of("table_name", "table_arn", "region", "account_id", "partition");
    private static final Set<String> DAX = Set.of("dax_cluster_name", "dax_cluster_arn", "region", "account_id",
            "partition");
    private static final Set<String> KMS_CHECKS = Set.of("dynamodb_tables_kms_cmk_encryption_enabled",
            "dynamodb_table_customer_managed_key", "dynamodb_table_kms_key_usable",
            "dynamodb_table_kms_key_rotation_enabled");
    private static final Set<String> BACKUP_CHECKS = Set.of("dynamodb_table_protected_by_backup_plan",
            "dynamodb_table_backup_recent_recovery_point");

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
