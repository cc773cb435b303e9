package io.tablewarden.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tablewarden.engine.FailureKind;
import io.tablewarden.simulator.AccountSimulator;
import io.tablewarden.simulator.FixtureException;
import io.tablewarden.simulator.OrganizationSimulator;
import io.tablewarden.simulator.SimulatorOptions;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * {@link LocalAccounts} backed by the account simulator. This class and {@link FixtureExport} are the only ones
 * above the simulator that use it: everything else reaches a local account through {@link ScanConnector}.
 */
public final class SimulatedAccounts implements LocalAccounts {

    /** The demo account's home region, and the region named when a fixture does not say. */
    static final String DEFAULT_REGION = "us-east-1";

    private final SimulatorOptions demoOptions;
    private final boolean allowInvalidNames;
    /** Page size of every listing, or 0 for AWS's own. */
    private final int pageSize;

    /** The demo account as the command line and the workbench serve it: recovery points moved to look recent. */
    public SimulatedAccounts() {
        this(null);
    }

    /**
     * @param demoOptions how the demo account's simulator behaves (tests add latency or refusals), used as
     *                    given; null for the standard demo account
     */
    public SimulatedAccounts(SimulatorOptions demoOptions) {
        this(demoOptions, false);
    }

    private SimulatedAccounts(SimulatorOptions demoOptions, boolean allowInvalidNames) {
        this(demoOptions, allowInvalidNames, 0);
    }

    private SimulatedAccounts(SimulatorOptions demoOptions, boolean allowInvalidNames, int pageSize) {
        this.demoOptions = demoOptions;
        this.allowInvalidNames = allowInvalidNames;
        this.pageSize = pageSize;
    }

    /**
     * For tests of paging: every listing of the served accounts answers {@code pageSize} items a page instead of
     * AWS's own page size, so that a listing of a few resources already takes several pages.
     */
    public static SimulatedAccounts pagingEvery(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1");
        }
        return new SimulatedAccounts(null, false, pageSize);
    }

    /**
     * For tests of a hostile endpoint only: fixtures may name resources as AWS never would (quotes, control
     * characters), as a fake or compromised endpoint could answer. Every other fixture rule still applies.
     */
    public static SimulatedAccounts allowingInvalidNamesForTests() {
        return new SimulatedAccounts(null, true);
    }

    @Override
    public LocalAccount start(Path fixture, int port) {
        AccountSimulator simulator;
        try {
            SimulatorOptions.Builder options = SimulatorOptions.builder().port(port)
                    .allowInvalidNamesForTests(allowInvalidNames);
            if (pageSize > 0) {
                options.pageSize(pageSize);
            }
            simulator = AccountSimulator.start(fixture, options.build());
        } catch (Exception e) {
            throw startFailure("fixture " + fixture, e);
        }
        return wrap(simulator, firstRegion(fixture));
    }

    @Override
    public LocalAccount startDemo(int port) {
        SimulatorOptions options = demoOptions;
        if (options == null) {
            SimulatorOptions.Builder builder = SimulatorOptions.builder().port(port).shiftRecoveryPointsToNow(true);
            if (pageSize > 0) {
                builder.pageSize(pageSize);
            }
            options = builder.build();
        }
        try {
            return wrap(AccountSimulator.startDemo(options), DEFAULT_REGION);
        } catch (Exception e) {
            throw startFailure("demo account", e);
        }
    }

    @Override
    public LocalAccount startOrganizationDemo(int port) {
        try {
            return wrap(OrganizationSimulator.startDemo(SimulatorOptions.builder().port(port)
                    .shiftRecoveryPointsToNow(true).build()));
        } catch (Exception e) {
            throw startFailure("demo organisation", e);
        }
    }

    @Override
    public LocalAccount startOrganization(Path fixture, int port) {
        try {
            return wrap(OrganizationSimulator.start(fixture, SimulatorOptions.builder().port(port)
                    .allowInvalidNamesForTests(allowInvalidNames).build()));
        } catch (Exception e) {
            throw startFailure("organisation fixture " + fixture, e);
        }
    }

    /** True when {@code fixture} holds an organisation rather than one account (read leniently). */
    public static boolean isOrganizationFixture(Path fixture) {
        try {
            return OrganizationSimulator.looksLikeOrganization(java.nio.file.Files.readString(fixture));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static LocalAccount wrap(OrganizationSimulator simulator) {
        return new LocalAccount() {
            @Override
            public URI endpoint() {
                return simulator.endpoint();
            }

            @Override
            public String exampleRegion() {
                return simulator.homeRegion();
            }

            @Override
            public void close() {
                simulator.close();
            }
        };
    }

    /**
     * Checks that {@code fixtureJson} is a fixture the simulator can serve.
     *
     * @return null when it is, else the reason (names the JSON path)
     */
    static String invalidFixture(String fixtureJson) {
        try {
            AccountSimulator.validate(fixtureJson);
            return null;
        } catch (FixtureException e) {
            return e.getMessage();
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
    public static AppException startFailure(String what, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FixtureException) {
                return new AppException(FailureKind.OTHER, "invalid " + what + ": " + t.getMessage(), e);
            }
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new AppException(FailureKind.OTHER, "cannot start the simulator for " + what + ": " + reason, e);
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
