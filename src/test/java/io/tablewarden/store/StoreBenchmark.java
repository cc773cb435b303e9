package io.tablewarden.store;

import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanStats;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Fetch;
import io.tablewarden.model.ResourceRef;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.Severity;
import io.tablewarden.model.Status;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.AutoScalingInventory;
import io.tablewarden.model.inventory.BackupInventory;
import io.tablewarden.model.inventory.ContinuousBackups;
import io.tablewarden.model.inventory.RegionInventory;
import io.tablewarden.model.inventory.TableDescription;
import io.tablewarden.model.inventory.TableInventory;
import io.tablewarden.model.inventory.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How fast a large scan is recorded: 2,000 tables in four regions, 14 results each, with the typed inventory,
 * delivered through the recorder as the engine would. Run with {@code mvn -B test -Pbenchmark -Dtest=StoreBenchmark}.
 */
@org.junit.jupiter.api.Tag("benchmark")
class StoreBenchmark {

    private static final String ACCOUNT = "123456789012";
    private static final List<String> REGIONS = List.of("eu-west-1", "eu-central-1", "us-east-1", "ap-south-1");
    private static final int TABLES = 2_000;
    private static final int CHECKS = 14;

    @TempDir
    Path dir;

    @Test
    void recordsTwoThousandTablesTimesFourteenChecks() {
        Map<String, RegionInventory> inventories = new LinkedHashMap<>();
        Map<String, List<CheckResult>> results = new LinkedHashMap<>();
        int perRegion = TABLES / REGIONS.size();
        for (String region : REGIONS) {
            List<TableInventory> tables = new ArrayList<>();
            List<CheckResult> regionResults = new ArrayList<>();
            for (int t = 0; t < perRegion; t++) {
                String name = "table-" + region + "-" + t;
                String arn = "arn:aws:dynamodb:" + region + ":" + ACCOUNT + ":table/" + name;
                tables.add(table(name, arn));
                for (int c = 0; c < CHECKS; c++) {
                    Status status = Status.values()[(t + c) % Status.values().length];
                    regionResults.add(new CheckResult("check_" + c,
                            new ResourceRef(arn, name, ResourceType.TABLE, region, ACCOUNT), status, Severity.MEDIUM,
                            "Table " + name + " is " + status + " because of setting " + c + ".",
                            Map.of("TableStatus", "ACTIVE", "Setting", c, "Enabled", t % 2 == 0),
                            Map.of("table_name", name, "region", region, "account_id", ACCOUNT)));
                }
            }
            inventories.put(region, new RegionInventory(region, RegionInventory.RegionState.SCANNED, null,
                    Fetch.ok(tables), new AutoScalingInventory(Fetch.ok(List.of()), Fetch.ok(List.of())),
                    new BackupInventory(Fetch.ok(null), Fetch.ok(List.of()), Map.of()), Fetch.ok(List.of()), Map.of()));
            results.put(region, regionResults);
        }
        AccountInventory inventory = new AccountInventory(ACCOUNT, "aws", "arn:aws:iam::" + ACCOUNT + ":user/a",
                StoreTestSupport.NOW, List.copyOf(inventories.values()));
        ScanOutcome outcome = new ScanOutcome(ScanOutcome.ScanState.COMPLETED, inventory, List.of(),
                new ScanStats(0, Map.of(), 0, 0, 0, 0, 16, REGIONS.size(), TABLES, Map.of()), null);

        try (TablewardenStore store = TablewardenStore.open(dir.resolve("bench.db"))) {
            record(store, inventories, results, outcome); // warm-up: class loading and JIT
            long start = System.nanoTime();
            long id = record(store, inventories, results, outcome);
            long millis = (System.nanoTime() - start) / 1_000_000;
            int rows = TABLES * CHECKS;
            System.out.printf("StoreBenchmark: %d results (+ %d tables of inventory) recorded in %d ms, %.0f rows/s%n",
                    rows, TABLES, millis, rows * 1000.0 / Math.max(1, millis));
            assertEquals(rows, store.scans().require(id).resultCount());
            assertTrue(millis < 10_000, "recording took " + millis + " ms");
        }
    }

    private static long record(TablewardenStore store, Map<String, RegionInventory> inventories,
                               Map<String, List<CheckResult>> results, ScanOutcome outcome) {
        ScanRecorder recorder = ScanRecorder.start(store, StoreTestSupport.newScan(ACCOUNT));
        recorder.scanStarted(ACCOUNT, REGIONS);
        for (String region : REGIONS) {
            recorder.regionFinished(inventories.get(region), "done");
            recorder.resultsReady(region, results.get(region));
        }
        recorder.finish(outcome, Instant.now());
        return recorder.scanId();
    }

    private static TableInventory table(String name, String arn) {
        TableDescription description = new TableDescription(name, arn, "ACTIVE", "PAY_PER_REQUEST", 0L, 0L,
                List.of(), new TableDescription.SseDescription("ENABLED", "KMS",
                "arn:aws:kms:eu-west-1:" + ACCOUNT + ":key/1234", null), true, List.of(), StoreTestSupport.NOW);
        return new TableInventory(name, arn, Fetch.ok(description),
                Fetch.ok(new ContinuousBackups("ENABLED", "ENABLED", 35, StoreTestSupport.NOW)), Fetch.ok(null),
                Fetch.ok(List.of(new Tag("env", "prod"), new Tag("team", "payments"))), null);
    }
}
