package io.tablewarden.cli;

import io.tablewarden.report.OutputFormat;
import io.tablewarden.report.ScanReport;
import io.tablewarden.store.StoreException;
import io.tablewarden.store.TablewardenStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code tablewarden report}: writes the report of a stored scan again, offline. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = TablewardenCommand.Version.class,
        sortOptions = false, description = "Writes the report of a stored scan, without calling AWS.",
        footer = {"", "Exit codes: 0 written, 1 the database or the output cannot be used, 2 bad usage."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCAN", description = "Id of the stored scan (see 'tablewarden history').")
    long scanId;

    @Option(names = "--output-format", paramLabel = "FORMAT", defaultValue = "text",
            converter = LowerCaseEnumConverter.OutputFormats.class,
            description = "text, ocsf, csv or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path output;

    @Option(names = "--force", description = "Replace an --output file that is read-only or a symbolic link (the"
            + " link itself is replaced, never followed).")
    boolean force;

    @Mixin
    StoreOptions storeOptions;

    private final CliContext ctx;

    ReportCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        OutputFiles.requireWritable(output, force);
        ScanReport report = storeOptions.read(ctx, store -> StoredScanReport.build(store, scanId, ctx.checks().get()));
        OutputFiles.write(output, report, format.writer(), ctx.out(), force);
        if (output != null) {
            ctx.err().println("Report (" + format + ") of scan " + scanId + " written to " + output);
        }
        ctx.out().flush();
        return ExitCodes.OK;
    }
}
