package io.tablewarden.cli;

import io.tablewarden.app.ScanVerdict;

/**
 * Process exit codes of the command line, documented in the usage help and the README:
 *
 * <pre>
 *   0    the scan ran and nothing failed (report: written, and the stored scan is whole)
 *   1    the scan could not run, or a file or the database could not be used
 *   2    bad usage: a wrong option, an unknown scan id, a --region the account has not enabled
 *   3    the scan ran and at least one result is FAIL
 *   4    incomplete: some results are ERROR or a region could not be scanned whole (also when something
 *        FAILed); for report, a stored scan that did not complete or holds no result
 *   130  interrupted (Ctrl-C)
 * </pre>
 */
public final class ExitCodes {

    /** The scan ran and found nothing failing. */
    public static final int OK = 0;
    /** The scan could not run or its output could not be written. */
    public static final int NOT_RUN = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** The scan ran and at least one result is FAIL. */
    public static final int FINDINGS = 3;
    /**
     * The scan ran but could not decide everything: some results are ERROR or a region could not be scanned
     * whole. Wins over {@link #FINDINGS}: the FAILs are in the report, but the rest is not proof of anything.
     */
    public static final int INCOMPLETE = 4;
    /** The user interrupted the command (the shell convention for SIGINT). */
    public static final int INTERRUPTED = 130;

    /** The exit-code table in one line, for the usage help of the commands that scan. */
    static final String SCAN_FOOTER = "Exit codes: 0 nothing failed, 3 at least one FAIL, 4 incomplete (some"
            + " results are ERROR or a region could not be scanned whole), 1 the scan could not run, 2 bad usage"
            + " (also a --region the account has not enabled), 130 interrupted.";

    private ExitCodes() {
    }

    /** The exit code of a scan whose results say {@code verdict}. */
    public static int of(ScanVerdict verdict) {
        return switch (verdict) {
            case PASSED -> OK;
            case FINDINGS -> FINDINGS;
            case INCOMPLETE -> INCOMPLETE;
        };
    }
}
