package io.tablewarden.cli;

/**
 * A command that cannot go on: the message becomes the single {@code tablewarden: <message>} line on
 * stderr and the exit code is returned to the shell.
 */
public final class CliException extends RuntimeException {

    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
