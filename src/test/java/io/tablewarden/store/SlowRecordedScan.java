package io.tablewarden.store;

import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.ScanEngine;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.RawResponse;
import io.tablewarden.model.inventory.RegionInventory;
import io.tablewarden.simulator.AccountSimulator;
import io.tablewarden.simulator.FaultSettings;
import io.tablewarden.simulator.SimulatorOptions;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The child process of {@link CrashSafetyTest}: records a deliberately slow scan of the demo account into the
 * database named by its argument, announcing on stdout the scan id and each region whose results it queued.
 */
public final class SlowRecordedScan {

    private SlowRecordedScan() {
    }

    public static void main(String[] args) throws Exception {
        FaultSettings slow = new FaultSettings(30, 20, 0.0, 0.0, 1, List.of(), 0);
        try (AccountSimulator sim = AccountSimulator.startDemo(SimulatorOptions.builder().faults(slow).build());
             TablewardenStore store = TablewardenStore.open(Path.of(args[0]))) {
            ConnectionSettings settings = ConnectionSettings.forSimulator(sim.endpoint(), "eu-west-1");
            ScanRequest request = new ScanRequest(settings, List.of(), Set.of(), CheckParameters.defaults(), 2,
                    ScanRequest.DEFAULT_CALL_TIMEOUT, 2);
            ScanRecorder recorder = ScanRecorder.start(store, StoreTestSupport.newScan(null));
            System.out.println("SCAN " + recorder.scanId());
            System.out.flush();
            ScanListener announcing = new ScanListener() {
                @Override
                public void regionFinished(RegionInventory region, String message) {
                    recorder.regionFinished(region, message);
                }

                @Override
                public boolean wantsRawResponses() {
                    return recorder.wantsRawResponses();
                }

                @Override
                public void rawResponse(RawResponse response) {
                    recorder.rawResponse(response);
                }

                @Override
                public void resultsReady(String region, List<CheckResult> results) {
                    recorder.resultsReady(region, results);
                    // The write is only queued: a kill right after this line lands during the transaction.
                    System.out.println("REGION " + region);
                    System.out.flush();
                }
            };
            ScanOutcome outcome = new ScanEngine(CheckRegistry.builtIn().all()).run(request, announcing,
                    new CancellationToken());
            recorder.finish(outcome, Instant.now());
            System.out.println("DONE " + recorder.scanId());
            System.out.flush();
        }
    }
}
