package io.tablewarden.ui.scan;

import io.tablewarden.engine.ScanListener;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.RawResponse;
import io.tablewarden.model.inventory.RegionInventory;

import java.util.List;

/** Hands every engine event to the page and to the store's recorder. */
final class TwoListeners implements ScanListener {

    private final ScanListener first;
    private final ScanListener second;

    TwoListeners(ScanListener first, ScanListener second) {
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
        second.rawResponse(response);
    }

    @Override
    public void resultsReady(String region, List<CheckResult> results) {
        // The store first: a page that reads the database after seeing results finds them there.
        second.resultsReady(region, results);
        first.resultsReady(region, results);
    }
}
