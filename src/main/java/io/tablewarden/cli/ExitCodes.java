package io.tablewarden.cli;

/** Process exit codes of the command line, documented in the usage help. */
public final class ExitCodes {

    /** The scan ran and found nothing failing. */
    public static final int OK = 0;
    /** The scan could not run or its output could not be written. */
    public static final int NOT_RUN = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** The scan ran and at least one result is FAIL. */
    public static final int FINDINGS = 3;
    /** The user interrupted the command (the shell convention for SIGINT). */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
