package io.tablewarden.engine.scan;

import io.tablewarden.engine.ScanListener;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.RawResponse;
import io.tablewarden.model.inventory.RegionInventory;

import java.util.List;

/**
 * Shields the scan from its listener and the listener from a finished scan: an exception thrown by the
 * listener is dropped, and nothing is delivered once {@link #close()} ran (abandoned workers of a cancelled
 * scan may still be winding down).
 */
final class SafeListener implements ScanListener {

    private final ScanListener target;
    private volatile boolean open = true;

    SafeListener(ScanListener target) {
        this.target = target == null ? ScanListener.NONE : target;
    }

    void close() {
        open = false;
    }

    private void deliver(Runnable event) {
        if (open) {
            try {
                event.run();
            } catch (RuntimeException ignored) {
                // A faulty listener must not break the scan it observes.
            }
        }
    }

    @Override
    public void scanStarted(String accountId, List<String> regions) {
        deliver(() -> target.scanStarted(accountId, regions));
    }

    @Override
    public void regionStarted(String region) {
        deliver(() -> target.regionStarted(region));
    }

    @Override
    public void regionProgress(String region, int done, int total, String activity) {
        deliver(() -> target.regionProgress(region, done, total, activity));
    }

    @Override
    public void regionFinished(RegionInventory region, String message) {
        deliver(() -> target.regionFinished(region, message));
    }

    @Override
    public void rawResponse(RawResponse response) {
        deliver(() -> target.rawResponse(response));
    }

    @Override
    public boolean wantsRawResponses() {
        try {
            return target.wantsRawResponses();
        } catch (RuntimeException e) {
            return true;
        }
    }

    @Override
    public void resultsReady(String region, List<CheckResult> results) {
        deliver(() -> target.resultsReady(region, results));
    }
}
