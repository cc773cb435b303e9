package io.tablewarden.engine.checks.support;

import io.tablewarden.engine.checks.TestInventory;
import io.tablewarden.model.Fetch;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.BackupInventory.BackupPlan;
import io.tablewarden.model.inventory.RegionInventory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.tablewarden.engine.checks.TestInventory.plan;
import static io.tablewarden.engine.checks.TestInventory.resources;
import static io.tablewarden.engine.checks.TestInventory.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackupPlanCoverageTest {

    private static BackupPlanCoverage.Result evaluate(java.util.function.Consumer<TestInventory.Region> setup) {
        TestInventory inventory = TestInventory.account();
        TestInventory.Region region = inventory.region(TestInventory.REGION).add(table("orders"));
        setup.accept(region);
        AccountInventory built = inventory.build();
        RegionInventory r = built.regions().get(0);
        return BackupPlanCoverage.evaluate(r.tables().value().get(0), r.backup());
    }

    @Test
    void listsEveryCoveringSelectionInPlanOrder() {
        BackupPlanCoverage.Result result = evaluate(r -> {
            r.plans.add(plan("first", resources("a", "*")));
            r.plans.add(plan("second", resources("b", TestInventory.tableArn("orders"))));
        });
        assertEquals(2, result.covering().size());
        assertEquals("first", result.covering().get(0).plan().backupPlanName());
        assertEquals("backup plan second (selection b)", result.covering().get(1).label());
    }

    @Test
    void deletedPlansNeitherCoverNorCountAsMisses() {
        BackupPlan live = plan("gone", resources("a", "*"));
        BackupPlanCoverage.Result result = evaluate(r -> r.plans.add(new BackupPlan(live.backupPlanId(),
                live.backupPlanArn(), "gone", "v", Instant.parse("2026-01-02T00:00:00Z"), live.rules(), live.selections())));
        assertTrue(result.covering().isEmpty());
        assertTrue(result.unknowns().isEmpty());
        assertTrue(result.misses().isEmpty(), "a deleted plan is no reason given for every table: " + result.misses());
    }

    @Test
    void unreadableSelectionsAreUnknowns() {
        BackupPlan live = plan("p", resources("a", "*"));
        BackupPlanCoverage.Result result = evaluate(r -> r.plans.add(new BackupPlan(live.backupPlanId(),
                live.backupPlanArn(), "p", "v", null, live.rules(),
                Fetch.failed(TestInventory.denied("backup:ListBackupSelections")))));
        assertEquals(1, result.unknowns().size());
        assertTrue(result.unknowns().get(0).contains("backup:ListBackupSelections"));
    }

    @Test
    void planWithoutSelectionsIsAMissThatSaysSo() {
        BackupPlan live = plan("bare", resources("a", "*"));
        BackupPlanCoverage.Result result = evaluate(r -> r.plans.add(new BackupPlan(live.backupPlanId(),
                live.backupPlanArn(), "bare", "v", null, live.rules(), Fetch.ok(List.of()))));
        assertTrue(result.covering().isEmpty());
        assertTrue(result.unknowns().isEmpty());
        assertEquals(List.of("plan bare has no resource selection"), result.misses());
    }

    @Test
    void emptyRegionSaysSo() {
        BackupPlanCoverage.Result result = evaluate(r -> { });
        assertEquals("the region has no backup plan", result.misses().get(0));
    }
}
