package io.tablewarden.cli;

import io.tablewarden.app.ScanVerdict;
import io.tablewarden.report.OutputFormat;
import io.tablewarden.report.ReportWriter;
import io.tablewarden.report.ScanReport;
import io.tablewarden.report.TextReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code tablewarden report}: writes the report of a stored scan again, offline. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = TablewardenCommand.Version.class,
        sortOptions = false, description = "Writes the report of a stored scan, without calling AWS.",
        footer = {"", "Exit codes: 0 written, 4 written but the stored scan is incomplete (it did not complete,"
                + " holds no result, has ERROR results or a region not scanned whole), 1 the database or the output"
                + " cannot be used, 2 bad usage."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCAN", description = "Id of the stored scan (see 'tablewarden history').")
    long scanId;

    @Option(names = "--output-format", paramLabel = "FORMAT", defaultValue = "text",
            converter = LowerCaseEnumConverter.OutputFormats.class,
            description = "text, html, csv, json, ocsf, asff or script (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--with-remediation",
            description = "In the text report, follow each failing finding with its filled AWS CLI fix.")
    boolean withRemediation;

    @Option(names = "--baseline", paramLabel = "OLDER_SCAN",
            description = "Compare with this older stored scan of the same account (new, fixed, still failing).")
    Long baselineId;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path output;

    @Option(names = "--force", description = "Replace an --output file that is read-only or a symbolic link (the"
            + " link itself is replaced, never followed).")
    boolean force;

    @Option(names = "--organization", description = "SCAN is an organisation scan (see history --organizations):"
            + " one report of all its accounts, in text, html, csv, json, ocsf or asff.")
    boolean organization;

    @Mixin
    StoreOptions storeOptions;

    private final CliContext ctx;

    ReportCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (withRemediation && format != OutputFormat.TEXT) {
            throw new CliException(ExitCodes.USAGE, WITH_REMEDIATION_TEXT_ONLY);
        }
        OutputFiles.requireWritable(output, force);
        if (organization) {
            return organizationReport();
        }
        Stored stored = storeOptions.read(ctx, scans -> {
            try {
                return new Stored(scans.report(scanId, baselineId), scans.verdict(scanId));
            } catch (IllegalArgumentException e) {
                // The baseline scan audited another account: its findings cannot be compared.
                throw new CliException(ExitCodes.USAGE, "--baseline: " + e.getMessage(), e);
            }
        });
        OutputFiles.write(output, stored.report(), writer(format, withRemediation), ctx.out(), force);
        if (output != null) {
            ctx.err().println("Report (" + format + ") of scan " + scanId + " written to " + output);
        }
        ctx.out().flush();
        if (stored.verdict() == ScanVerdict.INCOMPLETE) {
            ctx.err().println(Cli.PREFIX + incompleteMessage(stored.report()));
            ctx.err().flush();
            return ExitCodes.INCOMPLETE;
        }
        return ExitCodes.OK;
    }

    private int organizationReport() {
        if (baselineId != null) {
            throw new CliException(ExitCodes.USAGE, "--baseline is for one account's scan; compare organisation"
                    + " scans with diff --organization");
        }
        if (withRemediation) {
            throw new CliException(ExitCodes.USAGE, "--with-remediation is for one account's report; write it with"
                    + " report on each account's scan");
        }
        if (!io.tablewarden.report.OrganizationReportWriter.FORMATS.contains(format)) {
            throw new CliException(ExitCodes.USAGE, "an organisation report is written as "
                    + OrganizationScanRun.formats() + "; for " + format + ", use report on each account's scan");
        }
        OrganizationStored stored = storeOptions.read(ctx, scans -> new OrganizationStored(
                scans.organizations().report(scanId), scans.organizations().verdict(scanId)));
        OutputFiles.write(output, null, (ignored, out) -> io.tablewarden.report.OrganizationReportWriter.write(
                stored.report(), format, out), ctx.out(), force);
        if (output != null) {
            ctx.err().println("Report (" + format + ") of organisation scan " + scanId + " written to " + output);
        }
        ctx.out().flush();
        if (stored.verdict() == ScanVerdict.INCOMPLETE) {
            ctx.err().println(Cli.PREFIX + "organisation scan " + scanId + " is incomplete: an account could not be"
                    + " scanned, or not whole");
            ctx.err().flush();
            return ExitCodes.INCOMPLETE;
        }
        return ExitCodes.OK;
    }

    /** A stored organisation scan's report and what it says as a whole. */
    private record OrganizationStored(io.tablewarden.report.OrganizationReport report, ScanVerdict verdict) {
    }

    /** Why {@code --with-remediation} is refused with another format: the others carry the fixes their own way. */
    static final String WITH_REMEDIATION_TEXT_ONLY = "--with-remediation applies to the text report only (the html"
            + " report holds every fix, --output-format script writes them as one script)";

    /** The writer of {@code format}; the text report with the filled CLI fixes when asked. */
    static ReportWriter writer(OutputFormat format, boolean withRemediation) {
        return format == OutputFormat.TEXT ? new TextReportWriter(withRemediation) : format.writer();
    }

    /** The report of a stored scan and what it says as a whole. */
    private record Stored(ScanReport report, ScanVerdict verdict) {
    }

    /** Why the stored scan is not the whole picture. */
    private String incompleteMessage(ScanReport report) {
        String state = report.scan().state();
        if (!"COMPLETED".equals(state)) {
            return "scan " + scanId + " is incomplete: it ended " + state.toLowerCase(java.util.Locale.ROOT);
        }
        if (report.results().isEmpty()) {
            return "scan " + scanId + " is incomplete: it holds no result";
        }
        return "scan " + scanId + " is incomplete: some results are ERROR or a region was not scanned whole";
    }
}
