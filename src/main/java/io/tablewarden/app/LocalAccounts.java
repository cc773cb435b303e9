package io.tablewarden.app;

import java.nio.file.Path;

/**
 * Starts the local simulator for the demo account or a fixture: for a scan of a local target and for
 * {@code tablewarden simulate}. Production uses {@link SimulatedAccounts}; command tests substitute a fake.
 */
public interface LocalAccounts {

    /**
     * Serves {@code fixture} on loopback ({@code port} 0: a free one).
     *
     * @throws AppException when the fixture is invalid (the message names the JSON path) or the port is taken
     */
    LocalAccount start(Path fixture, int port);

    /** Serves the built-in demo account on a free port ({@code port} 0) or the given one. */
    LocalAccount startDemo(int port);

    /**
     * Serves the built-in demo organisation: its management account answers credentials it did not issue.
     *
     * @throws AppException when this implementation serves no organisation
     */
    default LocalAccount startOrganizationDemo(int port) {
        throw new AppException(io.tablewarden.engine.FailureKind.OTHER, "no demo organisation is available here", null);
    }

    /**
     * Serves an organisation fixture ({@code docs/organization-fixture.md}).
     *
     * @throws AppException when it is invalid or this implementation serves no organisation
     */
    default LocalAccount startOrganization(Path fixture, int port) {
        throw new AppException(io.tablewarden.engine.FailureKind.OTHER,
                "no organisation fixture can be served here", null);
    }
}
