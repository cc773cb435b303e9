package io.tablewarden.app;

import io.tablewarden.model.CheckResult;
import io.tablewarden.model.RegionError;
import io.tablewarden.model.Status;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.RegionInventory;
import io.tablewarden.store.ScanSummary;
import io.tablewarden.store.StoredScanState;

import java.util.List;

/**
 * What a finished scan says as a whole, for an exit code or a headline. A scan that could not look at
 * everything is {@link #INCOMPLETE} whatever it found elsewhere: its silence about a resource proves nothing.
 */
public enum ScanVerdict {
    /** Every result could be decided and none is FAIL. */
    PASSED,
    /** Every result could be decided and at least one is FAIL. */
    FINDINGS,
    /** Some results are ERROR, a region could not be scanned (whole), or the stored scan is not whole. */
    INCOMPLETE;

    /** The verdict of a live scan's results and the inventory it collected (null when it has none). */
    public static ScanVerdict of(List<CheckResult> results, AccountInventory inventory) {
        if (hasGaps(inventory) || results.stream().anyMatch(r -> r.status() == Status.ERROR)) {
            return INCOMPLETE;
        }
        return results.stream().anyMatch(r -> r.status() == Status.FAIL) ? FINDINGS : PASSED;
    }

    /**
     * The verdict of a stored scan: also incomplete when it did not complete or holds no result at all (its
     * results were lost, or there was nothing to judge).
     */
    public static ScanVerdict ofStored(ScanSummary scan, AccountInventory inventory) {
        if (scan.state() != StoredScanState.COMPLETED || scan.resultCount() == 0 || scan.errorCount() > 0
                || hasGaps(inventory)) {
            return INCOMPLETE;
        }
        return scan.failCount() > 0 ? FINDINGS : PASSED;
    }

    /** True when any region of {@code inventory} (null: none) has a gap or a region error. */
    private static boolean hasGaps(AccountInventory inventory) {
        return inventory != null && (inventory.regions().stream().anyMatch(ScanVerdict::hasGap)
                || !RegionError.of(inventory).isEmpty());
    }

    /** True for a region that failed, or was scanned with calls that failed: its picture has a gap. */
    public static boolean hasGap(RegionInventory region) {
        return region.state() == RegionInventory.RegionState.FAILED
                || region.state() == RegionInventory.RegionState.SCANNED && !region.failedCalls().isEmpty();
    }
}
