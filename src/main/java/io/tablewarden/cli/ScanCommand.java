package io.tablewarden.cli;

import io.tablewarden.app.Failure;
import io.tablewarden.app.LocalAccount;
import io.tablewarden.app.MemberRoleSettings;
import io.tablewarden.app.OrganizationScope;
import io.tablewarden.app.SimulatedAccounts;
import io.tablewarden.app.ReportBuilder;
import io.tablewarden.app.ScanConnector;
import io.tablewarden.app.ScanResult;
import io.tablewarden.app.ScanService;
import io.tablewarden.app.ScanTarget;
import io.tablewarden.app.ScanVerdict;
import io.tablewarden.app.StoredScans;
import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.checks.Check;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.Status;
import io.tablewarden.report.OrganizationReportWriter;
import io.tablewarden.report.OutputFormat;
import io.tablewarden.report.ScanReport;
import io.tablewarden.report.StatsJsonWriter;
import io.tablewarden.report.SummaryTable;
import io.tablewarden.store.StoreException;
import io.tablewarden.store.TablewardenStore;
import io.tablewarden.store.UnknownScanException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code tablewarden scan}: runs the checks against an account, a fixture or the demo account. */
@Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = TablewardenCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Scans DynamoDB tables and DAX clusters and reports the findings.",
        footer = {"", ExitCodes.SCAN_FOOTER})
final class ScanCommand implements Callable<Integer> {

    /** How long Ctrl-C waits for the scan to wind down before the JVM exits anyway. */
    private static final long INTERRUPT_GRACE_SECONDS = 5;

    @Spec
    CommandSpec spec;

    @Mixin
    ProfileOptions access = new ProfileOptions();

    @Option(names = "--region", split = ",", paramLabel = "REGION",
            description = "Region to scan (repeatable); default: every enabled region.")
    List<String> regions = new ArrayList<>();

    @Option(names = "--fixture", paramLabel = "FILE",
            description = "Scan an account fixture served by the built-in simulator.")
    Path fixture;

    @Option(names = "--demo", description = "Scan the built-in demo account.")
    boolean demo;

    @Option(names = "--checks", split = ",", paramLabel = "ID", description = "Checks to run; default: all.")
    List<String> checkIds = new ArrayList<>();

    @Option(names = "--output-format", paramLabel = "FORMAT", defaultValue = "text",
            converter = LowerCaseEnumConverter.OutputFormats.class,
            description = "text, html, csv, json, ocsf, asff or script (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--with-remediation",
            description = "In the text report, follow each failing finding with its filled AWS CLI fix.")
    boolean withRemediation;

    @Option(names = "--baseline", paramLabel = "SCAN",
            description = "Compare with this older stored scan of the same account (new, fixed, still failing).")
    Long baselineId;

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

    @Mixin
    OrganizationScanOptions organization = new OrganizationScanOptions();

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
            return organization.requested() ? scanOrganization(checks, request, cancellation)
                    : scan(checks, request, cancellation);
        } finally {
            hook.close();
            finished.countDown();
        }
    }

    private int scan(List<Check> checks, ScanRequest request, CancellationToken cancellation) {
        ScanService service = new ScanService(checks, ctx.scanRunner(), new ScanConnector(ctx.simulators()),
                ctx.clock()).withMfaCodes(access.mfaCodes());
        ProgressReporter progress = new ProgressReporter(ctx.err(), ctx.terminal(), ctx.nanoTime());
        ScanResult result;
        try (TablewardenStore store = noStore ? null : openStoreIfAny()) {
            requireBaseline(store);
            try {
                result = service.run(target(), request, store, noProgress ? ScanListener.NONE : progress,
                        cancellation);
            } finally {
                progress.finish();
            }
            if (result.storeProblem() != null) {
                ctx.err().println(Cli.PREFIX + result.storeProblem().reason());
            } else if (result.scanId() != null) {
                ctx.err().println("Scan " + result.scanId() + " stored in " + result.database());
            }
            // The store stays open for the report: its mutes, first sightings and baseline go into it.
            return conclude(checks, request, result, cancellation, store);
        }
    }

    /** {@code --accounts}: the organisation's accounts, each with its own scan, in one report. */
    private int scanOrganization(List<Check> checks, ScanRequest request, CancellationToken cancellation) {
        OrganizationScope scope;
        MemberRoleSettings role;
        try {
            scope = OrganizationScope.parse(organization.accounts, organization.excluded, organization.ownAccount);
            role = new MemberRoleSettings(organization.roleName, organization.externalId,
                    organization.roleSessionName);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (baselineId != null || statsFile != null) {
            throw usage((baselineId != null ? "--baseline" : "--stats") + " is for one account; an organisation"
                    + " scan keeps each account's scan, so use it with report or diff on those");
        }
        if (!OrganizationReportWriter.FORMATS.contains(format)) {
            throw usage("an organisation scan is written as " + OrganizationScanRun.formats() + "; for " + format
                    + ", use report on each account's stored scan");
        }
        if (organization.overallConcurrency < concurrency || organization.overallConcurrency > 1024) {
            throw usage("--org-concurrency must be between --concurrency (" + concurrency + ") and 1024, got "
                    + organization.overallConcurrency);
        }
        if (fixture != null && !SimulatedAccounts.isOrganizationFixture(fixture)) {
            throw usage("--accounts needs an organisation fixture (docs/organization-fixture.md); " + fixture
                    + " is an account fixture");
        }
        try (TablewardenStore store = noStore ? null : openStoreIfAny()) {
            return new OrganizationScanRun(ctx, organization).run(checks, target(), request, scope, role, access.mfaCode(),
                    access.profile, store, format, output, force, noProgress, cancellation);
        }
    }

    /** A --baseline scan must be in the database before anything is scanned. */
    private void requireBaseline(TablewardenStore store) {
        if (baselineId == null) {
            return;
        }
        if (store == null) {
            throw usage("--baseline needs the scan database; it cannot be combined with --no-store");
        }
        try {
            store.scans().require(baselineId);
        } catch (UnknownScanException e) {
            throw new CliException(ExitCodes.USAGE, "--baseline: " + e.getMessage(), e);
        }
    }

    /** The live report with what the store knows of the recorded scan, as {@code report SCAN} writes it. */
    private ScanReport withStoreFacts(ScanReport live, List<Check> checks, ScanResult result,
                                      TablewardenStore store) {
        if (store == null || result.scanId() == null) {
            if (baselineId != null) {
                ctx.err().println(Cli.PREFIX + "the scan was not stored, so it is not compared with scan "
                        + baselineId);
            }
            return live;
        }
        try {
            return new StoredScans(store, checks).withStoreFacts(live, result.scanId(), baselineId);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "--baseline: " + e.getMessage(), e);
        } catch (StoreException e) {
            throw new CliException(ExitCodes.NOT_RUN, "the report cannot be written: " + e.getMessage(), e);
        }
    }

    /** The target the options name; {@link #validatedRequest} has ruled out the contradictions. */
    private ScanTarget target() {
        if (demo) {
            return ScanTarget.DEMO;
        }
        if (fixture != null) {
            return ScanTarget.fixture(fixture);
        }
        return ScanTarget.account(access.profile, access.endpointUrl(), regions.isEmpty() ? null : regions.get(0));
    }

    private TablewardenStore openStoreIfAny() {
        return storeOptions.file(ctx) == null ? null : storeOptions.open(ctx);
    }

    private int conclude(List<Check> checks, ScanRequest request, ScanResult result,
                         CancellationToken cancellation, TablewardenStore store) {
        Failure failure = result.failure();
        if (failure != null) {
            throw new CliException(ExitCodes.NOT_RUN, "scan failed: " + failure.reason());
        }
        if (result.outcome().state() == ScanOutcome.ScanState.CANCELLED || cancellation.isCancelled()) {
            throw new CliException(ExitCodes.INTERRUPTED, "scan cancelled");
        }
        List<String> notEnabled = result.notEnabledRegions();
        if (!notEnabled.isEmpty()) {
            throw new CliException(ExitCodes.USAGE, notEnabledMessage(notEnabled, result));
        }
        ScanReport report = withStoreFacts(new ReportBuilder(checks).live(result, request.regions(),
                request.parameters()), checks, result, store);
        writeOutputs(report);
        ScanVerdict verdict = result.verdict();
        if (verdict == ScanVerdict.INCOMPLETE) {
            ctx.err().println(Cli.PREFIX + incompleteMessage(report, result));
            ctx.err().flush();
        }
        return ExitCodes.of(verdict);
    }

    /** One line naming the regions that are not enabled and, when they could be read, the enabled ones. */
    private static String notEnabledMessage(List<String> notEnabled, ScanResult result) {
        String account = result.outcome().inventory() == null ? "the account"
                : "account " + result.outcome().inventory().accountId();
        String text = "--region " + String.join(", ", notEnabled) + (notEnabled.size() == 1 ? " is" : " are")
                + " not enabled in " + account;
        return result.enabledRegions() == null ? text
                : text + "; enabled regions: " + String.join(", ", result.enabledRegions());
    }

    /** Why the results are not the whole picture: ERROR results and regions with gaps. */
    private static String incompleteMessage(ScanReport report, ScanResult result) {
        long errors = report.results().stream().filter(r -> r.status() == Status.ERROR).count();
        long regionsWithGaps = result.outcome().inventory() == null ? 0 : result.outcome().inventory().regions()
                .stream().filter(ScanVerdict::hasGap).count();
        List<String> parts = new ArrayList<>();
        if (errors > 0) {
            parts.add(errors + (errors == 1 ? " result is ERROR" : " results are ERROR"));
        }
        if (regionsWithGaps > 0) {
            parts.add(regionsWithGaps + (regionsWithGaps == 1 ? " region was" : " regions were")
                    + " not scanned whole");
        }
        return "incomplete scan: " + String.join("; ", parts) + " (the report says which calls failed)";
    }

    private void writeOutputs(ScanReport report) {
        OutputFiles.write(output, report, ReportCommand.writer(format, withRemediation), ctx.out(), force);
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
        if ((fixture != null || demo) && (access.profile != null || access.endpointUrl() != null)) {
            throw usage((fixture != null ? "--fixture" : "--demo") + " cannot be combined with "
                    + (access.profile != null ? "--profile" : "--endpoint-url"));
        }
        if (fixture != null && demo) {
            throw usage("--fixture and --demo cannot be combined");
        }
        if (fixture != null && !fixture.toFile().isFile()) {
            throw usage(LocalAccount.notAFixtureFile(fixture));
        }
        access.validate();
        if (withRemediation && format != OutputFormat.TEXT) {
            throw usage(ReportCommand.WITH_REMEDIATION_TEXT_ONLY);
        }
        if (withRemediation && organization.requested()) {
            throw usage("--with-remediation is for one account's report; write it with report on each account's"
                    + " scan");
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
        if (!organization.requested() && organization.strayOption() != null) {
            throw usage(organization.strayOption() + " goes with --accounts");
        }
        if (!organization.requested() && fixture != null && SimulatedAccounts.isOrganizationFixture(fixture)) {
            throw usage(fixture + " is an organisation fixture: scan it with --accounts all (or account or OU ids)");
        }
        CheckParameters parameters;
        try {
            parameters = parameterOptions.toParameters();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        // The connection is the target's business: the scan service fills it in.
        return new ScanRequest(null, new ArrayList<>(new LinkedHashSet<>(regions)), selectedChecks(checks),
                parameters, concurrency, ScanRequest.DEFAULT_CALL_TIMEOUT, ScanRequest.DEFAULT_MAX_ATTEMPTS);
    }

    /** The ids {@code --checks} names, checked against the catalogue; empty means all. */
    private Set<String> selectedChecks(List<Check> checks) {
        List<String> named = new ArrayList<>();
        checkIds.stream().map(String::trim).filter(id -> !id.isEmpty()).forEach(named::add);
        if (named.isEmpty()) {
            return Set.of();
        }
        Set<String> selected = new LinkedHashSet<>();
        try {
            new CheckRegistry(checks).select(named).forEach(c -> selected.add(c.id()));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        return selected;
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
