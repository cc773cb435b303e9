package io.tablewarden.app;

import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.FailureKind;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.checks.Check;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.report.OutputFormat;
import io.tablewarden.report.ScanReport;
import io.tablewarden.store.ScanSummary;
import io.tablewarden.store.StoredScanState;
import io.tablewarden.store.TablewardenStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scan → record → report flow of both front ends, through the simulator and the real SDK. */
class ScanServiceTest {

    private static final List<Check> CHECKS = CheckRegistry.builtIn().all();
    private static final String PITR = "dynamodb_tables_pitr_enabled";

    @TempDir
    Path dir;

    private static ScanRequest request(List<String> regions, Set<String> checkIds) {
        return new ScanRequest(null, regions, checkIds, CheckParameters.defaults(), ScanRequest.DEFAULT_CONCURRENCY,
                ScanRequest.DEFAULT_CALL_TIMEOUT, ScanRequest.DEFAULT_MAX_ATTEMPTS);
    }

    @Test
    void aDemoScanIsRecordedAndItsStoredReportIsTheLiveReportByteForByte() throws Exception {
        ScanService service = ScanService.standard(CHECKS);
        ScanRequest request = request(List.of("eu-west-1", "us-east-1"), Set.of(PITR));
        try (TablewardenStore store = TablewardenStore.open(dir.resolve("scans.db"))) {
            ScanResult result = service.run(ScanTarget.DEMO, request, store, ScanListener.NONE,
                    new CancellationToken());
            assertEquals(ScanOutcome.ScanState.COMPLETED, result.outcome().state());
            assertNull(result.storeProblem());
            assertNotNull(result.scanId());
            assertEquals(store.file(), result.database());
            assertEquals(ScanVerdict.FINDINGS, result.verdict());

            StoredScans stored = new StoredScans(store, CHECKS);
            ScanSummary summary = stored.summary(result.scanId());
            assertEquals(StoredScanState.COMPLETED, summary.state());
            assertEquals(result.outcome().results().size(), summary.resultCount());
            assertEquals(ScanVerdict.FINDINGS, stored.verdict(result.scanId()));

            // The live report of a recorded scan gets the store's facts (mutes, first sightings) the stored one has.
            store.mutes().add("*", "arn:aws:dynamodb:eu-west-1:*", "accepted", "alice", null);
            ScanReport live = stored.withStoreFacts(new ReportBuilder(CHECKS).live(result, request.regions(),
                    request.parameters()), result.scanId(), null);
            assertFalse(live.mutes().isEmpty(), "the mute covers the eu-west-1 results");
            assertEquals(String.valueOf(result.scanId()), live.history().scanId());
            assertEquals(summary.startedAt(), live.firstSeen(live.results().get(0)));
            for (OutputFormat format : OutputFormat.values()) {
                assertArrayEquals(bytes(live, format), bytes(stored.report(result.scanId()), format), format.name());
            }
        }
    }

    @Test
    void aRegionTheAccountHasNotEnabledIsNamedWithTheEnabledOnes() {
        ScanResult result = ScanService.standard(CHECKS).run(ScanTarget.DEMO,
                request(List.of("eu-west-1", "ap-northeast-3"), Set.of(PITR)), null, ScanListener.NONE,
                new CancellationToken());
        assertEquals(List.of("ap-northeast-3"), result.notEnabledRegions());
        assertEquals(List.of("ap-southeast-2", "eu-central-1", "eu-west-1", "us-east-1"), result.enabledRegions());
        assertNull(result.scanId(), "no store, no record");
    }

    @Test
    void aStoreThatCannotRecordIsAStoreProblemAndTheScanStillRuns() {
        TablewardenStore closed = TablewardenStore.open(dir.resolve("closed.db"));
        closed.close();
        ScanResult result = ScanService.standard(CHECKS).run(ScanTarget.DEMO,
                request(List.of("eu-west-1"), Set.of(PITR)), closed, ScanListener.NONE, new CancellationToken());
        assertEquals(ScanOutcome.ScanState.COMPLETED, result.outcome().state());
        assertNotNull(result.storeProblem());
        assertEquals(FailureKind.STORE, result.storeProblem().kind());
        assertTrue(result.storeProblem().reason().startsWith("the scan is not being stored: "),
                result.storeProblem().reason());
        assertNull(result.scanId());
    }

    @Test
    void anEngineThatThrowsLeavesTheStoredScanFailedAndTheSimulatorStopped() {
        List<String> events = new java.util.ArrayList<>();
        LocalAccounts local = new LocalAccounts() {
            @Override
            public LocalAccount start(Path fixture, int port) {
                throw new AssertionError();
            }

            @Override
            public LocalAccount startDemo(int port) {
                events.add("started");
                return new LocalAccount() {
                    @Override
                    public java.net.URI endpoint() {
                        return java.net.URI.create("http://127.0.0.1:9");
                    }

                    @Override
                    public String exampleRegion() {
                        return "us-east-1";
                    }

                    @Override
                    public void close() {
                        events.add("stopped");
                    }
                };
            }
        };
        ScanRunner broken = (checks, request, listener, cancellation) -> {
            throw new IllegalStateException("boom");
        };
        ScanService service = new ScanService(CHECKS, broken, new ScanConnector(local), Clock.systemUTC());
        try (TablewardenStore store = TablewardenStore.open(dir.resolve("scans.db"))) {
            assertThrows(IllegalStateException.class, () -> service.run(ScanTarget.DEMO,
                    request(List.of(), Set.of()), store, ScanListener.NONE, new CancellationToken()));
            ScanSummary scan = store.scans().list(null).get(0);
            assertEquals(StoredScanState.FAILED, scan.state());
            assertEquals(ScanVerdict.INCOMPLETE, new StoredScans(store, CHECKS).verdict(scan.id()));
        }
        assertEquals(List.of("started", "stopped"), events);
    }

    @Test
    void aProfileTargetConnectsWithItsProfileEndpointAndRegion() {
        List<ScanRequest> seen = new java.util.ArrayList<>();
        ScanRunner recording = (checks, request, listener, cancellation) -> {
            seen.add(request);
            return new ScanOutcome(ScanOutcome.ScanState.COMPLETED, null, List.of(), null, null);
        };
        ScanService service = new ScanService(CHECKS, recording, new ScanConnector(new SimulatedAccounts()),
                Clock.systemUTC()).withMfaCodes((profile, serial) -> "123456");
        service.run(ScanTarget.account("audit", java.net.URI.create("http://localhost:8000"), "eu-west-1"),
                request(List.of("eu-west-1"), Set.of()), null, ScanListener.NONE, new CancellationToken());
        assertEquals("audit", seen.get(0).connection().profile());
        assertEquals("http://localhost:8000", seen.get(0).connection().endpointUrl().toString());
        assertEquals("eu-west-1", seen.get(0).connection().defaultRegion());
        assertNull(seen.get(0).connection().staticCredentials());
        assertNotNull(seen.get(0).connection().mfaCodes());
    }

    private static byte[] bytes(ScanReport report, OutputFormat format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.writer().write(report, out);
        return out.toByteArray();
    }
}
