package io.tablewarden.engine.checks.dax;

import io.tablewarden.engine.checks.Placeholders;
import io.tablewarden.engine.checks.TestInventory;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;
import io.tablewarden.model.inventory.AccountInventory;
import org.junit.jupiter.api.Test;

import static io.tablewarden.engine.checks.TestInventory.dax;
import static io.tablewarden.engine.checks.TestInventory.single;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** CREATING clusters are evaluated (their settings are fixed at creation); DELETING ones are NOT_APPLICABLE. */
class DaxEncryptionAtRestCheckTest {

    private final DaxEncryptionAtRestCheck check = new DaxEncryptionAtRestCheck();

    @Test
    void verdicts() {
        CheckResult pass = single(check, DaxChecksFixtures.with(dax("c", "available", "ENABLED", "TLS", "a", "b")));
        assertEquals(Status.PASS, pass.status());
        assertEquals("c", pass.placeholders().get(Placeholders.DAX_CLUSTER_NAME));
        assertEquals(pass.resource().arn(), pass.placeholders().get(Placeholders.DAX_CLUSTER_ARN));
        assertEquals(TestInventory.ACCOUNT, pass.placeholders().get(Placeholders.ACCOUNT_ID));
        assertEquals(Status.FAIL, single(check, DaxChecksFixtures.with(dax("c", "available", "DISABLED", "TLS"))).status());
        CheckResult absent = single(check, DaxChecksFixtures.with(dax("c", "available", null, "TLS")));
        assertEquals(Status.FAIL, absent.status());
        assertEquals("(absent)", absent.evidence().get("SSEDescription.Status"));
        assertEquals(Status.FAIL, single(check, DaxChecksFixtures.with(dax("c", "creating", "DISABLED", null))).status());
    }

    @Test
    void deniedDescribeClustersIsOneRegionError() {
        AccountInventory denied = DaxChecksFixtures.describeClustersDenied();
        DaxChecksFixtures.assertRegionError(denied, check.evaluate(denied, TestInventory.context()));
    }

    @Test
    void clusterBeingDeletedIsNotApplicable() {
        CheckResult deleting = single(check, DaxChecksFixtures.with(dax("c", "deleting", "DISABLED", "TLS")));
        assertEquals(Status.NOT_APPLICABLE, deleting.status());
        org.junit.jupiter.api.Assertions.assertTrue(deleting.statusText().contains("being deleted"), deleting.statusText());
    }
}
