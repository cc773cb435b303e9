package io.tablewarden.engine;

import io.tablewarden.model.CheckResult;
import io.tablewarden.model.inventory.AccountInventory;

import java.util.List;

/**
 * What a scan produced.
 *
 * @param state         how it ended
 * @param inventory     collected data (partial when cancelled); null when the scan could not start
 * @param results       all results, ordered by region, resource, check
 * @param stats         call and timing figures
 * @param failureReason one line when state is FAILED, else null
 * @param failureKind   what kind of failure it was when state is FAILED (so a front end can say what to do
 *                      without reading the reason's words), else null
 */
public record ScanOutcome(ScanState state, AccountInventory inventory, List<CheckResult> results, ScanStats stats,
                          String failureReason, FailureKind failureKind) {

    public ScanOutcome {
        failureKind = state == ScanState.FAILED && failureKind == null ? FailureKind.OTHER
                : state == ScanState.FAILED ? failureKind : null;
    }

    /** An outcome whose failure, if any, is of no particular kind. */
    public ScanOutcome(ScanState state, AccountInventory inventory, List<CheckResult> results, ScanStats stats,
                       String failureReason) {
        this(state, inventory, results, stats, failureReason, null);
    }

    /** How a scan ended. */
    public enum ScanState { COMPLETED, CANCELLED, FAILED }
}
