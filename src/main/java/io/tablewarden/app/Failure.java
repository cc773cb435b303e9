package io.tablewarden.app;

import io.tablewarden.engine.FailureKind;
import io.tablewarden.engine.ScanOutcome;

import java.util.Objects;

/**
 * Why something could not be done: the kind, which a front end acts on, and one line for the user, which it
 * shows.
 *
 * @param kind   what sort of failure
 * @param reason one line, starting in lower case so it can follow a prefix
 */
public record Failure(FailureKind kind, String reason) {

    public Failure {
        Objects.requireNonNull(kind, "kind");
        reason = reason == null || reason.isBlank() ? "no reason given" : reason;
    }

    /** The failure of a scan that ended FAILED, or null for any other outcome. */
    public static Failure of(ScanOutcome outcome) {
        if (outcome == null) {
            return new Failure(FailureKind.OTHER, "the scan stopped with an unexpected error");
        }
        if (outcome.state() != ScanOutcome.ScanState.FAILED) {
            return null;
        }
        return new Failure(outcome.failureKind(), outcome.failureReason());
    }

    /** A problem with the scan database. */
    public static Failure store(String reason) {
        return new Failure(FailureKind.STORE, reason);
    }
}
