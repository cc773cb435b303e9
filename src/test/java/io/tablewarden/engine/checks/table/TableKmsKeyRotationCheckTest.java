package io.tablewarden.engine.checks.table;

import io.tablewarden.engine.checks.TestInventory;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Fetch;
import io.tablewarden.model.Status;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.KmsKeyInventory;
import org.junit.jupiter.api.Test;

import static io.tablewarden.engine.checks.TestInventory.denied;
import static io.tablewarden.engine.checks.TestInventory.table;
import static io.tablewarden.engine.checks.table.KmsFixtures.CMK;
import static io.tablewarden.engine.checks.table.KmsFixtures.cmk;
import static io.tablewarden.engine.checks.table.KmsFixtures.describeDenied;
import static io.tablewarden.engine.checks.table.KmsFixtures.managed;
import static io.tablewarden.engine.checks.table.KmsFixtures.owned;
import static io.tablewarden.engine.checks.table.KmsFixtures.run;
import static io.tablewarden.engine.checks.table.KmsFixtures.withKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableKmsKeyRotationCheckTest {

    private final TableKmsKeyRotationCheck check = new TableKmsKeyRotationCheck();

    @Test
    void verdicts() {
        assertEquals(Status.PASS, run(check, cmk("Enabled", null, true)).status());
        assertEquals(Status.FAIL, run(check, cmk("Enabled", null, false)).status());
        assertEquals(Status.NOT_APPLICABLE, run(check, managed()).status());
        assertEquals(Status.NOT_APPLICABLE, run(check, owned()).status());
        assertEquals(Status.ERROR, run(check, describeDenied()).status());
    }

    @Test
    void deniedRotationStatusIsError() {
        AccountInventory inventory = withKey(CMK, r -> {
            r.key(CMK, "CUSTOMER", "Enabled", null, true);
            KmsKeyInventory key = r.keys.get(CMK);
            r.keys.put(CMK, new KmsKeyInventory(CMK, key.metadata(),
                    Fetch.failed(denied("kms:GetKeyRotationStatus"))));
        });
        CheckResult result = run(check, inventory);
        assertEquals(Status.ERROR, result.status());
        assertTrue(result.statusText().contains("kms:GetKeyRotationStatus"));
    }
}
