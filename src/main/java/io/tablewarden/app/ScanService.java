package io.tablewarden.app;

import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.aws.credentials.CredentialsEnvironment;
import io.tablewarden.engine.aws.credentials.MfaCodeSupplier;
import io.tablewarden.engine.checks.Check;
import io.tablewarden.profiles.ProfileEnvironment;
import io.tablewarden.report.ProductInfo;
import io.tablewarden.store.NewScan;
import io.tablewarden.store.ScanRecorder;
import io.tablewarden.store.StoreException;
import io.tablewarden.store.TablewardenStore;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a scan the way both front ends do: connect to the target (starting the local simulator when it is
 * local), run the engine with the caller's listener, record the scan in the store when one is given, and hand
 * back the outcome with the stored scan's id. Reading a scan back is {@link StoredScans}' job; turning either
 * into a report is {@link ReportBuilder}'s.
 */
public final class ScanService {

    /**
     * What a scan of a local account reads instead of the user's AWS files: nothing. The simulator's
     * credentials are fixed, so a broken {@code ~/.aws/config} must not stop a demo or fixture scan.
     */
    private static final CredentialsEnvironment NO_AWS_FILES = new CredentialsEnvironment(null, null,
            Path.of(".aws", "sso", "cache"), Map.of());

    private final List<Check> checks;
    private final ScanRunner runner;
    private final ScanConnector connector;
    private final MfaCodeSupplier mfaCodes;
    private final Clock clock;

    /**
     * @param checks    every available check; a request selects among them
     * @param runner    the engine
     * @param connector reaches the targets
     * @param clock     the scan's start and end times
     */
    public ScanService(List<Check> checks, ScanRunner runner, ScanConnector connector, Clock clock) {
        this(checks, runner, connector, null, clock);
    }

    private ScanService(List<Check> checks, ScanRunner runner, ScanConnector connector, MfaCodeSupplier mfaCodes,
                        Clock clock) {
        this.checks = List.copyOf(checks);
        this.runner = runner;
        this.connector = connector;
        this.mfaCodes = mfaCodes;
        this.clock = clock;
    }

    /** The real engine and simulator with the current time. */
    public static ScanService standard(List<Check> checks) {
        return new ScanService(checks, ScanRunner.engine(), new ScanConnector(new SimulatedAccounts()),
                Clock.systemUTC());
    }

    /** The same service asking {@code supplier} for a code when a profile's role needs MFA. */
    public ScanService withMfaCodes(MfaCodeSupplier supplier) {
        return new ScanService(checks, runner, connector, supplier, clock);
    }

    /**
     * The same service reading AWS profiles (credentials, region, endpoint_url, the IAM Identity Center token
     * cache) from {@code profiles}: the files the workbench shows are the files its scans use.
     */
    public ScanService withProfiles(ProfileEnvironment profiles) {
        return new ScanService(checks, runner.withProfiles(CredentialsEnvironment.of(profiles)), connector,
                mfaCodes, clock);
    }

    /** Reaches the targets (for the organisation flow, which opens the organisation once). */
    ScanConnector connector() {
        return connector;
    }

    /** Asked for an MFA code when a profile's role needs one, or null. */
    MfaCodeSupplier mfaCodes() {
        return mfaCodes;
    }

    /** The clock of the scans' start and end times. */
    Clock clock() {
        return clock;
    }

    /** Every available check. */
    public List<Check> checks() {
        return checks;
    }

    /**
     * Runs a scan of {@code target} and returns when it ends; blocks, so call it off the UI thread.
     *
     * @param request      what to scan; its connection is ignored (the target says where to connect)
     * @param store        where to record the scan, or null to keep no record
     * @param listener     the caller's view of the running scan; told after the store
     * @param cancellation cancels the scan; its partial results come back
     * @throws AppException when a local target cannot be served
     * @throws RuntimeException whatever the engine threw unexpectedly, after the stored scan was closed as failed
     */
    public ScanResult run(ScanTarget target, ScanRequest request, TablewardenStore store, ScanListener listener,
                          CancellationToken cancellation) {
        return record(target, () -> connector.open(target, mfaCodes), request, store, listener, cancellation);
    }

    /**
     * Runs a scan over a connection the caller opened (one account of an organisation scan, reached through its
     * member role); otherwise as {@link #run}. {@code target} says whose profile it is and whether it is local.
     */
    public ScanResult runConnected(ScanTarget target, ConnectionSettings connection, ScanRequest request,
                                   TablewardenStore store, ScanListener listener, CancellationToken cancellation) {
        ConnectionSettings settings = connection.mfaCodes() != null || target.isLocal() || target.profile() == null
                ? connection : connection.withMfaCodes(mfaCodes);
        return record(target, () -> new ScanConnector.Connection() {
            @Override
            public ConnectionSettings settings() {
                return settings;
            }

            @Override
            public void close() {
                // the caller opened it and closes it
            }
        }, request, store, listener, cancellation);
    }

    /** Opens the connection a scan runs over, after its stored scan has been started. */
    private interface Opener {
        ScanConnector.Connection open();
    }

    private ScanResult record(ScanTarget target, Opener opener, ScanRequest request,
                              TablewardenStore store, ScanListener listener, CancellationToken cancellation) {
        Instant started = clock.instant();
        ScanRecorder recorder = null;
        Failure storeProblem = null;
        if (store != null) {
            try {
                recorder = ScanRecorder.start(store, new NewScan(target.isLocal() ? null : target.profile(), null,
                        request.regions(), new ArrayList<>(request.checkIds()), request.parameters(),
                        ProductInfo.version(), started, null));
            } catch (StoreException e) {
                storeProblem = Failure.store("the scan is not being stored: " + e.getMessage());
            }
        }
        ScanOutcome outcome = null;
        List<String> enabledRegions = null;
        Instant finished;
        try (ScanConnector.Connection connection = opener.open()) {
            // The store first: a page that reads the database after seeing results finds them there.
            outcome = runnerFor(target).run(checks, withConnection(request, connection.settings()),
                    ScanListener.both(recorder, listener), cancellation);
            if (!request.regions().isEmpty() && !ScanResult.notEnabledRegions(outcome).isEmpty()) {
                enabledRegions = enabledRegions(target, connection.settings());
            }
        } finally {
            finished = clock.instant();
            if (recorder != null) {
                try {
                    recorder.finish(outcome, finished);
                } catch (StoreException e) {
                    storeProblem = Failure.store("the scan could not be stored: " + e.getMessage());
                }
            }
        }
        boolean recorded = recorder != null && storeProblem == null;
        return new ScanResult(outcome, started, finished, recorded ? recorder.scanId() : null,
                recorded ? store.file() : null, storeProblem, enabledRegions);
    }

    /**
     * The regions {@code target}'s account has enabled, sorted by name; blocks.
     *
     * @throws io.tablewarden.engine.ScanEngine.RegionDiscoveryException with a one-line reason
     */
    public List<String> enabledRegions(ScanTarget target) {
        try (ScanConnector.Connection connection = connector.open(target, mfaCodes)) {
            return runnerFor(target).enabledRegions(connection.settings());
        }
    }

    /** The engine as it should see {@code target}: a local account reads no AWS files. */
    ScanRunner runnerFor(ScanTarget target) {
        return target.isLocal() ? runner.withProfiles(NO_AWS_FILES) : runner;
    }

    /** The enabled regions, or null when they cannot be read: they only make a message more helpful. */
    private List<String> enabledRegions(ScanTarget target, ConnectionSettings connection) {
        try {
            return runnerFor(target).enabledRegions(connection);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static ScanRequest withConnection(ScanRequest r, ConnectionSettings connection) {
        return new ScanRequest(connection, r.regions(), r.checkIds(), r.parameters(), r.concurrency(),
                r.callTimeout(), r.maxAttempts());
    }
}
