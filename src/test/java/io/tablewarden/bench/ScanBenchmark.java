package io.tablewarden.bench;

import io.tablewarden.simulator.SyntheticAccount;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.ScanEngine;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.ScanStats;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.simulator.AccountSimulator;
import io.tablewarden.simulator.SimulatorOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Measures whole scans against the simulator with a fixed latency per call and reports the figures:
 * API calls, wall time, the ratio of wall time to the latency floor, retries and memory. The latency floor
 * is the time the calls would take if the configured concurrency were used perfectly:
 * {@code calls × latency / concurrency}. A ratio near 1 means the scan is limited by AWS's latency, not by us.
 *
 * <p>Run with {@code mvn -B test -Pbenchmark -Dtest=ScanBenchmark}; figures are printed and written to
 * {@code target/benchmarks/scan.json}. Nothing here asserts on time: shared machines make that flaky.
 */
@Tag("benchmark")
class ScanBenchmark {

    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "eu-central-1", "ap-southeast-2");
    private static final int LATENCY_MS = 10;

    @Test
    void largeAccountAtSeveralConcurrencies(@TempDir Path dir) throws Exception {
        Path fixture = SyntheticAccount.write(dir.resolve("large.json"), REGIONS, 2_000, LATENCY_MS);
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode rows = mapper.createArrayNode();
        System.out.printf("%-8s %-6s %8s %8s %10s %10s %7s %8s %9s %10s%n", "tables", "conc", "calls", "retries",
                "wall ms", "floor ms", "ratio", "maxConc", "heap MB", "calls/s");
        // One discarded pass first: class loading and JIT compilation would otherwise weigh on the first row.
        try (AccountSimulator simulator = AccountSimulator.start(fixture,
                SimulatorOptions.builder().port(0).pageSize(100).threads(64).build())) {
            measure(mapper, simulator, 2_000, 32, false);
        }
        for (int concurrency : new int[] {16, 32, 64}) {
            try (AccountSimulator simulator = AccountSimulator.start(fixture,
                    SimulatorOptions.builder().port(0).pageSize(100).threads(Math.max(32, concurrency * 2)).build())) {
                rows.add(measure(mapper, simulator, 2_000, concurrency, true));
            }
        }
        Path out = Path.of("target", "benchmarks");
        Files.createDirectories(out);
        mapper.writerWithDefaultPrettyPrinter().writeValue(out.resolve("scan.json").toFile(), rows);
    }

    private static ObjectNode measure(ObjectMapper mapper, AccountSimulator simulator, int tables, int concurrency,
                                      boolean print) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(heapBefore);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        ScanRequest request = new ScanRequest(ConnectionSettings.forSimulator(simulator.endpoint()), REGIONS, Set.of(),
                CheckParameters.defaults(), concurrency, Duration.ofSeconds(20), 6);
        ScanOutcome outcome = new ScanEngine(CheckRegistry.builtIn().all())
                .run(request, ScanListener.NONE, new CancellationToken());
        sampler.interrupt();
        assertEquals(ScanOutcome.ScanState.COMPLETED, outcome.state(), String.valueOf(outcome.failureReason()));
        ScanStats s = outcome.stats();
        double floor = (double) s.apiCalls() * LATENCY_MS / concurrency;
        double ratio = s.wallMillis() / floor;
        long heapMb = (peak.get() - heapBefore) / (1024 * 1024);
        double rate = s.apiCalls() * 1000.0 / Math.max(1, s.wallMillis());
        if (print) {
            System.out.printf("%-8d %-6d %8d %8d %10d %10.0f %7.2f %8d %9d %10.0f%n", tables, concurrency,
                    s.apiCalls(), s.retries(), s.wallMillis(), floor, ratio, s.maxConcurrency(), heapMb, rate);
        }
        ObjectNode row = mapper.createObjectNode();
        row.put("tables", tables).put("regions", REGIONS.size()).put("concurrency", concurrency)
                .put("latencyMs", LATENCY_MS).put("apiCalls", s.apiCalls()).put("retries", s.retries())
                .put("wallMillis", s.wallMillis()).put("latencyFloorMillis", Math.round(floor))
                .put("ratioToFloor", Math.round(ratio * 100) / 100.0).put("maxConcurrency", s.maxConcurrency())
                .put("peakHeapGrowthMb", heapMb).put("callsPerSecond", Math.round(rate))
                .put("results", outcome.results().size());
        row.set("apiCallsByOperation", mapper.valueToTree(s.apiCallsByOperation()));
        return row;
    }
}
