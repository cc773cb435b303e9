package io.tablewarden.cli;

import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.ScanEngine;
import io.tablewarden.engine.checks.Check;

import java.util.List;

/** Runs a scan; production uses {@link ScanEngine}, command tests substitute a canned outcome. */
@FunctionalInterface
public interface ScanRunner {

    ScanOutcome run(List<Check> checks, ScanRequest request, ScanListener listener, CancellationToken cancellation);

    /** The real engine. */
    static ScanRunner engine() {
        return (checks, request, listener, cancellation) -> new ScanEngine(checks).run(request, listener, cancellation);
    }
}
