package io.tablewarden.engine.checks.table;

import io.tablewarden.engine.checks.Placeholders;
import io.tablewarden.engine.checks.TestInventory;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;
import io.tablewarden.model.inventory.AccountInventory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static io.tablewarden.engine.checks.TestInventory.NOW;
import static io.tablewarden.engine.checks.TestInventory.denied;
import static io.tablewarden.engine.checks.TestInventory.plan;
import static io.tablewarden.engine.checks.TestInventory.resources;
import static io.tablewarden.engine.checks.TestInventory.single;
import static io.tablewarden.engine.checks.TestInventory.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableRecentRecoveryPointCheckTest {

    private final TableRecentRecoveryPointCheck check = new TableRecentRecoveryPointCheck();

    private static AccountInventory covered(TestInventory.Table t) {
        TestInventory inventory = TestInventory.account();
        inventory.region(TestInventory.REGION).add(t).plans.add(plan("daily", resources("all", "arn:aws:dynamodb:*:*:table/*")));
        return inventory.build();
    }

    @Test
    void recentCompletedPointPasses() {
        CheckResult result = single(check, covered(table("orders").recoveryPoint(NOW.minus(Duration.ofHours(20)), "COMPLETED")));
        assertEquals(Status.PASS, result.status(), result.statusText());
        assertEquals("daily", result.placeholders().get(Placeholders.BACKUP_PLAN_NAME));
    }

    @Test
    void oldOrIncompletePointsFail() {
        CheckResult old = single(check, covered(table("orders")
                .recoveryPoint(NOW.minus(Duration.ofHours(49)), "COMPLETED")
                .recoveryPoint(NOW.minus(Duration.ofHours(1)), "PARTIAL")));
        assertEquals(Status.FAIL, old.status());
        CheckResult none = single(check, covered(table("orders").recoveryPoint(NOW.minus(Duration.ofHours(1)), "CREATING")));
        assertEquals(Status.FAIL, none.status());
        assertTrue(none.statusText().contains("no COMPLETED recovery point"), none.statusText());
    }

    @Test
    void maxAgeParameter() {
        CheckParameters week = new CheckParameters(null, null, null, null, null, false, List.of(), Set.of(), 168);
        assertEquals(Status.PASS, single(check, covered(table("orders").recoveryPoint(NOW.minus(Duration.ofHours(100)),
                "COMPLETED")), TestInventory.context(week)).status());
    }

    @Test
    void deniedRecoveryPointsIsError() {
        TestInventory.Table t = table("orders");
        t.recoveryPointsError = denied("backup:ListRecoveryPointsByResource");
        CheckResult result = single(check, covered(t));
        assertEquals(Status.ERROR, result.status());
        assertTrue(result.statusText().contains("backup:ListRecoveryPointsByResource"));
    }

    @Test
    void notApplicableWhenNoPlanCoversOrTableIsNotActive() {
        assertEquals(Status.NOT_APPLICABLE, single(check, TestInventory.withTable(table("orders"))).status());
        assertEquals(Status.NOT_APPLICABLE, single(check, covered(table("orders").status("UPDATING"))).status());
    }

    @Test
    void unknownCoverageIsError() {
        TestInventory inventory = TestInventory.account();
        inventory.region(TestInventory.REGION).add(table("orders")).plansError = denied("backup:ListBackupPlans");
        assertEquals(Status.ERROR, single(check, inventory.build()).status());
    }
}
