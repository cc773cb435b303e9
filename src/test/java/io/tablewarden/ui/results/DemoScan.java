package io.tablewarden.ui.results;

import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.ScanEngine;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.checks.Check;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;
import io.tablewarden.report.ScanReport;
import io.tablewarden.simulator.AccountSimulator;
import io.tablewarden.store.StoredResult;
import io.tablewarden.ui.model.ScanSnapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The built-in demo account scanned once through the simulator, as a snapshot the views can show. */
final class DemoScan {

    private static ScanSnapshot cached;

    private DemoScan() {
    }

    /** The demo scan; the first FAIL of the tagging check is muted, so muted rows show too. */
    static synchronized ScanSnapshot snapshot() throws Exception {
        if (cached != null) {
            return cached;
        }
        List<Check> checks = CheckRegistry.builtIn().all();
        ScanOutcome outcome;
        try (AccountSimulator sim = AccountSimulator.startDemo()) {
            ConnectionSettings settings = ConnectionSettings.forSimulator(sim.endpoint(), "eu-west-1");
            ScanRequest request = new ScanRequest(settings, List.of(), Set.of(), CheckParameters.defaults(), 8,
                    ScanRequest.DEFAULT_CALL_TIMEOUT, 2);
            outcome = new ScanEngine(checks).run(request, new ScanListener() { }, new CancellationToken());
        }
        Map<String, CheckMetadata> metadata = new HashMap<>();
        checks.forEach(c -> metadata.put(c.id(), c.metadata()));
        List<StoredResult> rows = new ArrayList<>();
        boolean mutedOne = false;
        List<String> regions = new ArrayList<>();
        for (CheckResult r : outcome.results()) {
            boolean mute = !mutedOne && r.status() == Status.FAIL && r.checkId().equals("dynamodb_table_tagged");
            mutedOne |= mute;
            rows.add(new StoredResult(r, mute));
            if (!regions.contains(r.resource().region())) {
                regions.add(r.resource().region());
            }
        }
        ScanReport.ScanInfo info = new ScanReport.ScanInfo(outcome.inventory() == null ? null
                : outcome.inventory().accountId(), "aws", null, regions, java.time.Instant.now(),
                java.time.Instant.now(), outcome.state().name(), "test", null);
        cached = new ScanSnapshot(1L, info, rows, metadata);
        return cached;
    }
}
