package io.tablewarden.cli;

import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.checks.Check;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.RegionInventory;
import io.tablewarden.report.OutputFormat;
import io.tablewarden.report.ProductInfo;
import io.tablewarden.report.ScanReport;
import io.tablewarden.report.StatsJsonWriter;
import io.tablewarden.report.SummaryTable;
import io.tablewarden.store.NewScan;
import io.tablewarden.store.ScanRecorder;
import io.tablewarden.store.StoreException;
import io.tablewarden.store.TablewardenStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code tablewarden scan}: runs the checks against an account, a fixture or the demo account. */
@Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = TablewardenCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Scans DynamoDB tables and DAX clusters and reports the findings.",
        footer = {"", "Exit codes: 0 nothing failed, 3 at least one FAIL, 1 the scan could not run, 2 bad usage."})
final class ScanCommand implements Callable<Integer> {

    /** How long Ctrl-C waits for the scan to wind down before the JVM exits anyway. */
    private static final long INTERRUPT_GRACE_SECONDS = 5;

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "Named profile from the AWS config files.")
    String profile;

    @Option(names = "--mfa-code", paramLabel = "CODE",
            description = "Current MFA code when the profile's role has mfa_serial; asked on the terminal when omitted.")
    String mfaCode;

    @Option(names = "--region", split = ",", paramLabel = "REGION",
            description = "Region to scan (repeatable); default: every enabled region.")
    List<String> regions = new ArrayList<>();

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "Send every AWS call to this endpoint.")
    URI endpointUrl;

    @Option(names = "--fixture", paramLabel = "FILE",
            description = "Scan an account fixture served by the built-in simulator.")
    Path fixture;

    @Option(names = "--demo", description = "Scan the built-in demo account.")
    boolean demo;

    @Option(names = "--checks", split = ",", paramLabel = "ID", description = "Checks to run; default: all.")
    List<String> checkIds = new ArrayList<>();

    @Option(names = "--output-format", paramLabel = "FORMAT", defaultValue = "text",
            converter = LowerCaseEnumConverter.OutputFormats.class,
            description = "text, ocsf, csv or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path output;

    @Option(names = "--stats", paramLabel = "FILE", description = "Write API call and timing figures as JSON.")
    Path statsFile;

    @Option(names = "--force", description = "Replace an --output or --stats file that is read-only or a symbolic"
            + " link (the link itself is replaced, never followed).")
    boolean force;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Maximum AWS calls in flight, 1 to 128 (default: ${DEFAULT-VALUE}).")
    int concurrency = ScanRequest.DEFAULT_CONCURRENCY;

    @Option(names = "--no-progress", description = "Do not show progress on stderr.")
    boolean noProgress;

    @Mixin
    CheckParameterOptions parameterOptions;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--no-store", description = "Do not keep this scan in the scan database.")
    boolean noStore;

    private final CliContext ctx;

    ScanCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        List<Check> checks = ctx.checks().get();
        ScanRequest request = validatedRequest(checks);
        OutputFiles.requireWritable(output, force);
        OutputFiles.requireWritable(statsFile, force);

        CancellationToken cancellation = new CancellationToken();
        CountDownLatch finished = new CountDownLatch(1);
        Interrupts.Registration hook = ctx.interrupts().onInterrupt(() -> {
            cancellation.cancel();
            awaitQuietly(finished);
        });
        try {
            return scan(checks, request, cancellation);
        } finally {
            hook.close();
            finished.countDown();
        }
    }

    private int scan(List<Check> checks, ScanRequest request, CancellationToken cancellation) {
        ProgressReporter progress = new ProgressReporter(ctx.err(), ctx.terminal(), ctx.nanoTime());
        Instant started = ctx.clock().instant();
        TablewardenStore store = noStore ? null : openStoreIfAny();
        try {
            ScanRecorder recorder = store == null ? null : ScanRecorder.start(store, newScan(request, started));
            ScanListener listener = ScanListener.both(noProgress ? ScanListener.NONE : progress, recorder);
            ScanOutcome outcome = null;
            Instant finishedAt;
            try {
                outcome = runScan(checks, request, listener, cancellation);
            } finally {
                progress.finish();
                finishedAt = ctx.clock().instant();
                if (recorder != null) {
                    record(recorder, outcome, finishedAt, store);
                }
            }
            return conclude(checks, request, outcome, started, finishedAt, cancellation);
        } finally {
            if (store != null) {
                store.close();
            }
        }
    }

    private ScanOutcome runScan(List<Check> checks, ScanRequest request, ScanListener listener,
                                CancellationToken cancellation) {
        if (fixture != null || demo) {
            try (LocalAccount account = demo ? ctx.simulators().startDemo(0) : ctx.simulators().start(fixture, 0)) {
                ScanRequest local = withConnection(request,
                        ConnectionSettings.forSimulator(account.endpoint(), account.exampleRegion()));
                return ctx.scanRunner().run(checks, local, listener, cancellation);
            }
        }
        return ctx.scanRunner().run(checks, request, listener, cancellation);
    }

    private TablewardenStore openStoreIfAny() {
        return storeOptions.file(ctx) == null ? null : storeOptions.open(ctx);
    }

    private NewScan newScan(ScanRequest request, Instant started) {
        return new NewScan(profile, null, request.regions(), new ArrayList<>(request.checkIds()),
                request.parameters(), ProductInfo.version(), started, null);
    }

    /** Ends the stored scan; its finish time is the one the report shows. */
    private void record(ScanRecorder recorder, ScanOutcome outcome, Instant finishedAt, TablewardenStore store) {
        try {
            recorder.finish(outcome, finishedAt);
            ctx.err().println("Scan " + recorder.scanId() + " stored in " + store.file());
        } catch (StoreException e) {
            ctx.err().println(Cli.PREFIX + "the scan could not be stored: " + e.getMessage());
        }
    }

    private int conclude(List<Check> checks, ScanRequest request, ScanOutcome outcome, Instant started,
                         Instant finishedAt, CancellationToken cancellation) {
        if (outcome == null || outcome.state() == ScanOutcome.ScanState.FAILED) {
            String reason = outcome == null || outcome.failureReason() == null ? "no reason given"
                    : outcome.failureReason();
            throw new CliException(ExitCodes.NOT_RUN, "scan failed: " + reason);
        }
        if (outcome.state() == ScanOutcome.ScanState.CANCELLED || cancellation.isCancelled()) {
            throw new CliException(ExitCodes.INTERRUPTED, "scan cancelled");
        }
        ScanReport report = report(checks, request, outcome, started, finishedAt);
        writeOutputs(report);
        boolean anyFail = report.results().stream().anyMatch(r -> r.status() == Status.FAIL);
        return anyFail ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private void writeOutputs(ScanReport report) {
        OutputFiles.write(output, report, format.writer(), ctx.out(), force);
        if (statsFile != null) {
            OutputFiles.write(statsFile, report, new StatsJsonWriter(), ctx.out(), force);
        }
        boolean machineOnStdout = format.isMachineReadable() && output == null;
        if (output != null || machineOnStdout) {
            // A text report on stdout already ends with the summary table.
            (machineOnStdout ? ctx.err() : ctx.out()).print("Summary:" + System.lineSeparator()
                    + SummaryTable.render(report.results()));
        }
        if (output != null) {
            ctx.err().println("Report (" + format + ") written to " + output);
        }
        ctx.out().flush();
        ctx.err().flush();
    }

    private ScanRequest validatedRequest(List<Check> checks) {
        if ((fixture != null || demo) && (profile != null || endpointUrl != null)) {
            throw usage((fixture != null ? "--fixture" : "--demo") + " cannot be combined with "
                    + (profile != null ? "--profile" : "--endpoint-url"));
        }
        if (fixture != null && demo) {
            throw usage("--fixture and --demo cannot be combined");
        }
        if (fixture != null && !fixture.toFile().isFile()) {
            throw usage(LocalAccount.notAFixtureFile(fixture));
        }
        if (endpointUrl != null && (endpointUrl.getHost() == null
                || !("http".equals(endpointUrl.getScheme()) || "https".equals(endpointUrl.getScheme())))) {
            throw usage("--endpoint-url must be an http:// or https:// URL, got '" + endpointUrl + "'");
        }
        if (noStore && storeOptions.database != null) {
            throw usage("--no-store and --db cannot be combined");
        }
        if (concurrency < 1 || concurrency > ScanRequest.MAX_CONCURRENCY) {
            throw usage("--concurrency must be between 1 and " + ScanRequest.MAX_CONCURRENCY + ", got "
                    + concurrency);
        }
        if (output != null && statsFile != null && sameFile(output, statsFile)) {
            throw usage("--output and --stats must name different files");
        }
        if (fixture != null && (sameFile(fixture, output) || sameFile(fixture, statsFile))) {
            // Writing the report would replace the account fixture the user scanned.
            throw usage((sameFile(fixture, output) ? "--output" : "--stats") + " must not overwrite the fixture "
                    + fixture);
        }
        for (String region : regions) {
            if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
                throw usage("not a region name: '" + region + "'");
            }
        }
        if (mfaCode != null && profile == null) {
            throw usage("--mfa-code goes with --profile");
        }
        CheckParameters parameters;
        try {
            parameters = parameterOptions.toParameters();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        ConnectionSettings connection = new ConnectionSettings(profile, endpointUrl,
                regions.isEmpty() ? null : regions.get(0), null, profile == null ? null : MfaPrompt.of(mfaCode));
        return new ScanRequest(connection, new ArrayList<>(new LinkedHashSet<>(regions)), selectedChecks(checks),
                parameters, concurrency, ScanRequest.DEFAULT_CALL_TIMEOUT, ScanRequest.DEFAULT_MAX_ATTEMPTS);
    }

    private Set<String> selectedChecks(List<Check> checks) {
        Set<String> valid = new LinkedHashSet<>();
        checks.forEach(c -> valid.add(c.id()));
        List<String> unknown = new ArrayList<>();
        Set<String> selected = new LinkedHashSet<>();
        for (String id : checkIds) {
            String trimmed = id.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (valid.contains(trimmed)) {
                selected.add(trimmed);
            } else {
                unknown.add(trimmed);
            }
        }
        if (!unknown.isEmpty()) {
            throw usage("unknown check id " + String.join(", ", unknown) + "; valid ids: " + String.join(", ", valid));
        }
        return selected;
    }

    private ScanReport report(List<Check> checks, ScanRequest request, ScanOutcome outcome, Instant started,
                              Instant finishedAt) {
        Map<String, io.tablewarden.model.CheckMetadata> metadata = new LinkedHashMap<>();
        checks.forEach(c -> metadata.put(c.id(), c.metadata()));
        AccountInventory inventory = outcome.inventory();
        List<String> scannedRegions = new ArrayList<>(request.regions());
        if (inventory != null && !inventory.regions().isEmpty()) {
            scannedRegions.clear();
            inventory.regions().stream().map(RegionInventory::region).forEach(scannedRegions::add);
        }
        List<CheckResult> results = outcome.results() == null ? List.of() : outcome.results();
        String account = inventory != null ? inventory.accountId()
                : results.isEmpty() ? null : results.get(0).resource().accountId();
        ScanReport.ScanInfo info = new ScanReport.ScanInfo(account, inventory == null ? null : inventory.partition(),
                inventory == null ? null : inventory.callerArn(), scannedRegions, started, finishedAt,
                outcome.state().name(), ProductInfo.version(), request.parameters(),
                inventory == null ? null : inventory.accountAlias());
        return new ScanReport(info, results, outcome.stats(), metadata);
    }

    /** True when both name the same file, also through different spellings or links. */
    private static boolean sameFile(Path a, Path b) {
        if (a == null || b == null) {
            return false;
        }
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static ScanRequest withConnection(ScanRequest r, ConnectionSettings connection) {
        return new ScanRequest(connection, r.regions(), r.checkIds(), r.parameters(), r.concurrency(),
                r.callTimeout(), r.maxAttempts());
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(INTERRUPT_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
