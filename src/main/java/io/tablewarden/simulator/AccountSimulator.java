package io.tablewarden.simulator;

import java.net.URI;
import java.nio.file.Path;

/**
 * A local AWS account: serves an account fixture over the real AWS wire protocols on loopback.
 * Any AWS client pointed at {@link #endpoint()} (with any credentials) sees the fixture's account.
 */
public final class AccountSimulator implements AutoCloseable {

    private AccountSimulator() {
    }

    /**
     * Loads and validates {@code fixture}, then starts serving on 127.0.0.1:{@code port} (0 = any free port).
     *
     * @throws FixtureException when the fixture is invalid (its message names the JSON path)
     */
    public static AccountSimulator start(Path fixture, int port) throws java.io.IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Starts the built-in demo account on a free port. */
    public static AccountSimulator startDemo() throws java.io.IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Base URL, e.g. {@code http://127.0.0.1:45123}. */
    public URI endpoint() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void close() {
    }
}
