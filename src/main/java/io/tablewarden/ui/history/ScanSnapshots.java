package io.tablewarden.ui.history;

import io.tablewarden.engine.checks.Check;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.report.ScanReport;
import io.tablewarden.store.ScanSummary;
import io.tablewarden.store.TablewardenStore;
import io.tablewarden.ui.model.ScanSnapshot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the snapshot of a stored scan, with the same facts {@code tablewarden report} puts in a report, so the
 * screens and the exported files never disagree. Reads the database: call it off the UI thread.
 */
public final class ScanSnapshots {

    private ScanSnapshots() {
    }

    /** The stored scan {@code scanId} with the mute flags of the mutes active now. */
    public static ScanSnapshot load(TablewardenStore store, long scanId, List<Check> checks) {
        ScanSummary scan = store.scans().require(scanId);
        return new ScanSnapshot(scanId, info(scan), store.scans().resultsWithMutes(scanId), metadata(checks));
    }

    /** {@code snapshot} with its mute flags read again, after mutes were added or removed. */
    public static ScanSnapshot refreshMutes(TablewardenStore store, ScanSnapshot snapshot) {
        if (snapshot.scanId() == null) {
            return snapshot;
        }
        return new ScanSnapshot(snapshot.scanId(), snapshot.info(), store.scans().resultsWithMutes(snapshot.scanId()),
                snapshot.metadata());
    }

    /** The facts of a stored scan as the report writers expect them. */
    public static ScanReport.ScanInfo info(ScanSummary scan) {
        return new ScanReport.ScanInfo(scan.accountId(), scan.partition(), scan.callerArn(), scan.regions(),
                scan.startedAt(), scan.finishedAt(), scan.state().name().toUpperCase(Locale.ROOT),
                scan.toolVersion(), scan.parameters(), scan.accountAlias());
    }

    /** Metadata of every check, keyed by id. */
    public static Map<String, CheckMetadata> metadata(List<Check> checks) {
        Map<String, CheckMetadata> metadata = new LinkedHashMap<>();
        checks.forEach(c -> metadata.put(c.id(), c.metadata()));
        return metadata;
    }
}
