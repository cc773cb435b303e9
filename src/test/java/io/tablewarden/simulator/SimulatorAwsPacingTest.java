package io.tablewarden.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalableTargetsResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulator pages and paces its answers as AWS does, and tells its own CPU apart. */
class SimulatorAwsPacingTest {

    @Test
    void listingsAnswerAwsPageSizesUnlessTheOptionsAskForSmallPages(@TempDir Path dir) throws Exception {
        Path fixture = SyntheticAccount.write(dir.resolve("account.json"), List.of("us-east-1"), 250, 0);
        try (AccountSimulator sim = AccountSimulator.start(fixture, SimulatorOptions.builder().build());
             DynamoDbClient ddb = SimulatorTestSupport.client(DynamoDbClient.builder(), sim, "us-east-1");
             ApplicationAutoScalingClient aas = SimulatorTestSupport.client(ApplicationAutoScalingClient.builder(),
                     sim, "us-east-1")) {
            ListTablesResponse first = ddb.listTables();
            assertEquals(100, first.tableNames().size());
            assertNotNull(first.lastEvaluatedTableName());
            DescribeScalableTargetsResponse targets = aas.describeScalableTargets(
                    b -> b.serviceNamespace(ServiceNamespace.DYNAMODB));
            assertEquals(50, targets.scalableTargets().size());
            assertNotNull(targets.nextToken());
            ListTablesResponse second = ddb.listTables(b -> b.exclusiveStartTableName(first.lastEvaluatedTableName()));
            assertEquals(100, second.tableNames().size());
            ListTablesResponse third = ddb.listTables(b -> b.exclusiveStartTableName(second.lastEvaluatedTableName()));
            assertEquals(50, third.tableNames().size());
            assertNull(third.lastEvaluatedTableName());
        }
        try (AccountSimulator sim = AccountSimulator.start(fixture, SimulatorOptions.builder().pageSize(3).build());
             DynamoDbClient ddb = SimulatorTestSupport.client(DynamoDbClient.builder(), sim, "us-east-1")) {
            assertEquals(3, ddb.listTables().tableNames().size());
            assertEquals(100, ddb.listTables(b -> b.limit(100)).tableNames().size());
        }
    }

    @Test
    void injectedLatencyHoldsNoWorkerThread() throws Exception {
        // One worker and a long latency: if waiting held the worker, only one call could ever be in flight.
        FaultSettings slow = FaultSettings.NONE.withLatency(1_500, 0);
        int calls = 8;
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try (AccountSimulator sim = SimulatorTestSupport.start(SimulatorOptions.builder().threads(1).faults(slow)
                .build());
             DynamoDbClient ddb = SimulatorTestSupport.client(DynamoDbClient.builder(), sim, "us-east-1")) {
            List<Future<ListTablesResponse>> answers = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                answers.add(pool.submit(() -> ddb.listTables()));
            }
            int most = 0;
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (most < calls && System.nanoTime() < deadline) {
                most = Math.max(most, sim.faultInjector().inFlight());
                Thread.sleep(5);
            }
            assertEquals(calls, most, "calls waiting out their latency at the same time");
            for (Future<ListTablesResponse> answer : answers) {
                assertTrue(answer.get().hasTableNames());
            }
            awaitNoneInFlight(sim);
            assertTrue(sim.serverCpuNanos() > 0, "the simulator's own threads used CPU");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void answersWithoutLatencyAreSentAtOnce() throws Exception {
        try (AccountSimulator sim = SimulatorTestSupport.start(SimulatorOptions.builder().threads(1).build());
             DynamoDbClient ddb = SimulatorTestSupport.client(DynamoDbClient.builder(), sim, "us-east-1")) {
            assertTrue(ddb.listTables().hasTableNames());
            assertNull(ddb.listTables(b -> b.limit(100)).lastEvaluatedTableName());
            awaitNoneInFlight(sim);
        }
    }

    /** A call counts out of flight just after its answer is written, which the client may see first. */
    private static void awaitNoneInFlight(AccountSimulator sim) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (sim.faultInjector().inFlight() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(0, sim.faultInjector().inFlight());
    }
}
