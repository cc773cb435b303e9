package io.tablewarden.engine.checks.table;

import io.tablewarden.engine.checks.TestInventory;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;
import org.junit.jupiter.api.Test;

import static io.tablewarden.engine.checks.TestInventory.denied;
import static io.tablewarden.engine.checks.TestInventory.single;
import static io.tablewarden.engine.checks.TestInventory.table;
import static io.tablewarden.engine.checks.TestInventory.withTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableDeletionProtectionCheckTest {

    private final TableDeletionProtectionCheck check = new TableDeletionProtectionCheck();

    private static TestInventory.Table protection(Boolean value) {
        TestInventory.Table t = table("orders");
        t.deletionProtection = value;
        return t;
    }

    @Test
    void verdicts() {
        assertEquals(Status.PASS, single(check, withTable(protection(true))).status());
        assertEquals(Status.FAIL, single(check, withTable(protection(false))).status());
        CheckResult absent = single(check, withTable(protection(null)));
        assertEquals(Status.FAIL, absent.status());
        assertEquals("(absent)", absent.evidence().get("DeletionProtectionEnabled"));
    }

    @Test
    void deniedDescribeTableIsError() {
        TestInventory.Table t = protection(false);
        t.describeError = denied("dynamodb:DescribeTable");
        CheckResult result = single(check, withTable(t));
        assertEquals(Status.ERROR, result.status());
        assertTrue(result.statusText().contains("grant dynamodb:DescribeTable"), result.statusText());
    }

    /** W13: tables being created or deleted are not judged. */
    @Test
    void peerBugW13TransitionalStatesAreNotApplicable() {
        assertEquals(Status.NOT_APPLICABLE, single(check, withTable(protection(false).status("CREATING"))).status());
        assertEquals(Status.NOT_APPLICABLE, single(check, withTable(protection(false).status("DELETING"))).status());
        assertEquals(Status.FAIL, single(check, withTable(protection(false).status("ARCHIVED"))).status());
    }
}
