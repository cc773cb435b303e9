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

/** The endpoint encryption is fixed at creation, so there is no NOT_APPLICABLE case; CREATING is evaluated. */
class DaxTlsEndpointCheckTest {

    private final DaxTlsEndpointCheck check = new DaxTlsEndpointCheck();

    @Test
    void verdicts() {
        assertEquals(Status.PASS, single(check, DaxChecksFixtures.with(dax("c", "available", "ENABLED", "TLS"))).status());
        assertEquals(Status.FAIL, single(check, DaxChecksFixtures.with(dax("c", "available", "ENABLED", "NONE"))).status());
        CheckResult absent = single(check, DaxChecksFixtures.with(dax("c", "available", "ENABLED", null)));
        assertEquals(Status.FAIL, absent.status());
        assertTrue(absent.statusText().contains("NONE"), absent.statusText());
        assertEquals(Status.PASS, single(check, DaxChecksFixtures.with(dax("c", "creating", "ENABLED", "TLS"))).status());
    }

    @Test
    void deniedDescribeClustersIsOneRegionError() {
        AccountInventory denied = DaxChecksFixtures.describeClustersDenied();
        DaxChecksFixtures.assertRegionError(denied, check.evaluate(denied, TestInventory.context()));
    }

    @Test
    void clusterBeingDeletedIsNotApplicable() {
        CheckResult deleting = single(check, DaxChecksFixtures.with(dax("c", "deleting", "ENABLED", "NONE")));
        assertEquals(Status.NOT_APPLICABLE, deleting.status());
        org.junit.jupiter.api.Assertions.assertTrue(deleting.statusText().contains("being deleted"), deleting.statusText());
    }
}
