package io.tablewarden.engine.checks.dax;

import io.tablewarden.engine.checks.TestInventory;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.DaxCluster;

import java.util.List;

import static io.tablewarden.engine.checks.TestInventory.denied;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inventories shared by the DAX check tests. */
final class DaxChecksFixtures {

    private DaxChecksFixtures() {
    }

    static AccountInventory with(DaxCluster cluster) {
        TestInventory inventory = TestInventory.account();
        inventory.region(TestInventory.REGION).clusters.add(cluster);
        return inventory.build();
    }

    static AccountInventory describeClustersDenied() {
        TestInventory inventory = TestInventory.account();
        inventory.region(TestInventory.REGION).daxError = denied("dax:DescribeClusters");
        return inventory.build();
    }

    /** A region-wide ERROR carries the wildcard cluster ARN and names the failed permission. */
    static void assertRegionError(List<CheckResult> results) {
        assertEquals(1, results.size());
        CheckResult result = results.get(0);
        assertEquals(io.tablewarden.model.Status.ERROR, result.status());
        assertEquals("arn:aws:dax:" + TestInventory.REGION + ":" + TestInventory.ACCOUNT + ":cache/*",
                result.resource().arn());
        assertTrue(result.statusText().contains("dax:DescribeClusters"), result.statusText());
    }
}
