package io.tablewarden.ui.scan;

import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.ScanEngine;
import io.tablewarden.engine.aws.credentials.CredentialsEnvironment;
import io.tablewarden.profiles.ProfileEnvironment;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.aws.credentials.MfaCodeSupplier;
import io.tablewarden.simulator.AccountSimulator;
import io.tablewarden.simulator.SimulatorOptions;

import java.util.List;

/**
 * Scans through the real engine. The demo account is served by a local simulator started for the duration
 * of each call, so nothing keeps running between scans.
 */
public final class EngineScanBackend implements ScanBackend {

    /** The demo account's home region, enabled in its fixture. */
    private static final String DEMO_HOME_REGION = "us-east-1";

    private final ScanEngine engine;
    private final SimulatorOptions demoOptions;
    private final MfaCodeSupplier mfaCodes;

    /**
     * @param engine      the engine with every available check
     * @param demoOptions how the demo account's simulator behaves (tests add latency)
     */
    public EngineScanBackend(ScanEngine engine, SimulatorOptions demoOptions) {
        this(engine, demoOptions, null);
    }

    private EngineScanBackend(ScanEngine engine, SimulatorOptions demoOptions, MfaCodeSupplier mfaCodes) {
        this.engine = engine;
        this.demoOptions = demoOptions;
        this.mfaCodes = mfaCodes;
    }

    /** The same backend asking {@code supplier} for a code when a profile's role needs MFA. */
    public EngineScanBackend withMfaCodes(MfaCodeSupplier supplier) {
        return new EngineScanBackend(engine, demoOptions, supplier);
    }

    @Override
    public EngineScanBackend forProfiles(ProfileEnvironment profiles) {
        return new EngineScanBackend(engine.withProfiles(CredentialsEnvironment.of(profiles)), demoOptions, mfaCodes);
    }

    /** The engine with the demo account as the command line serves it. */
    public static EngineScanBackend standard(ScanEngine engine) {
        return new EngineScanBackend(engine, SimulatorOptions.builder().shiftRecoveryPointsToNow(true).build());
    }

    @Override
    public ScanOutcome scan(ScanTarget target, ScanRequest request, ScanListener listener,
                            CancellationToken cancellation) throws Exception {
        if (target.isDemo()) {
            try (AccountSimulator demo = AccountSimulator.startDemo(demoOptions)) {
                return engine.run(withConnection(request, demoConnection(demo)), listener, cancellation);
            }
        }
        return engine.run(withConnection(request, profileConnection(target)), listener, cancellation);
    }

    @Override
    public List<String> enabledRegions(ScanTarget target) throws Exception {
        if (target.isDemo()) {
            try (AccountSimulator demo = AccountSimulator.startDemo(demoOptions)) {
                return engine.enabledRegions(demoConnection(demo));
            }
        }
        return engine.enabledRegions(profileConnection(target));
    }

    private static ConnectionSettings demoConnection(AccountSimulator demo) {
        return ConnectionSettings.forSimulator(demo.endpoint(), DEMO_HOME_REGION);
    }

    private ConnectionSettings profileConnection(ScanTarget target) {
        return new ConnectionSettings(target.profile(), null, null, null, mfaCodes);
    }

    private static ScanRequest withConnection(ScanRequest r, ConnectionSettings connection) {
        return new ScanRequest(connection, r.regions(), r.checkIds(), r.parameters(), r.concurrency(),
                r.callTimeout(), r.maxAttempts());
    }
}
