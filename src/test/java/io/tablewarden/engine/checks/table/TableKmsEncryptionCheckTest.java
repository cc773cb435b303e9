package io.tablewarden.engine.checks.table;

import io.tablewarden.engine.checks.Placeholders;
import io.tablewarden.engine.checks.TestInventory;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;
import org.junit.jupiter.api.Test;

import static io.tablewarden.engine.checks.TestInventory.denied;
import static io.tablewarden.engine.checks.TestInventory.table;
import static io.tablewarden.engine.checks.table.KmsFixtures.CMK;
import static io.tablewarden.engine.checks.table.KmsFixtures.cmk;
import static io.tablewarden.engine.checks.table.KmsFixtures.describeDenied;
import static io.tablewarden.engine.checks.table.KmsFixtures.managed;
import static io.tablewarden.engine.checks.table.KmsFixtures.owned;
import static io.tablewarden.engine.checks.table.KmsFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableKmsEncryptionCheckTest {

    private final TableKmsEncryptionCheck check = new TableKmsEncryptionCheck();

    @Test
    void customerManagedKeyPassesAndSaysSo() {
        CheckResult result = run(check, cmk("Enabled", null, true));
        assertEquals(Status.PASS, result.status());
        assertTrue(result.statusText().contains("customer-managed"), result.statusText());
        assertEquals("CUSTOMER", result.evidence().get("KeyMetadata.KeyManager"));
        assertEquals("KMS", result.evidence().get("SSEDescription.SSEType"));
        assertEquals(CMK, result.placeholders().get(Placeholders.KMS_KEY_ARN));
    }

    @Test
    void awsManagedKeyPassesAndSaysSo() {
        CheckResult result = run(check, managed());
        assertEquals(Status.PASS, result.status());
        assertTrue(result.statusText().contains("AWS-managed"), result.statusText());
    }

    @Test
    void awsOwnedKeyFailsWithoutKeyPlaceholder() {
        CheckResult result = run(check, owned());
        assertEquals(Status.FAIL, result.status());
        assertFalse(result.placeholders().containsKey(Placeholders.KMS_KEY_ARN));
    }

    @Test
    void deniedDescribeKeyOnlyChangesTheText() {
        CheckResult result = run(check, describeDenied());
        assertEquals(Status.PASS, result.status());
        assertTrue(result.statusText().contains("kms:DescribeKey"), result.statusText());
    }

    @Test
    void describeTableDeniedIsError() {
        TestInventory.Table t = table("orders");
        t.describeError = denied("dynamodb:DescribeTable");
        CheckResult result = run(check, TestInventory.withTable(t));
        assertEquals(Status.ERROR, result.status());
        assertTrue(result.statusText().contains("dynamodb:DescribeTable"));
    }

    @Test
    void notApplicableWhileCreating() {
        assertEquals(Status.NOT_APPLICABLE, run(check, TestInventory.withTable(table("o").status("CREATING"))).status());
    }
}
