package io.tablewarden.cli;

import java.nio.file.Path;

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
        return new AccountSimulatorLauncher();
    }
}
