package io.tablewarden.cli;

import io.tablewarden.platform.AtomicFiles;
import io.tablewarden.report.ReportWriter;
import io.tablewarden.report.ScanReport;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Writing reports to files or stdout, with failures turned into exit code 1. A report file is checked before the
 * scan (an unwritable path is said at once, not after a long scan) and again just before writing. A symbolic link
 * is never followed, and neither a link nor a read-only file is replaced unless {@code --force} says so; with it,
 * the link or the file itself is replaced by the new report, never what a link points to.
 */
final class OutputFiles {

    private OutputFiles() {
    }

    /** Same as {@link #requireWritable(Path, boolean)} without {@code --force}. */
    static void requireWritable(Path file) {
        requireWritable(file, false);
    }

    /**
     * Fails before a long scan rather than after it when a report file cannot or must not be written.
     *
     * @param file  target, or null for none
     * @param force whether {@code --force} allows replacing a symbolic link or a read-only file
     */
    static void requireWritable(Path file, boolean force) {
        if (file == null) {
            return;
        }
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        if (Files.isSymbolicLink(absolute)) {
            if (!force) {
                throw new CliException(ExitCodes.NOT_RUN, "cannot write " + file + ": it is a symbolic link (to "
                        + linkTarget(absolute) + "), which is neither followed nor replaced without --force");
            }
        } else if (Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new CliException(ExitCodes.NOT_RUN, "cannot write " + file + ": it is a folder");
        } else if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(absolute,
                LinkOption.NOFOLLOW_LINKS)) {
            throw new CliException(ExitCodes.NOT_RUN, "cannot write " + file + ": it is not a regular file");
        } else if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && readOnly(absolute) && !force) {
            throw new CliException(ExitCodes.NOT_RUN, "cannot write " + file + ": the file is read-only;"
                    + " --force replaces it");
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

    /** Same as {@link #write(Path, ScanReport, ReportWriter, PrintStream, boolean)} without {@code --force}. */
    static void write(Path file, ScanReport report, ReportWriter writer, PrintStream stdout) {
        write(file, report, writer, stdout, false);
    }

    /**
     * Writes {@code report} atomically to {@code file} (checked again first: the path may have changed during the
     * scan), or to {@code stdout} when {@code file} is null.
     */
    static void write(Path file, ScanReport report, ReportWriter writer, PrintStream stdout, boolean force) {
        try {
            if (file == null) {
                writer.write(report, stdout);
                stdout.flush();
            } else {
                requireWritable(file, force);
                AtomicFiles.write(file, out -> writer.write(report, out));
            }
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new CliException(ExitCodes.NOT_RUN, "cannot write " + (file == null ? "to stdout" : file.toString())
                    + ": " + reason, e);
        }
    }

    /**
     * Read-only for this user, or marked read-only by its mode even for one who could write anyway (root): the
     * owner took away the write permission on purpose.
     */
    private static boolean readOnly(Path file) {
        if (!Files.isWritable(file)) {
            return true;
        }
        try {
            return !Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)
                    .contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "somewhere else";
        }
    }
}
