package io.tablewarden.cli;

import io.tablewarden.engine.checks.Check;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.RegionError;
import io.tablewarden.report.ScanReport;
import io.tablewarden.store.ScanSummary;
import io.tablewarden.store.TablewardenStore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the report of a stored scan from the database alone, with the same facts a live scan hands the
 * writers: the stored start and end times, tool version, parameters and figures, so the output is identical.
 */
final class StoredScanReport {

    private StoredScanReport() {
    }

    static ScanReport build(TablewardenStore store, long scanId, List<Check> checks) {
        ScanSummary scan = store.scans().require(scanId);
        Map<String, CheckMetadata> metadata = new LinkedHashMap<>();
        checks.forEach(c -> metadata.put(c.id(), c.metadata()));
        ScanReport.ScanInfo info = new ScanReport.ScanInfo(scan.accountId(), scan.partition(), scan.callerArn(),
                scan.regions(), scan.startedAt(), scan.finishedAt(), scan.state().name().toUpperCase(Locale.ROOT),
                scan.toolVersion(), scan.parameters(), scan.accountAlias());
        // Region errors come from the stored inventory, as the live scan took them from its own.
        return new ScanReport(info, store.scans().results(scanId), store.scans().stats(scanId), metadata,
                RegionError.of(store.scans().inventory(scanId)));
    }
}
