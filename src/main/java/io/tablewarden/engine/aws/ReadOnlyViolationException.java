package io.tablewarden.engine.aws;

/** Thrown by {@link ReadOnlyGuard} when code tries to call an operation that is not on the allowlist. */
public final class ReadOnlyViolationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReadOnlyViolationException(String service, String operation) {
        super("refused " + service + " " + operation + ": not on the read-only allowlist");
    }
}
