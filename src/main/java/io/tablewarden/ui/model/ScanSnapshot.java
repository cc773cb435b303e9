package io.tablewarden.ui.model;

import io.tablewarden.model.CheckMetadata;
import io.tablewarden.report.ScanReport;
import io.tablewarden.store.StoredResult;

import java.util.List;
import java.util.Map;

/**
 * A scan as the screens show it: its facts, its results with their mute flags, and the metadata of every
 * check that appears. Immutable; a running scan publishes a new snapshot as regions complete.
 *
 * @param scanId   id in the store, or null when the scan was not stored
 * @param info     account, regions, times, state, parameters
 * @param rows     every result and whether an active mute covers it
 * @param metadata check metadata keyed by check id
 * @param organization the organisation and its accounts when this is an organisation scan (its rows are every
 *                     scanned account's results), else null
 */
public record ScanSnapshot(Long scanId, ScanReport.ScanInfo info, List<StoredResult> rows,
                           Map<String, CheckMetadata> metadata, OrganizationContext organization) {

    public ScanSnapshot {
        rows = List.copyOf(rows);
        metadata = Map.copyOf(metadata);
    }

    /** A scan of one account. */
    public ScanSnapshot(Long scanId, ScanReport.ScanInfo info, List<StoredResult> rows,
                        Map<String, CheckMetadata> metadata) {
        this(scanId, info, rows, metadata, null);
    }

    /** True for an organisation scan. */
    public boolean isOrganization() {
        return organization != null;
    }
}
