package io.tablewarden.engine.scan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanOutcome.ScanState;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.model.CollectionError;
import io.tablewarden.model.Fetch;
import io.tablewarden.model.Status;
import io.tablewarden.model.inventory.RegionInventory;
import io.tablewarden.model.inventory.RegionInventory.RegionState;
import io.tablewarden.model.inventory.TableInventory;
import io.tablewarden.simulator.SimulatorOptions;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.tablewarden.engine.scan.FullScanTest.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the scan behaves on AWS's bad days, reproduced with the simulator's faults. */
class ScanFaultsTest {

    /**
     * The example account with more than one page (at page size 1) in every listing the scan follows: tables,
     * tags, scalable targets and policies, DAX clusters and their tags, KMS aliases and recovery points.
     */
    static ObjectNode pagingFixture() throws java.io.IOException {
        ObjectNode fixture = SimulatedAccount.withExtraTables(SimulatedAccount.exampleFixture(), 7);
        ObjectNode region = (ObjectNode) fixture.at("/regions/eu-north-1");
        ArrayNode tags = (ArrayNode) region.at("/dynamodb/tables/0/Tags");
        for (int i = 0; i < 6; i++) {
            tags.addObject().put("Key", "k" + i).put("Value", "v" + i);
        }
        // A second tagged table, so that the region-wide tag listing takes more than one page too.
        ((ObjectNode) region.at("/dynamodb/tables/2")).withArray("Tags").addObject().put("Key", "team")
                .put("Value", "extra");
        ArrayNode clusters = (ArrayNode) region.at("/dax/Clusters");
        ObjectNode second = clusters.get(0).deepCopy();
        second.put("ClusterName", "session-cache-2");
        second.put("ClusterArn", "arn:aws:dax:eu-north-1:210987654321:cache/session-cache-2");
        clusters.add(second);
        ArrayNode daxTags = ((ObjectNode) region.at("/dax/Tags"))
                .putArray("arn:aws:dax:eu-north-1:210987654321:cache/session-cache");
        for (int i = 0; i < 3; i++) {
            daxTags.addObject().put("Key", "d" + i).put("Value", "v" + i);
        }
        ((ArrayNode) region.at("/kms/Keys/0/Aliases")).add("alias/billing-old");
        ArrayNode points = (ArrayNode) region.at("/backup/RecoveryPoints");
        ObjectNode older = points.get(0).deepCopy();
        older.put("RecoveryPointArn", older.get("RecoveryPointArn").asText() + "-older");
        older.put("CreationDate", 1735000000);
        points.add(older);
        return fixture;
    }

    @Test
    void everyPagingLoopIsFollowed() throws Exception {
        ObjectNode fixture = pagingFixture();
        try (SimulatedAccount account = SimulatedAccount.start(fixture,
                SimulatorOptions.builder().pageSize(1).build())) {
            ScanOutcome outcome = account.scan(account.request(List.of("eu-north-1"), 4));
            assertEquals(ScanState.COMPLETED, outcome.state(), outcome.failureReason());
            RegionInventory scanned = outcome.inventory().regions().get(0);
            List<TableInventory> tables = ok(scanned.tables());
            assertEquals(9, tables.size());
            tables.forEach(t -> assertTrue(t.description().isOk(), t.name()));
            TableInventory invoices = tables.stream().filter(t -> t.name().equals("invoices")).findFirst().orElseThrow();
            assertEquals(7, ok(invoices.tags()).size());
            assertEquals(2, ok(invoices.recoveryPoints()).size());
            assertEquals(2, ok(scanned.autoScaling().scalableTargets()).size());
            assertEquals(2, ok(scanned.autoScaling().scalingPolicies()).size());
            assertEquals(2, ok(scanned.daxClusters()).size());
            assertEquals(3, ok(ok(scanned.daxClusters()).get(0).tags()).size());
            assertEquals(List.of("alias/billing", "alias/billing-old"),
                    ok(scanned.kmsKeys().values().iterator().next().metadata()).aliases());
            java.util.Map<String, Long> calls = outcome.stats().apiCallsByOperation();
            for (String op : List.of("dynamodb:ListTables", "tag:GetResources",
                    "application-autoscaling:DescribeScalableTargets", "application-autoscaling:DescribeScalingPolicies",
                    "dax:DescribeClusters", "dax:ListTags", "kms:ListAliases", "backup:ListRecoveryPointsByResource")) {
                assertTrue(calls.getOrDefault(op, 0L) >= 2, op + " must have paged: " + calls);
            }
        }
    }

    @Test
    void deniedCallFailsOnlyItsOwnPiece() throws Exception {
        ObjectNode fixture = SimulatedAccount.withFaults(SimulatedAccount.exampleFixture(),
                "{\"accessDenied\":[{\"action\":\"dynamodb:GetResourcePolicy\","
                        + "\"resource\":\"arn:aws:dynamodb:eu-north-1:210987654321:table/scratch\"}]}");
        try (SimulatedAccount account = SimulatedAccount.start(fixture)) {
            ScanOutcome outcome = account.scan(account.request(List.of(), 4));
            assertEquals(ScanState.COMPLETED, outcome.state(), outcome.failureReason());
            List<TableInventory> tables = ok(outcome.inventory().regions().get(0).tables());
            TableInventory invoices = tables.get(0);
            TableInventory scratch = tables.get(1);
            assertTrue(invoices.resourcePolicy().isOk());
            assertTrue(scratch.resourcePolicy().isFailed());
            CollectionError error = scratch.resourcePolicy().error();
            assertEquals("dynamodb:GetResourcePolicy", error.permission());
            assertEquals("AccessDeniedException", error.errorCode());
            assertEquals(CollectionError.Kind.ACCESS_DENIED, error.kind());
            assertTrue(scratch.description().isOk());
            assertTrue(scratch.tags().isOk());
            assertEquals(Status.ERROR, outcome.results().stream()
                    .filter(r -> r.checkId().equals("dynamodb_table_cross_account_access")
                            && r.resource().name().equals("scratch"))
                    .findFirst().orElseThrow().status());
        }
    }

    @Test
    void aRegionWhoseTablesCannotBeListedIsScannedWithItsGapNamed() throws Exception {
        ObjectNode fixture = SimulatedAccount.withFaults(SimulatedAccount.exampleFixture(),
                "{\"accessDenied\":[{\"action\":\"dynamodb:ListTables\",\"region\":\"eu-north-1\"}]}");
        try (SimulatedAccount account = SimulatedAccount.start(fixture)) {
            java.util.Map<String, String> messages = new java.util.concurrent.ConcurrentHashMap<>();
            ScanListener listener = new ScanListener() {
                @Override
                public void regionFinished(RegionInventory region, String message) {
                    messages.put(region.region(), message);
                }
            };
            ScanOutcome outcome = account.scan(account.request(List.of("eu-north-1"), 4), listener,
                    new CancellationToken());
            assertEquals(ScanState.COMPLETED, outcome.state(), outcome.failureReason());
            RegionInventory north = outcome.inventory().regions().get(0);
            assertEquals(RegionState.SCANNED, north.state());
            assertTrue(north.tables().isFailed());
            assertEquals("tables not listed, 1 DAX cluster; 1 call failed: dynamodb:ListTables"
                    + " (AccessDeniedException); grant dynamodb:ListTables to the scanning identity",
                    messages.get("eu-north-1"));
        }
    }

    @Test
    void throttlingIsRetriedAndCounted() throws Exception {
        ObjectNode fixture = SimulatedAccount.withFaults(SimulatedAccount.exampleFixture(),
                "{\"throttleRate\":0.25,\"seed\":11}");
        try (SimulatedAccount account = SimulatedAccount.start(fixture)) {
            ScanRequest base = account.request(List.of(), 4);
            ScanRequest request = new ScanRequest(base.connection(), base.regions(), base.checkIds(),
                    base.parameters(), 4, base.callTimeout(), 10);
            ScanOutcome outcome = account.scan(request);
            assertEquals(ScanState.COMPLETED, outcome.state(), outcome.failureReason());
            assertTrue(outcome.stats().retries() > 0, "retries: " + outcome.stats());
            assertTrue(outcome.stats().throttled() > 0, "throttled: " + outcome.stats());
            assertTrue(outcome.stats().throttled() <= outcome.stats().apiCalls());
            RegionInventory region = outcome.inventory().regions().get(0);
            ok(region.tables()).forEach(t -> {
                ok(t.description());
                ok(t.tags());
                ok(t.resourcePolicy());
            });
            assertFalse(outcome.results().stream().anyMatch(r -> r.status() == Status.ERROR));
        }
    }

    @Test
    void serverErrorsAreRetried() throws Exception {
        ObjectNode fixture = SimulatedAccount.withFaults(SimulatedAccount.exampleFixture(),
                "{\"serverErrorRate\":0.2,\"seed\":5}");
        try (SimulatedAccount account = SimulatedAccount.start(fixture)) {
            ScanRequest base = account.request(List.of(), 4);
            ScanOutcome outcome = account.scan(new ScanRequest(base.connection(), base.regions(), base.checkIds(),
                    base.parameters(), 4, base.callTimeout(), 10));
            assertEquals(ScanState.COMPLETED, outcome.state(), outcome.failureReason());
            assertTrue(outcome.stats().retries() > 0, "retries: " + outcome.stats());
            assertFalse(outcome.results().stream().anyMatch(r -> r.status() == Status.ERROR));
        }
    }

    @Test
    void regionsThatAreNotEnabledAreSkippedQuickly() throws Exception {
        try (SimulatedAccount account = SimulatedAccount.start(SimulatedAccount.exampleFixture())) {
            long start = System.nanoTime();
            ScanOutcome outcome = account.scan(account.request(List.of("us-west-2", "eu-north-1", "xx-nowhere-1"), 4));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(ScanState.COMPLETED, outcome.state(), outcome.failureReason());
            List<RegionInventory> regions = outcome.inventory().regions();
            assertEquals(List.of("us-west-2", "eu-north-1", "xx-nowhere-1"),
                    regions.stream().map(RegionInventory::region).toList());
            assertEquals(RegionState.DISABLED, regions.get(0).state());
            assertEquals(RegionState.SCANNED, regions.get(1).state());
            assertEquals(RegionState.DISABLED, regions.get(2).state());
            assertEquals(CollectionError.Kind.REGION_DISABLED, regions.get(2).regionError().kind());
            assertEquals(1L, outcome.stats().apiCallsByOperation().get("dax:DescribeClusters"),
                    "DAX is asked in eu-north-1 only");
            assertTrue(millis < 20_000, "took " + millis + " ms");
        }
    }

    @Test
    void aRegionAnsweringUnrecognizedClientIsDisabledWhenRegionsCannotBeListed() throws Exception {
        ObjectNode fixture = SimulatedAccount.withFaults(SimulatedAccount.exampleFixture(),
                "{\"accessDenied\":[{\"action\":\"ec2:DescribeRegions\"}]}");
        try (SimulatedAccount account = SimulatedAccount.start(fixture)) {
            ScanOutcome outcome = account.scan(account.request(List.of("eu-north-1", "us-west-2"), 4));
            assertEquals(ScanState.COMPLETED, outcome.state(), outcome.failureReason());
            RegionInventory west = outcome.inventory().regions().get(1);
            assertEquals(RegionState.DISABLED, west.state());
            assertEquals("UnrecognizedClientException", west.regionError().errorCode());
            assertEquals(1L, outcome.stats().apiCallsByOperation().get("dynamodb:ListTables") - 1,
                    "the disabled region costs exactly its one probe call");

            ScanOutcome discovery = account.scan(account.request(List.of(), 4));
            assertEquals(ScanState.FAILED, discovery.state());
            assertTrue(discovery.failureReason().startsWith("cannot list the account's regions: UnauthorizedOperation"),
                    discovery.failureReason());
        }
    }

    @Test
    void expiredTokenFailsTheScanWithOneLine() throws Exception {
        try (SimulatedAccount account = SimulatedAccount.start(SimulatedAccount.exampleFixture())) {
            ScanRequest base = account.request(List.of(), 4);
            ConnectionSettings expired = new ConnectionSettings(null, base.connection().endpointUrl(), "eu-north-1",
                    new ConnectionSettings.StaticCredentials("EXPIREDAKID000000000", "secret", "token"));
            ScanOutcome outcome = account.scan(new ScanRequest(expired, List.of(), base.checkIds(),
                    base.parameters(), 4, base.callTimeout(), 4));
            assertEquals(ScanState.FAILED, outcome.state());
            assertTrue(outcome.failureReason().startsWith("cannot identify the account: ExpiredToken"),
                    outcome.failureReason());
            assertFalse(outcome.failureReason().contains("\n"));
            assertFalse(outcome.failureReason().contains("secret"));
            assertNull(outcome.inventory());
        }
    }

    @Test
    void unreachableEndpointFailsTheScan() {
        ScanRequest request = new ScanRequest(ConnectionSettings.forSimulator(URI.create("http://127.0.0.1:9")),
                List.of(), null, null, 2, java.time.Duration.ofSeconds(2), 2);
        ScanOutcome outcome = new io.tablewarden.engine.ScanEngine(List.of()).run(request, ScanListener.NONE,
                new CancellationToken());
        assertEquals(ScanState.FAILED, outcome.state());
        assertTrue(outcome.failureReason().startsWith("cannot identify the account: EndpointUnreachable"),
                outcome.failureReason());
    }

    @Test
    void cancellationReturnsPromptlyWithWhatWasCollected() throws Exception {
        ObjectNode fixture = SimulatedAccount.withFaults(
                SimulatedAccount.withExtraTables(SimulatedAccount.exampleFixture(), 40), "{\"latencyMs\":250}");
        try (SimulatedAccount account = SimulatedAccount.start(fixture)) {
            CancellationToken token = new CancellationToken();
            AtomicInteger tablesDone = new AtomicInteger();
            long[] cancelledAt = new long[1];
            ScanListener listener = new ScanListener() {
                @Override
                public void regionProgress(String region, int done, int total, String activity) {
                    if (activity.startsWith("table ") && tablesDone.incrementAndGet() == 3) {
                        cancelledAt[0] = System.nanoTime();
                        token.cancel();
                    }
                }
            };
            ScanOutcome outcome = account.scan(account.request(List.of(), 2), listener, token);
            long afterCancel = (System.nanoTime() - cancelledAt[0]) / 1_000_000;
            assertEquals(ScanState.CANCELLED, outcome.state());
            assertTrue(afterCancel < 2_000, "returned " + afterCancel + " ms after cancel");
            assertNotNull(outcome.inventory());
            RegionInventory region = outcome.inventory().regions().get(0);
            assertEquals(RegionState.CANCELLED, region.state());
            List<TableInventory> tables = ok(region.tables());
            assertEquals(42, tables.size());
            long collected = tables.stream().map(TableInventory::description).filter(Fetch::isOk).count();
            assertTrue(collected >= 3 && collected < 42, "collected " + collected);
            assertTrue(outcome.results().isEmpty(), "a cancelled region is not judged");
        }
    }

    @Test
    void callsInFlightNeverExceedTheLimit() throws Exception {
        ObjectNode fixture = SimulatedAccount.withFaults(
                SimulatedAccount.withExtraTables(SimulatedAccount.exampleFixture(), 12), "{\"latencyMs\":30}");
        try (SimulatedAccount account = SimulatedAccount.start(fixture)) {
            ScanOutcome outcome = account.scan(account.request(List.of(), 3));
            assertEquals(ScanState.COMPLETED, outcome.state(), outcome.failureReason());
            assertEquals(3, outcome.stats().configuredConcurrency());
            assertTrue(outcome.stats().maxConcurrency() <= 3, "max " + outcome.stats().maxConcurrency());
            assertTrue(outcome.stats().maxConcurrency() >= 2, "the scan should use its concurrency");
        }
    }

    @Test
    void unknownCheckIdsFailTheScanBeforeAnyCall() {
        ScanRequest request = new ScanRequest(ConnectionSettings.forSimulator(URI.create("http://127.0.0.1:9")),
                List.of(), java.util.Set.of("no_such_check"), null, 2, null, 2);
        ScanOutcome outcome = new io.tablewarden.engine.ScanEngine(
                io.tablewarden.engine.checks.CheckRegistry.builtIn().all())
                .run(request, ScanListener.NONE, new CancellationToken());
        assertEquals(ScanState.FAILED, outcome.state());
        assertTrue(outcome.failureReason().contains("no_such_check"), outcome.failureReason());
    }

    @Test
    void aFaultyListenerDoesNotStopTheScan() throws Exception {
        try (SimulatedAccount account = SimulatedAccount.start(SimulatedAccount.exampleFixture())) {
            ScanListener faulty = new ScanListener() {
                @Override
                public void regionProgress(String region, int done, int total, String activity) {
                    throw new IllegalStateException("listener bug");
                }
            };
            ScanOutcome outcome = account.scan(account.request(List.of(), 2), faulty, new CancellationToken());
            assertEquals(ScanState.COMPLETED, outcome.state(), outcome.failureReason());
            assertFalse(outcome.results().isEmpty());
        }
    }

    @Test
    void aDefaultRegionThatIsNotEnabledStillAllowsNamedRegions() throws Exception {
        // The example account enables eu-north-1 only; the simulator settings sign global calls for us-east-1.
        try (SimulatedAccount account = SimulatedAccount.start(SimulatedAccount.exampleFixture())) {
            ConnectionSettings settings = ConnectionSettings.forSimulator(account.simulator.endpoint());
            ScanOutcome named = account.scan(new ScanRequest(settings, List.of("eu-north-1"), null, null, 2, null, 2));
            assertEquals(ScanState.COMPLETED, named.state(), named.failureReason());
            assertEquals(RegionState.SCANNED, named.inventory().regions().get(0).state());

            ScanOutcome all = account.scan(new ScanRequest(settings, List.of(), null, null, 2, null, 2));
            assertEquals(ScanState.FAILED, all.state());
            assertTrue(all.failureReason().contains("region us-east-1 is not enabled"), all.failureReason());
        }
    }
}
