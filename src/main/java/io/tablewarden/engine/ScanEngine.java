package io.tablewarden.engine;

import io.tablewarden.engine.checks.Check;

import java.util.List;

/**
 * Runs a scan: discovers regions, collects inventory per region with bounded concurrency, evaluates the
 * selected checks on each region as soon as it is collected, and reports progress.
 */
public final class ScanEngine {

    private final List<Check> checks;

    /** @param checks every available check; the request selects among them */
    public ScanEngine(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /**
     * Runs the scan on the calling thread (work fans out to an internal pool) and returns when it ends.
     * Never throws for AWS errors: they become ERROR results or a FAILED outcome with a one-line reason.
     */
    public ScanOutcome run(ScanRequest request, ScanListener listener, CancellationToken cancellation) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public List<Check> checks() {
        return checks;
    }
}
