package io.tablewarden.cli;

import io.tablewarden.app.AccountScan;
import io.tablewarden.app.AppException;
import io.tablewarden.app.MemberRoleSettings;
import io.tablewarden.app.OrganizationListener;
import io.tablewarden.app.OrganizationReports;
import io.tablewarden.app.OrganizationScanResult;
import io.tablewarden.app.OrganizationScanService;
import io.tablewarden.app.OrganizationScope;
import io.tablewarden.app.ScanConnector;
import io.tablewarden.app.ScanService;
import io.tablewarden.app.ScanTarget;
import io.tablewarden.app.ScanVerdict;
import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.checks.Check;
import io.tablewarden.engine.org.OrganizationAccount;
import io.tablewarden.engine.org.OrganizationMap;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;
import io.tablewarden.report.OrganizationReport;
import io.tablewarden.report.OrganizationReportWriter;
import io.tablewarden.report.OutputFormat;
import io.tablewarden.report.SummaryTable;
import io.tablewarden.report.TerminalText;
import io.tablewarden.store.OrganizationScanAccount.Outcome;
import io.tablewarden.store.TablewardenStore;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code scan --accounts ...}: scans the accounts of an organisation through {@link OrganizationScanService} and
 * writes one report of them all. Progress is one line per account on stderr.
 */
final class OrganizationScanRun {

    private final CliContext ctx;
    private final OrganizationScanOptions options;

    OrganizationScanRun(CliContext ctx, OrganizationScanOptions options) {
        this.ctx = ctx;
        this.options = options;
    }

    /** The formats an organisation report is written in, for the usage error. */
    static String formats() {
        return OrganizationReportWriter.FORMATS.stream().map(OutputFormat::toString).sorted()
                .collect(Collectors.joining(", "));
    }

    int run(List<Check> checks, ScanTarget target, ScanRequest request, OrganizationScope scope,
            MemberRoleSettings role, String mfaCode, String profile, TablewardenStore store, OutputFormat format,
            Path output, boolean force, boolean noProgress, CancellationToken cancellation) {
        ScanService service = new ScanService(checks, ctx.scanRunner(), new ScanConnector(ctx.simulators()),
                ctx.clock()).withMfaCodes(profile == null ? null : TerminalMfaCodes.of(mfaCode));
        OrganizationScanResult result;
        try {
            result = new OrganizationScanService(service).run(target, scope, role, request,
                    options.overallConcurrency, store, noProgress ? OrganizationListener.NONE : new Progress(ctx.err()),
                    cancellation);
        } catch (OrganizationScanService.UnknownAccountsException e) {
            throw new CliException(ExitCodes.USAGE, "--accounts: " + e.getMessage(), e);
        } catch (AppException e) {
            throw new CliException(ExitCodes.NOT_RUN, "organisation scan failed: " + e.getMessage(), e);
        }
        if (result.storeProblem() != null) {
            ctx.err().println(Cli.PREFIX + result.storeProblem().reason());
        } else if (result.organizationScanId() != null) {
            ctx.err().println("Organisation scan " + result.organizationScanId() + " stored in " + store.file()
                    + " (account scans " + result.accounts(Outcome.SCANNED).stream()
                    .map(a -> a.result().scanId() == null ? "not stored" : String.valueOf(a.result().scanId()))
                    .collect(Collectors.joining(", ")) + ")");
        }
        if (result.cancelled() || cancellation.isCancelled()) {
            throw new CliException(ExitCodes.INTERRUPTED, "scan cancelled");
        }
        OrganizationReport report = new OrganizationReports(checks).live(result, request, store);
        OutputFiles.write(output, null, (ignored, out) -> OrganizationReportWriter.write(report, format, out),
                ctx.out(), force);
        if (output != null || format.isMachineReadable()) {
            List<CheckResult> all = new ArrayList<>();
            report.reports().forEach(r -> all.addAll(r.results()));
            (format.isMachineReadable() && output == null ? ctx.err() : ctx.out()).print("Summary of "
                    + result.accounts(Outcome.SCANNED).size() + " accounts:" + System.lineSeparator()
                    + SummaryTable.render(all));
        }
        if (output != null) {
            ctx.err().println("Report (" + format + ") written to " + output);
        }
        ScanVerdict verdict = result.verdict();
        if (verdict == ScanVerdict.INCOMPLETE) {
            ctx.err().println(Cli.PREFIX + incompleteMessage(result));
        }
        ctx.out().flush();
        ctx.err().flush();
        return ExitCodes.of(verdict);
    }

    private static String incompleteMessage(OrganizationScanResult result) {
        List<String> parts = new ArrayList<>();
        List<AccountScan> refused = result.accounts(Outcome.ERROR);
        if (!refused.isEmpty()) {
            parts.add(refused.size() + (refused.size() == 1 ? " account" : " accounts") + " could not be scanned ("
                    + refused.stream().map(a -> a.account().id()).collect(Collectors.joining(", "))
                    + ": the report says which role and trust policy to fix)");
        }
        long incomplete = result.accounts(Outcome.SCANNED).stream()
                .filter(a -> a.verdict() == ScanVerdict.INCOMPLETE).count();
        if (incomplete > 0) {
            parts.add(incomplete + (incomplete == 1 ? " account was" : " accounts were") + " not scanned whole");
        }
        return "incomplete organisation scan: " + String.join("; ", parts);
    }

    /** One line per account on stderr, from the worker threads. */
    private static final class Progress implements OrganizationListener {
        private final PrintStream err;

        Progress(PrintStream err) {
            this.err = err;
        }

        @Override
        public void organizationRead(OrganizationMap organization, List<OrganizationAccount> toScan,
                                     List<AccountScan> notScanned) {
            StringBuilder line = new StringBuilder("Organisation " + TerminalText.clean(organization.id()) + ": "
                    + organization.accounts().size() + " accounts, " + toScan.size() + " to scan");
            for (AccountScan a : notScanned) {
                if (a.outcome() == Outcome.SUSPENDED) {
                    line.append("; skipped ").append(label(a.account())).append(" (")
                            .append(a.account().status().toLowerCase(Locale.ROOT)).append(')');
                }
            }
            print(line.toString());
        }

        @Override
        public io.tablewarden.engine.ScanListener accountStarted(OrganizationAccount account) {
            print("Scanning " + label(account));
            return io.tablewarden.engine.ScanListener.NONE;
        }

        @Override
        public void accountFinished(AccountScan a) {
            if (a.outcome() == Outcome.ERROR) {
                print("ERROR " + label(a.account()) + ": " + TerminalText.clean(a.message()));
                return;
            }
            List<CheckResult> results = a.result().outcome().results() == null ? List.of()
                    : a.result().outcome().results();
            long fail = results.stream().filter(r -> r.status() == Status.FAIL).count();
            long error = results.stream().filter(r -> r.status() == Status.ERROR).count();
            print("Scanned " + label(a.account()) + ": " + results.size() + " results, " + fail + " FAIL"
                    + (error > 0 ? ", " + error + " ERROR" : "")
                    + (a.result().failure() != null ? " (failed: " + TerminalText.clean(a.result().failure().reason())
                    + ")" : ""));
        }

        private synchronized void print(String line) {
            err.println(line);
            err.flush();
        }

        private static String label(OrganizationAccount account) {
            return TerminalText.clean(account.id() + " (" + account.name()
                    + (account.unitPath().isEmpty() ? "" : ", " + account.unitPath()) + ")");
        }
    }
}
