package io.tablewarden.engine.checks;

import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.BackupInventory.BackupSelection;
import io.tablewarden.model.inventory.BackupInventory.TagCondition;
import io.tablewarden.model.inventory.ContinuousBackups;
import io.tablewarden.model.inventory.DaxCluster;
import io.tablewarden.model.inventory.Tag;
import io.tablewarden.scenarios.ExampleAccount;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.tablewarden.model.Status.FAIL;
import static io.tablewarden.model.Status.NOT_APPLICABLE;
import static io.tablewarden.model.Status.PASS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The verdicts documented for the shared example account fixture, on an inventory built in Java that
 * mirrors it (one region, tables invoices and scratch, DAX cluster session-cache).
 */
class ExampleAccountTest {

    private static final String REGION = "eu-north-1";
    private static final String KEY = "arn:aws:kms:eu-north-1:210987654321:key/7f3e8a52-1111-4222-8333-944455556666";

    static AccountInventory exampleAccount() {
        TestInventory inventory = TestInventory.account();
        TestInventory.Region region = inventory.region(REGION);

        TestInventory.Table invoices = TestInventory.table("invoices").provisioned().gsi("by-customer").kms(KEY)
                .tags(new Tag("team", "billing"))
                .recoveryPoint(Instant.ofEpochSecond(1735707600L), "COMPLETED");
        TestInventory.Table scratch = TestInventory.table("scratch").tags()
                .policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"PartnerRead\",\"Effect\":\"Allow\","
                        + "\"Principal\":{\"AWS\":\"arn:aws:iam::123123123123:root\"},\"Action\":\"dynamodb:GetItem\","
                        + "\"Resource\":\"arn:aws:dynamodb:eu-north-1:210987654321:table/scratch\"}]}");
        scratch.deletionProtection = null;
        scratch.backups = new ContinuousBackups("ENABLED", "DISABLED", null, null);
        region.add(invoices).add(scratch);

        region.scaling("table/invoices");
        region.key(KEY, "CUSTOMER", "Enabled", null, true);
        region.plans.add(TestInventory.plan("daily-35d", new BackupSelection("team-tagged",
                "arn:aws:iam::210987654321:role/service-role/AWSBackupDefaultServiceRole", List.of(), List.of(),
                List.of(new TagCondition("STRINGEQUALS", "team", "billing")), List.of())));
        region.vault("Default", false);
        region.clusters.add(new DaxCluster("session-cache", "arn:aws:dax:eu-north-1:210987654321:cache/session-cache",
                "available", 1, List.of(new DaxCluster.DaxNode("session-cache-a", "eu-north-1a", "available")),
                "DISABLED", "NONE", null));
        return inventory.build();
    }

    @Test
    void documentedVerdicts() {
        List<CheckResult> results = CheckRunner.run(CheckRegistry.builtIn().all(), exampleAccount(),
                TestInventory.context());
        Map<String, Status> expected = new TreeMap<>();
        expect(expected, "invoices", "dynamodb_table_autoscaling_enabled", FAIL);
        expect(expected, "invoices", "dynamodb_tables_pitr_enabled", PASS);
        expect(expected, "invoices", "dynamodb_table_protected_by_backup_plan", PASS);
        expect(expected, "invoices", "dynamodb_table_tagged", PASS);
        expect(expected, "invoices", "dynamodb_table_deletion_protection_enabled", PASS);
        expect(expected, "invoices", "dynamodb_tables_kms_cmk_encryption_enabled", PASS);
        expect(expected, "invoices", "dynamodb_table_customer_managed_key", PASS);
        expect(expected, "invoices", "dynamodb_table_kms_key_usable", PASS);
        expect(expected, "invoices", "dynamodb_table_kms_key_rotation_enabled", PASS);
        expect(expected, "invoices", "dynamodb_table_cross_account_access", PASS);
        expect(expected, "invoices", "dynamodb_table_backup_recent_recovery_point", FAIL);
        expect(expected, "scratch", "dynamodb_table_autoscaling_enabled", PASS);
        expect(expected, "scratch", "dynamodb_tables_pitr_enabled", FAIL);
        expect(expected, "scratch", "dynamodb_table_protected_by_backup_plan", FAIL);
        expect(expected, "scratch", "dynamodb_table_tagged", FAIL);
        expect(expected, "scratch", "dynamodb_table_deletion_protection_enabled", FAIL);
        expect(expected, "scratch", "dynamodb_tables_kms_cmk_encryption_enabled", FAIL);
        expect(expected, "scratch", "dynamodb_table_customer_managed_key", FAIL);
        expect(expected, "scratch", "dynamodb_table_kms_key_usable", NOT_APPLICABLE);
        expect(expected, "scratch", "dynamodb_table_kms_key_rotation_enabled", NOT_APPLICABLE);
        expect(expected, "scratch", "dynamodb_table_cross_account_access", FAIL);
        expect(expected, "scratch", "dynamodb_table_backup_recent_recovery_point", NOT_APPLICABLE);
        expect(expected, "session-cache", "dynamodb_accelerator_cluster_encryption_enabled", FAIL);
        expect(expected, "session-cache", "dynamodb_accelerator_cluster_in_transit_encryption_enabled", FAIL);
        expect(expected, "session-cache", "dynamodb_accelerator_cluster_multi_az", FAIL);

        // Checks added after the example was written are pinned by their own tests and scenarios.
        Map<String, Status> actual = new TreeMap<>();
        results.stream().filter(r -> ExampleAccount.CHECKS.contains(r.checkId()))
                .forEach(r -> actual.put(r.resource().name() + " " + r.checkId(), r.status()));
        assertEquals(expected, actual);
    }

    @Test
    void documentedReasons() {
        List<CheckResult> results = CheckRunner.run(CheckRegistry.builtIn().all(), exampleAccount(),
                TestInventory.context());
        assertEquals(true, text(results, "invoices", "dynamodb_table_autoscaling_enabled").contains("by-customer"));
        assertEquals(true, text(results, "scratch", "dynamodb_table_cross_account_access").contains("123123123123"));
        assertEquals(true, text(results, "scratch", "dynamodb_tables_kms_cmk_encryption_enabled").contains("AWS-owned"));
        assertEquals(true, text(results, "invoices", "dynamodb_table_backup_recent_recovery_point").contains("2025"));
        assertEquals(true, text(results, "session-cache", "dynamodb_accelerator_cluster_multi_az").contains("1 node"));
    }

    private static String text(List<CheckResult> results, String resource, String checkId) {
        return results.stream().filter(r -> r.resource().name().equals(resource) && r.checkId().equals(checkId))
                .findFirst().orElseThrow().statusText();
    }

    private static void expect(Map<String, Status> map, String resource, String checkId, Status status) {
        map.put(resource + " " + checkId, status);
    }
}
