package io.tablewarden.engine.checks.table;

import io.tablewarden.engine.checks.TestInventory;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;
import org.junit.jupiter.api.Test;

import static io.tablewarden.engine.checks.TestInventory.denied;
import static io.tablewarden.engine.checks.TestInventory.table;
import static io.tablewarden.engine.checks.table.KmsFixtures.cmk;
import static io.tablewarden.engine.checks.table.KmsFixtures.describeDenied;
import static io.tablewarden.engine.checks.table.KmsFixtures.managed;
import static io.tablewarden.engine.checks.table.KmsFixtures.owned;
import static io.tablewarden.engine.checks.table.KmsFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** W14: the AWS-managed key is not a customer-managed key. */
class TableCustomerManagedKeyCheckTest {

    private final TableCustomerManagedKeyCheck check = new TableCustomerManagedKeyCheck();

    @Test
    void verdicts() {
        assertEquals(Status.PASS, run(check, cmk("Enabled", null, true)).status());
        assertEquals(Status.FAIL, run(check, managed()).status());
        assertEquals(Status.FAIL, run(check, owned()).status());
        CheckResult denied = run(check, describeDenied());
        assertEquals(Status.ERROR, denied.status());
        assertTrue(denied.statusText().contains("kms:DescribeKey"));
        assertEquals(Status.NOT_APPLICABLE, run(check, TestInventory.withTable(table("o").status("DELETING"))).status());
    }
}
