package io.tablewarden.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.ScanEngine;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.CheckResult;
import io.tablewarden.simulator.AccountSimulator;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The counts every other test takes from {@link DemoAccount} agree with the demo fixture and with a real scan. */
class DemoAccountTest {

    @Test
    void declaredResourcesAreThoseOfTheFixture() throws Exception {
        JsonNode fixture;
        try (InputStream in = AccountSimulator.class.getResourceAsStream(AccountSimulator.DEMO_RESOURCE)) {
            assertNotNull(in, "the demo fixture");
            fixture = new ObjectMapper().readTree(in);
        }
        Map<String, Integer> tables = new TreeMap<>();
        Map<String, Integer> clusters = new TreeMap<>();
        fixture.path("enabledRegions").forEach(r -> {
            JsonNode region = fixture.path("regions").path(r.asText());
            tables.put(r.asText(), region.path("dynamodb").path("tables").size());
            clusters.put(r.asText(), region.path("dax").path("Clusters").size());
        });
        assertEquals(new TreeMap<>(DemoAccount.TABLES), tables);
        assertEquals(new TreeMap<>(DemoAccount.DAX_CLUSTERS), clusters);
    }

    @Test
    void aFullScanGivesTheComputedCountsPerRegion() throws Exception {
        ScanOutcome outcome;
        try (AccountSimulator sim = AccountSimulator.startDemo()) {
            ScanRequest request = new ScanRequest(ConnectionSettings.forSimulator(sim.endpoint(), "us-east-1"),
                    List.of(), Set.of(), CheckParameters.defaults(), 8, ScanRequest.DEFAULT_CALL_TIMEOUT, 2);
            outcome = new ScanEngine(CheckRegistry.builtIn().all())
                    .run(request, ScanListener.NONE, new CancellationToken());
        }
        assertEquals(ScanOutcome.ScanState.COMPLETED, outcome.state(), String.valueOf(outcome.failureReason()));
        Map<String, Integer> perRegion = new TreeMap<>();
        for (CheckResult r : outcome.results()) {
            perRegion.merge(r.resource().region(), 1, Integer::sum);
        }
        Map<String, Integer> expected = new TreeMap<>();
        DemoAccount.TABLES.keySet().forEach(region -> expected.put(region, DemoAccount.results(region)));
        assertEquals(expected, perRegion);
        assertEquals(DemoAccount.results(), outcome.results().size());
    }
}
