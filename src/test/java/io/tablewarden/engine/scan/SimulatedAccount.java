package io.tablewarden.engine.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.ScanEngine;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.simulator.AccountSimulator;
import io.tablewarden.simulator.SimulatorOptions;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Test helper: the example account (optionally edited) served by the simulator, and scans against it. */
final class SimulatedAccount implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final AccountSimulator simulator;

    private SimulatedAccount(AccountSimulator simulator) {
        this.simulator = simulator;
    }

    /** The example fixture as an editable tree. */
    static ObjectNode exampleFixture() throws IOException {
        try (InputStream in = SimulatedAccount.class.getResourceAsStream("/engine/example-account.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    /** Adds {@code count} on-demand tables named {@code bulk-00}, {@code bulk-01}, ... to eu-north-1. */
    static ObjectNode withExtraTables(ObjectNode fixture, int count) {
        com.fasterxml.jackson.databind.node.ArrayNode tables = (com.fasterxml.jackson.databind.node.ArrayNode)
                fixture.at("/regions/eu-north-1/dynamodb/tables");
        ObjectNode template = (ObjectNode) tables.get(1);
        for (int i = 0; i < count; i++) {
            String name = String.format("bulk-%02d", i);
            ObjectNode copy = template.deepCopy();
            ObjectNode table = (ObjectNode) copy.get("Table");
            table.put("TableName", name);
            table.put("TableArn", "arn:aws:dynamodb:eu-north-1:210987654321:table/" + name);
            table.put("TableId", String.format("0a1b2c3d-0000-4000-8000-1000000000%02d", i));
            copy.putNull("Policy");
            tables.add(copy);
        }
        return fixture;
    }

    /** Sets the fixture's fault block from JSON text. */
    static ObjectNode withFaults(ObjectNode fixture, String faultsJson) throws IOException {
        fixture.set("faults", JSON.readTree(faultsJson));
        return fixture;
    }

    static SimulatedAccount start(ObjectNode fixture, SimulatorOptions options) throws IOException {
        return new SimulatedAccount(AccountSimulator.startFromJson(JSON.writeValueAsString(fixture), options));
    }

    static SimulatedAccount start(ObjectNode fixture) throws IOException {
        return start(fixture, SimulatorOptions.builder().build());
    }

    ScanRequest request(List<String> regions, int concurrency) {
        // The example account enables only eu-north-1, so global calls must be signed for it.
        ConnectionSettings sim = ConnectionSettings.forSimulator(simulator.endpoint());
        ConnectionSettings settings = new ConnectionSettings(null, sim.endpointUrl(), "eu-north-1",
                sim.staticCredentials());
        return new ScanRequest(settings, regions, Set.of(),
                CheckParameters.defaults(), concurrency, Duration.ofSeconds(5), 4);
    }

    ScanOutcome scan(ScanRequest request) {
        return scan(request, ScanListener.NONE, new CancellationToken());
    }

    ScanOutcome scan(ScanRequest request, ScanListener listener, CancellationToken token) {
        return new ScanEngine(CheckRegistry.builtIn().all()).run(request, listener, token);
    }

    @Override
    public void close() {
        simulator.close();
    }
}
