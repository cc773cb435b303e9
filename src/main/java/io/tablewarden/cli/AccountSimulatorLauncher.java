package io.tablewarden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tablewarden.simulator.AccountSimulator;
import io.tablewarden.simulator.FixtureException;
import io.tablewarden.simulator.SimulatorOptions;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Iterator;

/** {@link SimulatorLauncher} backed by {@link AccountSimulator}. */
final class AccountSimulatorLauncher implements SimulatorLauncher {

    /** Region named in the example when the fixture does not say. */
    static final String DEFAULT_REGION = "us-east-1";

    @Override
    public LocalAccount start(Path fixture, int port) {
        AccountSimulator simulator;
        try {
            simulator = AccountSimulator.start(fixture, port);
        } catch (Exception e) {
            throw startFailure("fixture " + fixture, e);
        }
        return wrap(simulator, firstRegion(fixture));
    }

    @Override
    public LocalAccount startDemo(int port) {
        try {
            return wrap(AccountSimulator.startDemo(SimulatorOptions.builder().port(port)
                    .shiftRecoveryPointsToNow(true).build()), DEFAULT_REGION);
        } catch (Exception e) {
            throw startFailure("demo account", e);
        }
    }

    private static LocalAccount wrap(AccountSimulator simulator, String region) {
        return new LocalAccount() {
            @Override
            public URI endpoint() {
                return simulator.endpoint();
            }

            @Override
            public String exampleRegion() {
                return region;
            }

            @Override
            public void close() {
                simulator.close();
            }
        };
    }

    /** FixtureException may arrive bare or wrapped, depending on where the simulator noticed the problem. */
    static CliException startFailure(String what, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FixtureException) {
                return new CliException(ExitCodes.NOT_RUN, "invalid " + what + ": " + t.getMessage(), e);
            }
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new CliException(ExitCodes.NOT_RUN, "cannot start the simulator for " + what + ": " + reason, e);
    }

    /** First enabled region of a fixture, read leniently: the simulator itself reports real fixture errors. */
    static String firstRegion(Path fixture) {
        try {
            JsonNode root = new ObjectMapper().readTree(fixture.toFile());
            JsonNode enabled = root.path("enabledRegions");
            if (enabled.isArray() && enabled.size() > 0) {
                return enabled.get(0).asText();
            }
            Iterator<String> regions = root.path("regions").fieldNames();
            return regions.hasNext() ? regions.next() : DEFAULT_REGION;
        } catch (IOException | RuntimeException e) {
            return DEFAULT_REGION;
        }
    }
}
