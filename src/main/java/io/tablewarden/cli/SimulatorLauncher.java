package io.tablewarden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tablewarden.simulator.AccountSimulator;
import io.tablewarden.simulator.FixtureException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Iterator;

/** Starts the local account simulator for {@code scan --fixture/--demo} and {@code simulate}. */
public interface SimulatorLauncher {

    /**
     * Serves {@code fixture} on loopback.
     *
     * @throws CliException exit 1 when the fixture is invalid (the message names the JSON path) or the port is taken
     */
    LocalAccount start(Path fixture, int port);

    /** Serves the built-in demo account on a free port ({@code port} 0) or the given one. */
    LocalAccount startDemo(int port);

    /** The real simulator. */
    static SimulatorLauncher simulator() {
        return new SimulatorLauncher() {
            @Override
            public LocalAccount start(Path fixture, int port) {
                try {
                    return wrap(AccountSimulator.start(fixture, port), firstRegion(fixture));
                } catch (Exception e) {
                    throw startFailure("fixture " + fixture, e);
                }
            }

            @Override
            public LocalAccount startDemo(int port) {
                if (port != 0) {
                    // AccountSimulator.startDemo() always picks a free port; refusing is better than ignoring --port.
                    throw new CliException(ExitCodes.USAGE, "--port cannot be combined with --demo yet");
                }
                try {
                    return wrap(AccountSimulator.startDemo(), DEFAULT_REGION);
                } catch (Exception e) {
                    throw startFailure("demo account", e);
                }
            }
        };
    }

    /** Region named in the example when the fixture does not say. */
    String DEFAULT_REGION = "us-east-1";

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
    private static CliException startFailure(String what, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FixtureException) {
                return new CliException(ExitCodes.NOT_RUN, "invalid " + what + ": " + t.getMessage(), e);
            }
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new CliException(ExitCodes.NOT_RUN, "cannot start the simulator for " + what + ": " + reason, e);
    }

    /** First enabled region of a fixture, read leniently: the simulator itself reports real fixture errors. */
    private static String firstRegion(Path fixture) {
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
