package io.tablewarden.ui.results;

import io.tablewarden.app.FindingsFilterTiming;
import io.tablewarden.engine.checks.Check;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.ResourceRef;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.Status;
import io.tablewarden.report.ScanReport;
import io.tablewarden.store.StoredResult;
import io.tablewarden.ui.model.ScanSnapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link FindingsFilterTiming} on the findings table's own {@link FindingsViewModel}: the same filtered and sorted
 * lists and the same predicate the table shows, run on the calling thread with no window (the view models hold
 * no controls). The results are generated: every built-in check on each table, tables spread over 14 regions, a
 * seventh of them muted.
 */
public final class FindingsFilterTimer implements FindingsFilterTiming {

    private static final String ACCOUNT = "123456789012";

    @Override
    public Figure measure(int rows, String search) {
        ScanSnapshot scan = snapshot(rows);
        // Once to load and compile the code, as a workbench that has shown a scan before has.
        FindingsViewModel warm = new FindingsViewModel();
        warm.snapshotProperty().set(scan);
        for (int i = 1; i <= search.length(); i++) {
            warm.searchTextProperty().set(search.substring(0, i));
        }

        FindingsViewModel vm = new FindingsViewModel();
        long start = System.nanoTime();
        vm.snapshotProperty().set(scan);
        vm.comparatorProperty().set(Comparator.comparing((StoredResult r) -> r.result().resource().name()));
        double load = (System.nanoTime() - start) / 1e6;
        List<Keystroke> keystrokes = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 1; i <= search.length(); i++) {
            texts.add(search.substring(0, i));
        }
        for (int i = search.length() - 1; i >= 0; i--) {
            texts.add(search.substring(0, i));
        }
        for (String text : texts) {
            long t = System.nanoTime();
            vm.searchTextProperty().set(text);
            // The table reads the sorted list; make it sort what the filter let through.
            int visible = vm.sortedRows().size();
            keystrokes.add(new Keystroke(text, visible, (System.nanoTime() - t) / 1e6));
        }
        return new Figure(scan.rows().size(), load, keystrokes);
    }

    private static ScanSnapshot snapshot(int count) {
        List<CheckMetadata> checks = new ArrayList<>();
        for (Check check : CheckRegistry.builtIn().all()) {
            if (check.metadata().resourceType() == ResourceType.TABLE) {
                checks.add(check.metadata());
            }
        }
        Map<String, CheckMetadata> metadata = new HashMap<>();
        checks.forEach(m -> metadata.put(m.id(), m));
        Status[] statuses = Status.values();
        List<StoredResult> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            CheckMetadata check = checks.get(i % checks.size());
            int table = i / checks.size();
            String region = ScanRegions.NAMES.get(table % ScanRegions.NAMES.size());
            String name = "table-" + table;
            String arn = "arn:aws:dynamodb:" + region + ":" + ACCOUNT + ":table/" + name;
            Status status = statuses[(i / 3) % statuses.length];
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("TableStatus", "ACTIVE");
            rows.add(new StoredResult(new CheckResult(check.id(), new ResourceRef(arn, name, ResourceType.TABLE,
                    region, ACCOUNT), status, check.severity(), "Table " + name + " is " + status + ".", evidence,
                    Map.of("table_name", name, "table_arn", arn, "region", region)), i % 7 == 0));
        }
        ScanReport.ScanInfo info = new ScanReport.ScanInfo(ACCOUNT, "aws", null, List.of(), Instant.EPOCH,
                Instant.EPOCH, "COMPLETED", "bench", null);
        return new ScanSnapshot(1L, info, rows, metadata);
    }

    /** Region names the generated tables are spread over. */
    private static final class ScanRegions {
        static final List<String> NAMES = List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2",
                "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1", "ap-south-1", "ap-northeast-1",
                "ap-southeast-1", "ap-southeast-2", "sa-east-1");
    }
}
