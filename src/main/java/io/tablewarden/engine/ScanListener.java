package io.tablewarden.engine;

import io.tablewarden.model.CheckResult;
import io.tablewarden.model.inventory.RegionInventory;

import java.util.List;

/**
 * Progress of a scan. Methods are called from worker threads, possibly concurrently; implementations must
 * be thread-safe and quick (a UI hands them to its own thread).
 */
public interface ScanListener {

    /** The scan knows its regions (after discovery). */
    default void scanStarted(String accountId, List<String> regions) {
    }

    /** Work in a region began. */
    default void regionStarted(String region) {
    }

    /**
     * Progress inside a region.
     *
     * @param region   region
     * @param done     resources finished in this region
     * @param total    resources known in this region so far
     * @param activity what is happening, e.g. "DescribeTable orders"
     */
    default void regionProgress(String region, int done, int total, String activity) {
    }

    /** A region ended (scanned, skipped as disabled, failed or cancelled); results for it follow. */
    default void regionFinished(RegionInventory region, String message) {
    }

    /**
     * One successful AWS answer, as received (JSON protocols only). Called from worker threads; a store keeps
     * these as the raw inventory of the scan.
     */
    default void rawResponse(io.tablewarden.model.RawResponse response) {
    }

    /**
     * Whether {@link #rawResponse} is wanted. Keeping each answer's bytes costs CPU and memory on every call, so a
     * scan captures them only for a listener that says yes (a store recording the scan).
     */
    default boolean wantsRawResponses() {
        return false;
    }

    /** Results for one region, as soon as its inventory is complete. */
    default void resultsReady(String region, List<CheckResult> results) {
    }

    ScanListener NONE = new ScanListener() {
    };

    /**
     * One listener that hands every event to {@code first}, then to {@code second} — e.g. a store recorder first,
     * so that whoever reacts to results afterwards finds them stored. A null side is left out.
     */
    static ScanListener both(ScanListener first, ScanListener second) {
        if (first == null) {
            return second == null ? NONE : second;
        }
        return second == null ? first : new CombinedScanListener(first, second);
    }
}
