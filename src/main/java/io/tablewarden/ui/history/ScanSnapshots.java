package io.tablewarden.ui.history;

import io.tablewarden.app.ReportBuilder;
import io.tablewarden.app.StoredScans;
import io.tablewarden.engine.checks.Check;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.store.TablewardenStore;
import io.tablewarden.ui.model.ScanSnapshot;

import java.util.List;
import java.util.Map;

/**
 * The snapshot of a stored scan, with the same facts {@code tablewarden report} puts in a report (both come from
 * the application layer's {@link ReportBuilder}), so the screens and the exported files never disagree. Reads the
 * database: call it off the UI thread.
 */
public final class ScanSnapshots {

    private ScanSnapshots() {
    }

    /** The stored scan {@code scanId} with the mute flags of the mutes active now. */
    public static ScanSnapshot load(TablewardenStore store, long scanId, List<Check> checks) {
        StoredScans scans = new StoredScans(store, checks);
        return new ScanSnapshot(scanId, ReportBuilder.storedInfo(scans.summary(scanId)),
                scans.resultsWithMutes(scanId), new ReportBuilder(checks).metadata());
    }

    /** {@code snapshot} with its mute flags read again, after mutes were added or removed. */
    public static ScanSnapshot refreshMutes(TablewardenStore store, ScanSnapshot snapshot) {
        if (snapshot.scanId() == null) {
            return snapshot;
        }
        return new ScanSnapshot(snapshot.scanId(), snapshot.info(), store.scans().resultsWithMutes(snapshot.scanId()),
                snapshot.metadata());
    }

    /** Metadata of every check, keyed by id. */
    public static Map<String, CheckMetadata> metadata(List<Check> checks) {
        return new ReportBuilder(checks).metadata();
    }
}
