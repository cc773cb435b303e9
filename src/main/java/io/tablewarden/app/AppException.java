package io.tablewarden.app;

import io.tablewarden.engine.FailureKind;

/**
 * Something the application layer was asked to do could not be done: a local account that cannot be served, a
 * fixture that cannot be made. The message is one line for the user; the kind says what sort of problem it is.
 */
public class AppException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final FailureKind kind;

    public AppException(FailureKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind == null ? FailureKind.OTHER : kind;
    }

    /** What sort of problem it is. */
    public FailureKind kind() {
        return kind;
    }
}
