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
import io.tablewarden.model.ResourceRef;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.Severity;
import io.tablewarden.model.Status;
import io.tablewarden.simulator.AccountSimulator;
import io.tablewarden.simulator.SimulatorOptions;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Scans of the demo account and hand-made results for store tests. */
final class StoreTestSupport {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private StoreTestSupport() {
    }

    /** Scans the demo account through the simulator, evaluated at {@link #NOW}. */
    static ScanOutcome scanDemo(ScanListener listener) throws Exception {
        try (AccountSimulator sim = AccountSimulator.startDemo(SimulatorOptions.builder().build())) {
            ConnectionSettings settings = ConnectionSettings.forSimulator(sim.endpoint(), "eu-west-1");
            ScanRequest request = new ScanRequest(settings, List.of(), Set.of(), CheckParameters.defaults(), 8,
                    ScanRequest.DEFAULT_CALL_TIMEOUT, 2);
            return new ScanEngine(CheckRegistry.builtIn().all()).withClock(CLOCK)
                    .run(request, listener, new CancellationToken());
        }
    }

    static NewScan newScan(String account) {
        return new NewScan("audit", account, List.of("eu-west-1"), List.of(), CheckParameters.defaults(), "test",
                NOW, null);
    }

    static CheckResult result(String check, String account, String table, Status status) {
        String arn = "arn:aws:dynamodb:eu-west-1:" + account + ":table/" + table;
        return new CheckResult(check, new ResourceRef(arn, table, ResourceType.TABLE, "eu-west-1", account),
                status, Severity.MEDIUM, table + " is " + status, Map.of("Count", 3, "Ok", true),
                Map.of("table_name", table));
    }
}
