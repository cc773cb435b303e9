package io.tablewarden.engine;

import io.tablewarden.model.CheckResult;
import io.tablewarden.model.RawResponse;
import io.tablewarden.model.inventory.RegionInventory;

import java.util.List;

/** Hands every scan event to two listeners, {@code first} before {@code second}; see {@link ScanListener#both}. */
final class CombinedScanListener implements ScanListener {

    private final ScanListener first;
    private final ScanListener second;

    CombinedScanListener(ScanListener first, ScanListener second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public void scanStarted(String accountId, List<String> regions) {
        first.scanStarted(accountId, regions);
        second.scanStarted(accountId, regions);
    }

    @Override
    public void regionStarted(String region) {
        first.regionStarted(region);
        second.regionStarted(region);
    }

    @Override
    public void regionProgress(String region, int done, int total, String activity) {
        first.regionProgress(region, done, total, activity);
        second.regionProgress(region, done, total, activity);
    }

    @Override
    public void regionFinished(RegionInventory region, String message) {
        first.regionFinished(region, message);
        second.regionFinished(region, message);
    }

    @Override
    public void rawResponse(RawResponse response) {
        first.rawResponse(response);
        second.rawResponse(response);
    }

    @Override
    public boolean wantsRawResponses() {
        return first.wantsRawResponses() || second.wantsRawResponses();
    }

    @Override
    public void resultsReady(String region, List<CheckResult> results) {
        first.resultsReady(region, results);
        second.resultsReady(region, results);
    }
}
