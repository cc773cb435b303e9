package io.tablewarden.cli;

import io.tablewarden.platform.AtomicFiles;
import io.tablewarden.report.ReportWriter;
import io.tablewarden.report.ScanReport;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writing reports to files or stdout, with failures turned into exit code 1. */
final class OutputFiles {

    private OutputFiles() {
    }

    /**
     * Fails before a long scan rather than after it when a report file clearly cannot be written.
     *
     * @param file target, or null for none
     */
    static void requireWritable(Path file) {
        if (file == null) {
            return;
        }
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new CliException(ExitCodes.NOT_RUN, "cannot write " + file + ": it is a folder");
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw new CliException(ExitCodes.NOT_RUN,
                    "cannot write " + file + ": folder " + folder + " does not exist");
        }
        if (!Files.isWritable(folder)) {
            throw new CliException(ExitCodes.NOT_RUN,
                    "cannot write " + file + ": folder " + folder + " is not writable");
        }
    }

    /** Writes {@code report} atomically to {@code file}, or to {@code stdout} when {@code file} is null. */
    static void write(Path file, ScanReport report, ReportWriter writer, PrintStream stdout) {
        try {
            if (file == null) {
                writer.write(report, stdout);
                stdout.flush();
            } else {
                AtomicFiles.write(file, out -> writer.write(report, out));
            }
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new CliException(ExitCodes.NOT_RUN, "cannot write " + (file == null ? "to stdout" : file.toString())
                    + ": " + reason, e);
        }
    }
}
