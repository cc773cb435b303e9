package io.tablewarden.engine.checks.dax;

import io.tablewarden.engine.checks.TestInventory;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;
import io.tablewarden.model.inventory.AccountInventory;
import org.junit.jupiter.api.Test;

import static io.tablewarden.engine.checks.TestInventory.dax;
import static io.tablewarden.engine.checks.TestInventory.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DaxMultiAzCheckTest {

    private final DaxMultiAzCheck check = new DaxMultiAzCheck();

    @Test
    void twoDistinctZonesPass() {
        CheckResult result = single(check, DaxChecksFixtures.with(dax("c", "available", "ENABLED", "TLS",
                "eu-central-1a", "eu-central-1b", "eu-central-1a")));
        assertEquals(Status.PASS, result.status());
    }

    /** W17: several nodes in one zone are not multi-AZ. */
    @Test
    void peerBugW17NodesInOneZoneFail() {
        CheckResult result = single(check, DaxChecksFixtures.with(dax("c", "available", "ENABLED", "TLS",
                "eu-central-1a", "eu-central-1a", "eu-central-1a")));
        assertEquals(Status.FAIL, result.status());
        assertTrue(result.statusText().contains("3 nodes"), result.statusText());
        assertTrue(result.statusText().contains("eu-central-1a"), result.statusText());
    }

    /** W17: a cluster being created lists no nodes and is not failed for it. */
    @Test
    void peerBugW17CreatingClusterIsNotApplicable() {
        assertEquals(Status.NOT_APPLICABLE, single(check, DaxChecksFixtures.with(dax("c", "creating", "ENABLED", "TLS")))
                .status());
    }

    @Test
    void deniedDescribeClustersIsOneRegionError() {
        AccountInventory denied = DaxChecksFixtures.describeClustersDenied();
        DaxChecksFixtures.assertRegionError(denied, check.evaluate(denied, TestInventory.context()));
    }
}
