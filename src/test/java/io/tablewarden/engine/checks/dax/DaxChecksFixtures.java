package io.tablewarden.engine.checks.dax;

import io.tablewarden.engine.checks.TestInventory;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.RegionError;
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

    /**
     * A cluster list that could not be read gives no made-up result: the region gets one region error that
     * names the failed permission.
     */
    static void assertRegionError(AccountInventory inventory, List<CheckResult> results) {
        assertEquals(List.of(), results);
        List<RegionError> errors = RegionError.of(inventory);
        assertEquals(1, errors.size());
        assertEquals("dax:DescribeClusters", errors.get(0).call());
        assertTrue(errors.get(0).message().startsWith("could not list all DAX clusters in " + TestInventory.REGION
                + ": dax:DescribeClusters failed"), errors.get(0).message());
    }
}
