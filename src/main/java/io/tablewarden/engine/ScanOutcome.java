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
 */
public record ScanOutcome(ScanState state, AccountInventory inventory, List<CheckResult> results, ScanStats stats,
                          String failureReason) {

    /** How a scan ended. */
    public enum ScanState { COMPLETED, CANCELLED, FAILED }
}
