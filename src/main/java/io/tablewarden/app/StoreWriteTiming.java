package io.tablewarden.app;

import io.tablewarden.engine.FailureKind;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanStats;
import io.tablewarden.model.CheckParameters;
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
import io.tablewarden.store.NewScan;
import io.tablewarden.store.ScanRecorder;
import io.tablewarden.store.ScanSummary;
import io.tablewarden.store.StoredScanState;
import io.tablewarden.store.TablewardenStore;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The store's figure of {@code tablewarden bench}: how long recording a large scan's results takes, written as a
 * scan writes them (each region's inventory and results handed to the {@link ScanRecorder} as the region ends,
 * then the scan closed), from the first region handed over to the scan row closed. The results are generated:
 * 15 checks on each table, spread over four regions, with evidence and placeholders shaped like the checks' own.
 */
public final class StoreWriteTiming {

    private static final String ACCOUNT = "123456789012";
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "eu-central-1", "ap-southeast-2");
    private static final int CHECKS = 15;

    /**
     * What one recording took.
     *
     * @param results results written (and counted back from the database)
     * @param tables  tables of the inventory written with them
     * @param millis  from the first region handed to the recorder to the scan row closed
     */
    public record Figure(int results, int tables, long millis) {
        public double resultsPerSecond() {
            return results * 1000.0 / Math.max(1, millis);
        }
    }

    private StoreWriteTiming() {
    }

    /**
     * Records a scan of {@code results} results (rounded up to whole tables) in a new database in {@code dir}
     * twice, the first time to load and compile the code, and returns the second.
     *
     * @throws AppException when the store does not hold every result afterwards
     */
    public static Figure measure(Path dir, int results) {
        int tables = (results + CHECKS - 1) / CHECKS;
        Map<String, RegionInventory> inventories = new LinkedHashMap<>();
        Map<String, List<CheckResult>> byRegion = new LinkedHashMap<>();
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        for (int r = 0; r < REGIONS.size(); r++) {
            String region = REGIONS.get(r);
            List<TableInventory> regionTables = new ArrayList<>();
            List<CheckResult> regionResults = new ArrayList<>();
            for (int t = r; t < tables; t += REGIONS.size()) {
                String name = "table-" + t;
                String arn = "arn:aws:dynamodb:" + region + ":" + ACCOUNT + ":table/" + name;
                regionTables.add(new TableInventory(name, arn, Fetch.ok(new TableDescription(name, arn, "ACTIVE",
                        "PAY_PER_REQUEST", 0L, 0L, List.of(), new TableDescription.SseDescription("ENABLED", "KMS",
                        "arn:aws:kms:" + region + ":" + ACCOUNT + ":key/" + t, null), true, List.of(), created)),
                        Fetch.ok(new ContinuousBackups("ENABLED", "ENABLED", 35, created)), Fetch.ok(null),
                        Fetch.ok(List.of(new Tag("env", "prod"), new Tag("team", "team-" + t % 7))), null));
                ResourceRef ref = new ResourceRef(arn, name, ResourceType.TABLE, region, ACCOUNT);
                for (int c = 0; c < CHECKS; c++) {
                    Status status = (t + c) % 5 == 0 ? Status.FAIL : (t + c) % 11 == 0 ? Status.NOT_APPLICABLE
                            : Status.PASS;
                    Map<String, Object> evidence = new LinkedHashMap<>();
                    evidence.put("TableStatus", "ACTIVE");
                    evidence.put("Setting", c);
                    evidence.put("Enabled", status == Status.PASS);
                    regionResults.add(new CheckResult("check_" + c, ref, status, Severity.MEDIUM, "Table " + name
                            + " in " + region + " is " + status + " on setting " + c + ".", evidence,
                            Map.of("table_name", name, "table_arn", arn, "region", region, "account_id", ACCOUNT)));
                    counts.merge(status, 1L, Long::sum);
                }
            }
            inventories.put(region, new RegionInventory(region, RegionInventory.RegionState.SCANNED, null,
                    Fetch.ok(regionTables), new AutoScalingInventory(Fetch.ok(List.of()), Fetch.ok(List.of())),
                    new BackupInventory(Fetch.ok(null), Fetch.ok(List.of()), Map.of()), Fetch.ok(List.of()),
                    Map.of()));
            byRegion.put(region, regionResults);
        }
        int written = byRegion.values().stream().mapToInt(List::size).sum();
        ScanOutcome outcome = new ScanOutcome(ScanOutcome.ScanState.COMPLETED,
                new AccountInventory(ACCOUNT, "aws", "arn:aws:iam::" + ACCOUNT + ":user/bench", created,
                        List.copyOf(inventories.values())), List.of(),
                new ScanStats(0, Map.of(), 0, 0, 0, 0, 0, REGIONS.size(), tables, counts), null);
        try (TablewardenStore store = TablewardenStore.open(dir.resolve("store-figure.db"))) {
            record(store, inventories, byRegion, outcome);
            long start = System.nanoTime();
            ScanSummary stored = record(store, inventories, byRegion, outcome);
            long millis = (System.nanoTime() - start) / 1_000_000;
            int rows = store.scans().resultCount(stored.id());
            if (rows != written || stored.state() != StoredScanState.COMPLETED) {
                throw new AppException(FailureKind.OTHER, "the store figure's scan stored " + rows + " of "
                        + written + " results (" + stored.state() + ")", null);
            }
            return new Figure(written, tables, millis);
        }
    }

    private static ScanSummary record(TablewardenStore store, Map<String, RegionInventory> inventories,
                                      Map<String, List<CheckResult>> results, ScanOutcome outcome) {
        ScanRecorder recorder = ScanRecorder.start(store, new NewScan(null, ACCOUNT, REGIONS, List.of(),
                CheckParameters.defaults(), "bench", Instant.now(), null));
        recorder.scanStarted(ACCOUNT, REGIONS);
        for (String region : REGIONS) {
            recorder.regionFinished(inventories.get(region), "done");
            recorder.resultsReady(region, results.get(region));
        }
        return recorder.finish(outcome, Instant.now());
    }
}
