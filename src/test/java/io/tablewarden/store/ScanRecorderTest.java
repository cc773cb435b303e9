package io.tablewarden.store;

import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.RawResponse;
import io.tablewarden.model.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanRecorderTest {

    private static final String TAGGED = "dynamodb_table_tagged";

    @TempDir
    Path dir;

    @Test
    void aRecordedScanReadsBackAsTheEngineProducedItAndCanBeReevaluatedAndMuted() throws Exception {
        try (TablewardenStore store = TablewardenStore.open(dir.resolve("tw.db"))) {
            ScanRecorder recorder = ScanRecorder.start(store, StoreTestSupport.newScan(null));
            ScanOutcome outcome = StoreTestSupport.scanDemo(recorder);
            Instant finished = Instant.parse("2026-03-01T10:05:00.123456789Z");
            recorder.finish(outcome, finished);
            long id = recorder.scanId();

            ScanSummary scan = store.scans().require(id);
            assertEquals(StoredScanState.COMPLETED, scan.state());
            assertEquals(outcome.inventory().accountId(), scan.accountId());
            assertEquals(outcome.inventory().callerArn(), scan.callerArn());
            assertEquals(finished, scan.finishedAt());
            assertEquals("audit", scan.profileName());
            assertEquals(outcome.results().size(), scan.resultCount());
            assertEquals(outcome.results().stream().filter(r -> r.status() == Status.FAIL).count(), scan.failCount());
            assertEquals(outcome.results(), store.scans().results(id));
            assertEquals(outcome.inventory().regions(), store.scans().inventory(id).regions());
            assertEquals(outcome.stats(), store.scans().stats(id));

            ScanReevaluation.Outcome again = new ScanReevaluation(store)
                    .run(id, CheckRegistry.builtIn().all(), null, StoreTestSupport.CLOCK, true);
            assertEquals(outcome.results(), again.results(), "same checks, same time: same verdicts");
            assertNotNull(again.newScanId());
            assertEquals(Long.valueOf(id), store.scans().require(again.newScanId()).reevaluationOf());
            assertTrue(FindingComparison.compare(store.scans(), id, again.newScanId()).statusChanges().isEmpty());

            CheckParameters strict = new CheckParameters(null, null, null, null, null, false,
                    List.of("no-such-key"), Set.of(), CheckParameters.DEFAULT_MAX_RECOVERY_POINT_AGE_HOURS);
            List<CheckResult> stricter = new ScanReevaluation(store)
                    .run(id, CheckRegistry.builtIn().all(), strict, StoreTestSupport.CLOCK, false).results();
            assertTrue(outcome.results().stream()
                    .anyMatch(r -> r.checkId().equals(TAGGED) && r.status() == Status.PASS));
            assertTrue(stricter.stream().filter(r -> r.checkId().equals(TAGGED))
                    .noneMatch(r -> r.status() == Status.PASS), "a required key no table has fails every table");

            CheckResult failing = outcome.results().stream().filter(r -> r.status() == Status.FAIL).findFirst()
                    .orElseThrow();
            store.mutes().add(failing.checkId(), failing.resource().arn(), "accepted risk", "me", null);
            store.mutes().add("*", "arn:*", "expired", "me", Instant.parse("2000-01-01T00:00:00Z"));
            List<StoredResult> withMutes = store.scans().resultsWithMutes(id);
            assertEquals(1, withMutes.stream().filter(StoredResult::muted).count());
            StoredResult muted = withMutes.stream().filter(StoredResult::muted).findFirst().orElseThrow();
            assertEquals(Status.FAIL, muted.result().status(), "muting never changes the status");
            assertFalse(store.scans().list(scan.accountId()).isEmpty());
        }
    }

    @Test
    void rawResponsesAreKeptPerRegionIncludingThoseOfARegionWithoutResults() {
        try (TablewardenStore store = TablewardenStore.open(dir.resolve("tw.db"))) {
            ScanRecorder recorder = ScanRecorder.start(store, StoreTestSupport.newScan("111122223333"));
            recorder.scanStarted("111122223333", List.of("eu-west-1", "us-east-1"));
            RawResponse first = new RawResponse("eu-west-1", "dynamodb:ListTables", null, "{}",
                    "{\"TableNames\":[\"t\"]}");
            RawResponse second = new RawResponse("us-east-1", "dynamodb:ListTables", null, "{}", "{\"TableNames\":[]}");
            recorder.rawResponse(first);
            recorder.rawResponse(second);
            recorder.resultsReady("eu-west-1",
                    List.of(StoreTestSupport.result("c", "111122223333", "t", Status.PASS)));
            recorder.finish(new ScanOutcome(ScanOutcome.ScanState.CANCELLED, null, List.of(), null, null),
                    StoreTestSupport.NOW);

            assertEquals(List.of(first, second), store.scans().rawResponses(recorder.scanId()));
            ScanSummary scan = store.scans().require(recorder.scanId());
            assertEquals(StoredScanState.CANCELLED, scan.state());
            assertEquals(1, scan.passCount());
            assertEquals(List.of("eu-west-1", "us-east-1"), scan.regions());
        }
    }

    @Test
    void aScanWhoseResultsOnlyTheStoreSeesStoresWhatAKeptScanReturns() throws Exception {
        ScanOutcome kept = StoreTestSupport.scanDemo(io.tablewarden.engine.ScanListener.NONE);
        try (TablewardenStore store = TablewardenStore.open(dir.resolve("streamed.db"));
             io.tablewarden.simulator.AccountSimulator sim = io.tablewarden.simulator.AccountSimulator.startDemo(
                     io.tablewarden.simulator.SimulatorOptions.builder().build())) {
            ScanRecorder recorder = ScanRecorder.start(store, StoreTestSupport.newScan(null));
            io.tablewarden.engine.ScanRequest request = new io.tablewarden.engine.ScanRequest(
                    io.tablewarden.engine.ConnectionSettings.forSimulator(sim.endpoint(), "eu-west-1"), List.of(),
                    Set.of(), CheckParameters.defaults(), 8, io.tablewarden.engine.ScanRequest.DEFAULT_CALL_TIMEOUT, 2);
            ScanOutcome streamed = new io.tablewarden.engine.ScanEngine(CheckRegistry.builtIn().all())
                    .withClock(StoreTestSupport.CLOCK).streamingResults()
                    .run(request, recorder, new io.tablewarden.engine.CancellationToken());
            recorder.finish(streamed, StoreTestSupport.NOW);

            assertEquals(ScanOutcome.ScanState.COMPLETED, streamed.state());
            assertTrue(streamed.results().isEmpty(), "the outcome does not hold the results as well");
            assertEquals(kept.stats().resultsByStatus(), streamed.stats().resultsByStatus());
            assertEquals(kept.results(), store.scans().results(recorder.scanId()));
            assertEquals(kept.results().size(), store.scans().resultCount(recorder.scanId()));
            assertEquals(StoredScanState.COMPLETED, store.scans().require(recorder.scanId()).state());
        }
    }

    @Test
    void rawAnswersAreWrittenAheadOfTheirRegionsResultsInTheOrderTheyCame() throws Exception {
        try (TablewardenStore store = TablewardenStore.open(dir.resolve("raw.db"))) {
            ScanRecorder recorder = ScanRecorder.start(store, StoreTestSupport.newScan("111122223333"));
            recorder.scanStarted("111122223333", List.of("eu-west-1"));
            int count = ScanRecorder.RAW_CHUNK * 2 + ScanRecorder.RAW_CHUNK / 2;
            List<RawResponse> sent = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                RawResponse raw = new RawResponse("eu-west-1", "dynamodb:DescribeTable", "t" + i,
                        "{\"TableName\":\"t" + i + "\"}", "{\"Table\":{\"TableName\":\"t" + i + "\"}}");
                sent.add(raw);
                recorder.rawResponse(raw);
            }
            // The full chunks go to the database while the region is still running; the writer is asynchronous,
            // so wait for it (this is not a timing, only the end of a background write).
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (store.scans().rawResponses(recorder.scanId()).size() < ScanRecorder.RAW_CHUNK * 2
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(sent.subList(0, ScanRecorder.RAW_CHUNK * 2), store.scans().rawResponses(recorder.scanId()),
                    "whole chunks are stored before the region ends; the rest waits for it");

            recorder.resultsReady("eu-west-1", List.of(StoreTestSupport.result("c", "111122223333", "t0",
                    Status.PASS)));
            recorder.finish(new ScanOutcome(ScanOutcome.ScanState.COMPLETED, null, List.of(), null, null),
                    StoreTestSupport.NOW);
            assertEquals(sent, store.scans().rawResponses(recorder.scanId()));
            assertEquals(1, store.scans().resultCount(recorder.scanId()));
        }
    }

    @Test
    void aScanOfOneCheckIsNotReevaluatedWithAnotherThatReadsWhatItNeverCollected() throws Exception {
        String pitr = "dynamodb_tables_pitr_enabled";
        try (TablewardenStore store = TablewardenStore.open(dir.resolve("narrow.db"));
             io.tablewarden.simulator.AccountSimulator sim = io.tablewarden.simulator.AccountSimulator.startDemo(
                     io.tablewarden.simulator.SimulatorOptions.builder().build())) {
            NewScan narrow = new NewScan("audit", null, List.of("eu-west-1"), List.of(pitr),
                    CheckParameters.defaults(), "test", StoreTestSupport.NOW, null);
            ScanRecorder recorder = ScanRecorder.start(store, narrow);
            io.tablewarden.engine.ScanRequest request = new io.tablewarden.engine.ScanRequest(
                    io.tablewarden.engine.ConnectionSettings.forSimulator(sim.endpoint(), "eu-west-1"),
                    List.of("eu-west-1"), Set.of(pitr), CheckParameters.defaults(), 4,
                    io.tablewarden.engine.ScanRequest.DEFAULT_CALL_TIMEOUT, 2);
            ScanOutcome outcome = new io.tablewarden.engine.ScanEngine(CheckRegistry.builtIn().all())
                    .withClock(StoreTestSupport.CLOCK).run(request, recorder, new io.tablewarden.engine.CancellationToken());
            recorder.finish(outcome, StoreTestSupport.NOW);
            long id = recorder.scanId();

            assertEquals(outcome.results(), new ScanReevaluation(store).run(id, CheckRegistry.builtIn().select(
                    Set.of(pitr)), null, StoreTestSupport.CLOCK, false).results());
            StoreException refused = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class,
                    () -> new ScanReevaluation(store).run(id, CheckRegistry.builtIn().select(Set.of(TAGGED)), null,
                            StoreTestSupport.CLOCK, false));
            assertTrue(refused.getMessage().contains("did not collect what check " + TAGGED + " reads (["
                    + "TABLE_TAGS])"), refused.getMessage());
        }
    }
}
