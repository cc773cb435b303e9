package io.tablewarden.engine.scan;

import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanOutcome.ScanState;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Fetch;
import io.tablewarden.model.Status;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.AutoScalingInventory;
import io.tablewarden.model.inventory.BackupInventory;
import io.tablewarden.model.inventory.DaxCluster;
import io.tablewarden.model.inventory.KmsKeyInventory;
import io.tablewarden.model.inventory.RegionInventory;
import io.tablewarden.model.inventory.TableDescription;
import io.tablewarden.model.inventory.TableInventory;
import io.tablewarden.model.inventory.Tag;
import io.tablewarden.engine.CancellationToken;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A whole scan of the example account through the simulator and the real SDK. */
class FullScanTest {

    @Test
    void collectsTheWholeExampleAccount() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        ScanListener listener = new ScanListener() {
            @Override
            public void scanStarted(String accountId, List<String> regions) {
                events.add("started " + accountId + " " + regions);
            }

            @Override
            public void regionFinished(RegionInventory region, String message) {
                events.add("finished " + region.region() + " " + region.state());
            }

            @Override
            public void resultsReady(String region, List<CheckResult> results) {
                events.add("results " + region + " " + results.size());
            }
        };
        try (SimulatedAccount account = SimulatedAccount.start(SimulatedAccount.exampleFixture())) {
            ScanOutcome outcome = account.scan(account.request(List.of(), 4), listener, new CancellationToken());

            assertEquals(ScanState.COMPLETED, outcome.state(), outcome.failureReason());
            AccountInventory inv = outcome.inventory();
            assertEquals("210987654321", inv.accountId());
            assertEquals("aws", inv.partition());
            assertEquals("arn:aws:iam::210987654321:user/example-auditor", inv.callerArn());
            assertEquals(1, inv.regions().size());
            RegionInventory region = inv.regions().get(0);
            assertEquals("eu-north-1", region.region());
            assertEquals(RegionInventory.RegionState.SCANNED, region.state());

            List<TableInventory> tables = ok(region.tables());
            assertEquals(List.of("invoices", "scratch"), tables.stream().map(TableInventory::name).toList());
            TableInventory invoices = tables.get(0);
            TableDescription d = ok(invoices.description());
            assertEquals("arn:aws:dynamodb:eu-north-1:210987654321:table/invoices", invoices.arn());
            assertEquals("ACTIVE", d.tableStatus());
            assertEquals("PROVISIONED", d.billingMode());
            assertEquals(10L, d.readCapacityUnits());
            assertEquals(1, d.globalSecondaryIndexes().size());
            assertEquals("by-customer", d.globalSecondaryIndexes().get(0).indexName());
            assertEquals(5L, d.globalSecondaryIndexes().get(0).writeCapacityUnits());
            assertEquals("KMS", d.sse().sseType());
            String keyArn = "arn:aws:kms:eu-north-1:210987654321:key/7f3e8a52-1111-4222-8333-944455556666";
            assertEquals(keyArn, d.sse().kmsMasterKeyArn());
            assertEquals(Boolean.TRUE, d.deletionProtectionEnabled());
            assertEquals("ENABLED", ok(invoices.continuousBackups()).pointInTimeRecoveryStatus());
            assertEquals(35, ok(invoices.continuousBackups()).recoveryPeriodInDays());
            assertTrue(invoices.resourcePolicy().isOk());
            assertNull(invoices.resourcePolicy().value(), "no policy is an answer, not an error");
            assertEquals(List.of(new Tag("team", "billing")), ok(invoices.tags()));
            assertEquals(1, ok(invoices.recoveryPoints()).size());
            assertEquals("COMPLETED", ok(invoices.recoveryPoints()).get(0).status());
            assertEquals("Default", ok(invoices.recoveryPoints()).get(0).backupVaultName());

            TableInventory scratch = tables.get(1);
            assertTrue(scratch.description().value().isOnDemand());
            assertNull(scratch.description().value().sse());
            assertEquals("DISABLED", ok(scratch.continuousBackups()).pointInTimeRecoveryStatus());
            assertTrue(ok(scratch.resourcePolicy()).contains("123123123123"));
            assertEquals(List.of(), ok(scratch.tags()));
            // No plan covers scratch, so no result reads its recovery points and they are not asked for (ADR 0011).
            assertNull(scratch.recoveryPoints());

            AutoScalingInventory scaling = region.autoScaling();
            assertEquals(2, ok(scaling.scalableTargets()).size());
            assertEquals("table/invoices", ok(scaling.scalableTargets()).get(0).resourceId());
            assertEquals(5, ok(scaling.scalableTargets()).get(0).minCapacity());
            assertEquals(2, ok(scaling.scalingPolicies()).size());
            assertEquals(70.0, ok(scaling.scalingPolicies()).get(0).targetValue());
            assertEquals("TargetTrackingScaling", ok(scaling.scalingPolicies()).get(0).policyType());

            BackupInventory backup = region.backup();
            assertEquals(Boolean.TRUE, ok(backup.regionSettings()).resourceTypeOptInPreference().get("DynamoDB"));
            List<BackupInventory.BackupPlan> plans = ok(backup.plans());
            assertEquals(1, plans.size());
            assertEquals("daily-35d", plans.get(0).backupPlanName());
            assertEquals("Default", ok(plans.get(0).rules()).get(0).targetBackupVaultName());
            assertEquals(35L, ok(plans.get(0).rules()).get(0).deleteAfterDays());
            BackupInventory.SelectionEntry selection = ok(plans.get(0).selections()).get(0);
            assertEquals("sel-0001", selection.selectionId());
            BackupInventory.BackupSelection sel = ok(selection.selection());
            assertEquals(List.of(new BackupInventory.TagCondition("STRINGEQUALS", "team", "billing")), sel.listOfTags());
            assertEquals(List.of(), sel.resources());
            assertEquals(Boolean.FALSE, ok(backup.vaults().get("Default")).locked());

            List<DaxCluster> clusters = ok(region.daxClusters());
            assertEquals(1, clusters.size());
            assertEquals("session-cache", clusters.get(0).clusterName());
            assertEquals("DISABLED", clusters.get(0).sseStatus());
            assertEquals("NONE", clusters.get(0).clusterEndpointEncryptionType());
            assertEquals("eu-north-1a", clusters.get(0).nodes().get(0).availabilityZone());
            assertEquals(List.of(), ok(clusters.get(0).tags()));

            KmsKeyInventory key = region.kmsKeys().get(keyArn);
            assertNotNull(key);
            assertEquals("CUSTOMER", ok(key.metadata()).keyManager());
            assertEquals("Enabled", ok(key.metadata()).keyState());
            assertEquals(List.of("alias/billing"), ok(key.metadata()).aliases());
            assertEquals(Boolean.TRUE, ok(key.rotationEnabled()));

            // Results: the example README's verdicts for a few well-known checks.
            assertEquals(Status.FAIL, status(outcome, "dynamodb_table_autoscaling_enabled", "invoices"));
            assertEquals(Status.PASS, status(outcome, "dynamodb_table_protected_by_backup_plan", "invoices"));
            assertEquals(Status.FAIL, status(outcome, "dynamodb_table_cross_account_access", "scratch"));
            assertEquals(Status.FAIL, status(outcome, "dynamodb_accelerator_cluster_multi_az", "session-cache"));
            assertFalse(outcome.results().stream().anyMatch(r -> r.status() == Status.ERROR), "no ERROR expected");

            assertEquals(3, outcome.stats().resources());
            assertEquals(1, outcome.stats().regions());
            assertTrue(outcome.stats().apiCallsByOperation().containsKey("dynamodb:DescribeTable"));
            assertEquals(2L, outcome.stats().apiCallsByOperation().get("dynamodb:DescribeTable"));
            assertEquals(List.of("started 210987654321 [eu-north-1]", "finished eu-north-1 SCANNED",
                    "results eu-north-1 " + outcome.results().size()), events);
        }
    }

    private static Status status(ScanOutcome outcome, String checkId, String resourceName) {
        return outcome.results().stream()
                .filter(r -> r.checkId().equals(checkId) && r.resource().name().equals(resourceName))
                .map(CheckResult::status).findFirst().orElseThrow(() -> new AssertionError(checkId + " " + resourceName));
    }

    static <T> T ok(Fetch<T> fetch) {
        assertNotNull(fetch, "not collected");
        assertTrue(fetch.isOk(), () -> "failed: " + fetch.error());
        return fetch.value();
    }
}
