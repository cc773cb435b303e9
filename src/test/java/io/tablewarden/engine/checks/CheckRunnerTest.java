package io.tablewarden.engine.checks;

import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.Status;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.RegionInventory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.tablewarden.engine.checks.TestInventory.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckRunnerTest {

    private static AccountInventory twoRegions() {
        TestInventory inventory = TestInventory.account();
        inventory.region("us-east-1").add(table("b-table")).add(table("a-table"));
        inventory.region("eu-west-1").add(table("z-table"));
        return inventory.build();
    }

    @Test
    void resultsAreSortedByRegionResourceAndCheck() {
        List<CheckResult> results = CheckRunner.run(CheckRegistry.builtIn().all(), twoRegions(), TestInventory.context());
        List<CheckResult> sorted = new ArrayList<>(results);
        sorted.sort(CheckRunner.ORDER);
        assertEquals(sorted, results);
        assertEquals("eu-west-1", results.get(0).resource().region());
        assertTrue(results.get(results.size() - 1).resource().arn().endsWith("b-table"));
    }

    @Test
    void aCrashingCheckCostsOnlyItsOwnResults() {
        Check crashing = new Check() {
            @Override
            public CheckMetadata metadata() {
                return MetadataLoader.load("dynamodb_table_tagged");
            }

            @Override
            public List<CheckResult> evaluate(AccountInventory inventory, CheckContext context) {
                throw new IllegalStateException("boom");
            }
        };
        Check pitr = CheckRegistry.builtIn().find("dynamodb_tables_pitr_enabled").orElseThrow();
        List<CheckResult> results = CheckRunner.run(List.of(crashing, pitr), twoRegions(), TestInventory.context());
        assertEquals(3, results.stream().filter(r -> r.checkId().equals("dynamodb_tables_pitr_enabled")).count());
        List<CheckResult> errors = results.stream().filter(r -> r.checkId().equals("dynamodb_table_tagged")).toList();
        assertEquals(2, errors.size());
        errors.forEach(r -> assertEquals(Status.ERROR, r.status()));
    }

    @Test
    void runRegionEvaluatesOneRegionOnly() {
        AccountInventory inventory = twoRegions();
        RegionInventory euWest = inventory.regions().get(1);
        List<CheckResult> results = CheckRunner.runRegion(CheckRegistry.builtIn().all(), inventory, euWest,
                TestInventory.context());
        assertTrue(results.stream().allMatch(r -> r.resource().region().equals("eu-west-1")));
        // eu-west-1 holds one table and no DAX cluster: one result per table check.
        assertEquals(CheckRegistry.builtIn().all().stream()
                .filter(c -> c.metadata().resourceType() == ResourceType.TABLE).count(), results.size());
    }
}
