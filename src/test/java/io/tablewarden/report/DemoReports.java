package io.tablewarden.report;

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
import io.tablewarden.simulator.AccountSimulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The demo account scanned through the simulator and the real SDK, as the report writers receive it. */
public final class DemoReports {

    private static ScanReport cached;

    private DemoReports() {
    }

    /** The demo account's report, with the first failing tagging finding muted. */
    public static synchronized ScanReport demo() throws Exception {
        if (cached == null) {
            List<Check> checks = CheckRegistry.builtIn().all();
            ScanOutcome outcome;
            Instant started = Instant.parse("2026-12-01T09:00:00Z");
            try (AccountSimulator sim = AccountSimulator.startDemo()) {
                ScanRequest request = new ScanRequest(ConnectionSettings.forSimulator(sim.endpoint(), "us-east-1"),
                        List.of(), Set.of(), CheckParameters.defaults(), 8, ScanRequest.DEFAULT_CALL_TIMEOUT, 2);
                outcome = new ScanEngine(checks).run(request, new ScanListener() { }, new CancellationToken());
            }
            Map<String, CheckMetadata> metadata = new LinkedHashMap<>();
            checks.forEach(c -> metadata.put(c.id(), c.metadata()));
            List<String> regions = new ArrayList<>();
            outcome.inventory().regions().forEach(r -> regions.add(r.region()));
            ScanReport.ScanInfo info = new ScanReport.ScanInfo(outcome.inventory().accountId(),
                    outcome.inventory().partition(), outcome.inventory().callerArn(), regions, started,
                    started.plusSeconds(3), outcome.state().name(), "1.0.0", CheckParameters.defaults(),
                    outcome.inventory().accountAlias());
            Map<String, ScanReport.MuteNote> mutes = new LinkedHashMap<>();
            for (CheckResult r : outcome.results()) {
                if (r.status() == Status.FAIL && r.checkId().equals("dynamodb_table_tagged")) {
                    mutes.put(r.identity(), new ScanReport.MuteNote("Scratch table, deleted every night", "analyst",
                            Instant.parse("2027-03-01T00:00:00Z")));
                    break;
                }
            }
            cached = new ScanReport(info, outcome.results(), outcome.stats(), metadata, mutes, null);
        }
        return cached;
    }
}
