package io.tablewarden.store;

import io.tablewarden.cli.Cli;
import io.tablewarden.cli.CliContext;
import io.tablewarden.cli.Interrupts;
import io.tablewarden.app.ScanRunner;
import io.tablewarden.app.SimulatedAccounts;
import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.ScanEngine;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.model.CheckResult;
import io.tablewarden.simulator.AccountSimulator;
import io.tablewarden.simulator.SimulatorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Another process holds the database in {@code BEGIN EXCLUSIVE} while a simulator scan records: a few seconds
 * are waited through and every result is stored; longer than the retry budget and the scan is stored
 * {@code incomplete} with the reason, never {@code completed}, and {@code history} says so.
 */
class BusyDatabaseTest {

    /** Short, so the test is quick: 300 ms per attempt, two seconds in all. */
    private static final WriteRetry RETRY = new WriteRetry(300, Duration.ofSeconds(2));

    @TempDir
    Path dir;

    @Test
    void aLockOfAFewSecondsIsWaitedThroughAndEveryResultIsStored() throws Exception {
        Path file = dir.resolve("busy.db");
        try (TablewardenStore store = TablewardenStore.open(file, new SchemaMigrator(), StoreTestSupport.CLOCK,
                RETRY); AccountSimulator sim = simulator()) {
            ScanRecorder recorder = ScanRecorder.start(store, StoreTestSupport.newScan(null));
            CompletableFuture<Void> held = holdExclusively(file, new CountDownLatch(0), Duration.ofMillis(1500));
            ScanOutcome outcome = scan(sim, recorder, null);
            ScanSummary stored = recorder.finish(outcome, StoreTestSupport.NOW);
            held.get(30, TimeUnit.SECONDS);
            assertEquals(StoredScanState.COMPLETED, stored.state());
            assertTrue(outcome.results().size() > 10, "the scan produced results");
            assertEquals(outcome.results().size(), store.scans().results(recorder.scanId()).size());
            assertEquals(outcome.results().size(), stored.resultCount());
        }
    }

    @Test
    void aLockLongerThanTheBudgetMakesTheScanIncompleteWithTheReason() throws Exception {
        Path file = dir.resolve("locked.db");
        long scanId;
        try (TablewardenStore store = TablewardenStore.open(file, new SchemaMigrator(), StoreTestSupport.CLOCK,
                RETRY); AccountSimulator sim = simulator()) {
            ScanRecorder recorder = ScanRecorder.start(store, StoreTestSupport.newScan(null));
            scanId = recorder.scanId();
            CountDownLatch scanEnded = new CountDownLatch(1);
            // Held until every pending write has spent its whole budget (the one in progress when the scan ends
            // gives up within one budget, later ones are skipped), then released so the row can be closed.
            CompletableFuture<Void> held = holdExclusively(file, scanEnded,
                    RETRY.budget().plusMillis(RETRY.busyTimeoutMillis() + 500));
            ScanOutcome outcome = scan(sim, recorder, null);
            scanEnded.countDown();
            assertEquals(ScanOutcome.ScanState.COMPLETED, outcome.state(), "the scan itself went well");
            held.get(30, TimeUnit.SECONDS);
            IncompleteScanException e = assertThrows(IncompleteScanException.class,
                    () -> recorder.finish(outcome, StoreTestSupport.NOW));
            held.get(30, TimeUnit.SECONDS);
            ScanSummary stored = store.scans().require(scanId);
            assertEquals(StoredScanState.INCOMPLETE, stored.state());
            assertEquals(stored, e.summary());
            assertTrue(stored.failureReason().startsWith("not everything could be stored ("), stored.failureReason());
            assertTrue(stored.failureReason().contains("the results of eu-west-1"), stored.failureReason());
            assertTrue(stored.failureReason().contains("locked"), stored.failureReason());
            assertTrue(stored.resultCount() < outcome.results().size());
            assertEquals("123456789012", stored.accountId(), "the account is recorded once the lock is gone");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false,
                () -> CheckRegistry.builtIn().all(), ScanRunner.engine(), new SimulatedAccounts(),
                Interrupts.none(), Clock.systemUTC(), System::nanoTime, false);
        assertEquals(0, Cli.run(ctx, new String[] {"history", "--db", file.toString()}));
        String history = out.toString(StandardCharsets.UTF_8);
        assertTrue(history.lines().anyMatch(l -> l.strip().startsWith(scanId + " ") && l.contains("incomplete")),
                history);
    }

    private static AccountSimulator simulator() throws Exception {
        try (InputStream in = BusyDatabaseTest.class.getResourceAsStream("/cli/example-account.json")) {
            return AccountSimulator.startFromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    SimulatorOptions.builder().build());
        }
    }

    private static ScanOutcome scan(AccountSimulator sim, ScanRecorder recorder, CountDownLatch resultsReady) {
        ScanListener signal = new ScanListener() {
            @Override
            public void resultsReady(String region, List<CheckResult> results) {
                if (resultsReady != null) {
                    resultsReady.countDown();
                }
            }
        };
        ScanRequest request = ScanRequest.of(ConnectionSettings.forSimulator(sim.endpoint(), "eu-west-1"));
        return new ScanEngine(CheckRegistry.builtIn().all()).withClock(StoreTestSupport.CLOCK)
                .run(request, ScanListener.both(recorder, signal), new CancellationToken());
    }

    /** Another process's connection takes the write lock now and releases it {@code hold} after {@code from}. */
    private static CompletableFuture<Void> holdExclusively(Path file, CountDownLatch from, Duration hold)
            throws Exception {
        Connection locker = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement st = locker.createStatement()) {
            st.execute("BEGIN EXCLUSIVE");
        }
        return CompletableFuture.runAsync(() -> {
            try (locker) {
                from.await(60, TimeUnit.SECONDS);
                Thread.sleep(hold.toMillis());
                try (Statement st = locker.createStatement()) {
                    st.execute("ROLLBACK");
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
