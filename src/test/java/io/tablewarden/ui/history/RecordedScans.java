package io.tablewarden.ui.history;

import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.ScanEngine;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.scenarios.ExampleAccount;
import io.tablewarden.simulator.AccountSimulator;
import io.tablewarden.store.NewScan;
import io.tablewarden.store.ScanRecorder;
import io.tablewarden.store.TablewardenStore;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Real scans recorded in a temporary store: the example account, and the same account a day later where
 * {@code scratch} gained point-in-time recovery and {@code invoices} lost deletion protection. They run the
 * example account's documented checks, so the counts the history tests expect stay those of the documentation.
 */
public final class RecordedScans {

    public static final String ACCOUNT = "210987654321";
    public static final Instant FIRST = Instant.parse("2026-03-01T10:00:00Z");
    public static final Instant SECOND = FIRST.plus(Duration.ofDays(1));
    public static final String PITR = "dynamodb_tables_pitr_enabled";
    public static final String DELETION_PROTECTION = "dynamodb_table_deletion_protection_enabled";
    public static final String SCRATCH = "arn:aws:dynamodb:eu-north-1:" + ACCOUNT + ":table/scratch";
    public static final String INVOICES = "arn:aws:dynamodb:eu-north-1:" + ACCOUNT + ":table/invoices";

    private RecordedScans() {
    }

    /** Records the example account, then its changed version; returns their ids, older first. */
    public static long[] recordBoth(TablewardenStore store) throws Exception {
        long first = record(store, "example-account.json", FIRST);
        long second = record(store, "example-account-changed.json", SECOND);
        return new long[] {first, second};
    }

    /** Scans one fixture of {@code src/test/resources/ui} through the simulator and records it. */
    public static long record(TablewardenStore store, String fixture, Instant at) throws Exception {
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        try (AccountSimulator sim = AccountSimulator.start(resource(fixture), 0)) {
            ConnectionSettings settings = ConnectionSettings.forSimulator(sim.endpoint(), "eu-north-1");
            ScanRequest request = new ScanRequest(settings, List.of(), ExampleAccount.CHECKS,
                    CheckParameters.defaults(), 4, ScanRequest.DEFAULT_CALL_TIMEOUT, 2);
            ScanRecorder recorder = ScanRecorder.start(store, new NewScan("audit", null, List.of(), List.of(),
                    CheckParameters.defaults(), "test", at, null));
            ScanOutcome outcome = new ScanEngine(CheckRegistry.builtIn().all()).withClock(clock)
                    .run(request, recorder, new CancellationToken());
            recorder.finish(outcome, at.plusSeconds(7));
            return recorder.scanId();
        }
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(RecordedScans.class.getResource("/ui/" + name).toURI());
    }
}
