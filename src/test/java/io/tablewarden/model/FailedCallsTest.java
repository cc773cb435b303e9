package io.tablewarden.model;

import io.tablewarden.engine.checks.TestInventory;
import io.tablewarden.model.inventory.RegionInventory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A region's failed calls are found wherever they sit in its inventory, and summed up in one clause. */
class FailedCallsTest {

    @Test
    void aHealthyRegionHasNoFailedCall() {
        RegionInventory region = TestInventory.withTable(TestInventory.table("orders")).regions().get(0);
        assertTrue(region.failedCalls().isEmpty());
    }

    @Test
    void failuresAreCollectedFromTheListsAndFromEachTable() {
        TestInventory account = TestInventory.account();
        TestInventory.Table orders = TestInventory.table("orders");
        orders.policyError = TestInventory.denied("dynamodb:GetResourcePolicy");
        TestInventory.Table invoices = TestInventory.table("invoices");
        invoices.policyError = TestInventory.denied("dynamodb:GetResourcePolicy");
        invoices.tagsError = new CollectionError("dynamodb:ListTagsOfResource", "ThrottlingException", "Rate exceeded",
                CollectionError.Kind.THROTTLED);
        TestInventory.Region region = account.region("eu-west-1").add(orders).add(invoices);
        region.daxError = TestInventory.denied("dax:DescribeClusters");
        region.policiesError = new CollectionError("application-autoscaling:DescribeScalingPolicies", "Cancelled",
                "stopped", CollectionError.Kind.CANCELLED);
        List<CollectionError> failed = account.build().regions().get(0).failedCalls();

        assertEquals(List.of("dax:DescribeClusters", "dynamodb:GetResourcePolicy", "dynamodb:GetResourcePolicy",
                "dynamodb:ListTagsOfResource"), failed.stream().map(CollectionError::permission).toList(),
                "a cancelled call is not a failure");
        assertEquals("4 calls failed: dax:DescribeClusters (AccessDeniedException), dynamodb:GetResourcePolicy"
                + " (AccessDeniedException) \u00d72, dynamodb:ListTagsOfResource (ThrottlingException)",
                CollectionError.summary(failed), "no grant advice when not every failure was a denial");
    }

    @Test
    void deniedCallsNameWhatToGrant() {
        TestInventory account = TestInventory.account();
        TestInventory.Region region = account.region("eu-west-1");
        region.tablesError = TestInventory.denied("dynamodb:ListTables");
        region.daxError = TestInventory.denied("dax:DescribeClusters");
        assertEquals("2 calls failed: dynamodb:ListTables (AccessDeniedException), dax:DescribeClusters"
                + " (AccessDeniedException); grant dynamodb:ListTables, dax:DescribeClusters to the scanning identity",
                CollectionError.summary(account.build().regions().get(0).failedCalls()));
        assertThrows(IllegalArgumentException.class, () -> CollectionError.summary(List.of()));
    }

    @Test
    void aDeletedPlansRecoveryPointsThatCouldNotBeListedAreAFailedCall() {
        TestInventory account = TestInventory.account();
        TestInventory.Region region = account.region("eu-west-1").add(TestInventory.table("orders"));
        io.tablewarden.model.inventory.BackupInventory.BackupPlan live = TestInventory.plan("exports");
        region.plans.add(new io.tablewarden.model.inventory.BackupInventory.BackupPlan(live.backupPlanId(),
                live.backupPlanArn(), "exports", "v2", java.time.Instant.parse("2026-10-01T00:00:00Z"), live.rules(),
                io.tablewarden.model.Fetch.ok(List.of()),
                io.tablewarden.model.Fetch.failed(TestInventory.denied("backup:ListRecoveryPointsByBackupVault"))));
        assertEquals(List.of("backup:ListRecoveryPointsByBackupVault"), account.build().regions().get(0).failedCalls()
                .stream().map(CollectionError::permission).toList(), "a scan missing this read is not complete");
    }
}
