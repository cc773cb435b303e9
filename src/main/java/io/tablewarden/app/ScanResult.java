package io.tablewarden.app;

import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.model.CollectionError;
import io.tablewarden.model.inventory.RegionInventory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link ScanService#run} hands back: the engine's outcome, when the scan ran, where it was recorded and
 * what went wrong with recording it.
 *
 * @param outcome        what the engine returned
 * @param startedAt      when the scan started (the time the reports and the store show)
 * @param finishedAt     when it ended, recording included
 * @param scanId         the stored scan, or null when it was not recorded
 * @param database       the database it was recorded in, or null
 * @param storeProblem   why the scan is not (wholly) recorded, or null
 * @param enabledRegions the regions the account has enabled, asked only when a requested region is not enabled
 *                       (null otherwise, or when they could not be read)
 */
public record ScanResult(ScanOutcome outcome, Instant startedAt, Instant finishedAt, Long scanId, Path database,
                         Failure storeProblem, List<String> enabledRegions) {

    /** Why the scan failed, or null when it completed or was cancelled. */
    public Failure failure() {
        return Failure.of(outcome);
    }

    /** What the scan's results say as a whole. */
    public ScanVerdict verdict() {
        return ScanVerdict.of(outcome.results() == null ? List.of() : outcome.results(), outcome.inventory());
    }

    /** The requested regions the account has not enabled (or does not know), in request order. */
    public List<String> notEnabledRegions() {
        return notEnabledRegions(outcome);
    }

    static List<String> notEnabledRegions(ScanOutcome outcome) {
        List<String> regions = new ArrayList<>();
        if (outcome.inventory() != null) {
            for (RegionInventory r : outcome.inventory().regions()) {
                if (r.state() == RegionInventory.RegionState.DISABLED && r.regionError() != null
                        && r.regionError().kind() == CollectionError.Kind.REGION_DISABLED) {
                    regions.add(r.region());
                }
            }
        }
        return regions;
    }
}
