package io.tablewarden.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tablewarden.app.AccountScan;
import io.tablewarden.app.MemberRoleSettings;
import io.tablewarden.app.OrganizationListener;
import io.tablewarden.app.OrganizationScanResult;
import io.tablewarden.app.OrganizationScanService;
import io.tablewarden.app.OrganizationScope;
import io.tablewarden.app.ScanConnector;
import io.tablewarden.app.ScanRunner;
import io.tablewarden.app.ScanService;
import io.tablewarden.app.ScanTarget;
import io.tablewarden.app.LocalAccount;
import io.tablewarden.app.LocalAccounts;
import io.tablewarden.simulator.OrganizationSimulator;
import io.tablewarden.simulator.SimulatorOptions;
import io.tablewarden.simulator.SyntheticAccount;
import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.store.OrganizationScanAccount.Outcome;
import io.tablewarden.store.TablewardenStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An organisation scan at scale against the organisation simulator: 50 accounts (the management account and 49
 * members reached through their role) × 4 regions × 100 tables, 20 ms of latency on every call, results streamed
 * to a scan database. Reports the calls, the wall time against the latency floor at the chosen limits
 * ({@code calls × latency / overall limit}), the CPU per call of the process and of the client alone (the process's
 * less the simulator's threads: both run in this JVM) and the peak heap growth (the simulator's fixtures
 * included).
 *
 * <p>Run with {@code mvn -B test -Pbenchmark -Dtest=OrganizationBenchmark}; figures are printed and written to
 * {@code target/benchmarks/organization.json}. Nothing here asserts on time.
 */
@Tag("benchmark")
class OrganizationBenchmark {

    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "eu-central-1", "ap-southeast-2");
    private static final int ACCOUNTS = 50;
    private static final int TABLES_PER_ACCOUNT = 400;
    private static final int LATENCY_MS = 20;
    /** CPU time of the simulator's threads in the last run. */
    private static final AtomicLong SIMULATOR_CPU_NANOS = new AtomicLong();

    @Test
    void fiftyAccountsSideBySide(@TempDir Path dir) throws Exception {
        Path organization = writeOrganization(dir);
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode rows = mapper.createArrayNode();
        System.out.printf("%-8s %-6s %-7s %9s %10s %10s %7s %10s %10s %9s%n", "accounts", "conc", "overall",
                "calls", "wall ms", "floor ms", "ratio", "cpu µs/call", "client µs", "heap MB");
        for (int[] limits : new int[][] {{16, 32}, {16, 64}, {16, 128}}) {
            rows.add(measure(mapper, organization, dir, limits[0], limits[1]));
        }
        Path out = Path.of("target", "benchmarks");
        Files.createDirectories(out);
        mapper.writerWithDefaultPrettyPrinter().writeValue(out.resolve("organization.json").toFile(), rows);
    }

    private static ObjectNode measure(ObjectMapper mapper, Path organization, Path dir, int concurrency, int overall)
            throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean();
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
        ScanService service = new ScanService(CheckRegistry.builtIn().all(), ScanRunner.engine(),
                new ScanConnector(new BenchmarkOrganization(overall)), Clock.systemUTC());
        ScanRequest request = new ScanRequest(null, REGIONS, Set.of(), CheckParameters.defaults(), concurrency,
                Duration.ofSeconds(20), ScanRequest.DEFAULT_MAX_ATTEMPTS);
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        OrganizationScanResult result;
        try (TablewardenStore store = TablewardenStore.open(dir.resolve("org-" + overall + ".db"))) {
            result = new OrganizationScanService(service).run(ScanTarget.fixture(organization),
                    OrganizationScope.all(), MemberRoleSettings.defaults(), request, overall, store,
                    OrganizationListener.NONE, new CancellationToken());
        }
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        long cpuNanos = os.getProcessCpuTime() - cpuBefore;
        long clientNanos = cpuNanos - SIMULATOR_CPU_NANOS.get();
        sampler.interrupt();
        assertEquals(ACCOUNTS, result.accounts(Outcome.SCANNED).size());
        long calls = 0;
        for (AccountScan a : result.accounts(Outcome.SCANNED)) {
            assertEquals(ScanOutcome.ScanState.COMPLETED, a.result().outcome().state());
            calls += a.result().outcome().stats().apiCalls();
        }
        // Per account: its own wall against its own floor at its own limit, to tell a slow account from accounts
        // that wait for the machine.
        List<Double> accountRatios = new java.util.ArrayList<>();
        for (AccountScan a : result.accounts(Outcome.SCANNED)) {
            var stats = a.result().outcome().stats();
            accountRatios.add(stats.wallMillis() / ((double) stats.apiCalls() * LATENCY_MS / concurrency));
        }
        java.util.Collections.sort(accountRatios);
        System.out.printf("  per account: wall / own floor median %.2f, best %.2f, worst %.2f; %d accounts at once%n",
                accountRatios.get(accountRatios.size() / 2), accountRatios.get(0),
                accountRatios.get(accountRatios.size() - 1), Math.max(1, overall / concurrency));
        double floor = (double) calls * LATENCY_MS / overall;
        double ratio = wallMs / floor;
        long heapMb = (peak.get() - heapBefore) / (1024 * 1024);
        double cpuPerCall = cpuNanos / 1000.0 / calls;
        double clientPerCall = clientNanos / 1000.0 / calls;
        System.out.printf("%-8d %-6d %-7d %9d %10d %10.0f %7.2f %10.0f %10.0f %9d%n", ACCOUNTS, concurrency, overall,
                calls, wallMs, floor, ratio, cpuPerCall, clientPerCall, heapMb);
        ObjectNode row = mapper.createObjectNode();
        row.put("accounts", ACCOUNTS).put("regions", REGIONS.size()).put("tablesPerAccount", TABLES_PER_ACCOUNT)
                .put("latencyMs", LATENCY_MS).put("concurrencyPerAccount", concurrency).put("overallLimit", overall)
                .put("apiCalls", calls).put("wallMillis", wallMs).put("latencyFloorMillis", Math.round(floor))
                .put("ratioToFloor", Math.round(ratio * 100) / 100.0)
                .put("processCpuMicrosPerCall", Math.round(cpuPerCall))
                .put("clientCpuMicrosPerCall", Math.round(clientPerCall)).put("peakHeapGrowthMb", heapMb);
        return row;
    }

    /** Serves the organisation with pages of 100 and a thread for every call the overall limit lets in. */
    private static final class BenchmarkOrganization implements LocalAccounts {
        private final int overall;

        BenchmarkOrganization(int overall) {
            this.overall = overall;
        }

        @Override
        public LocalAccount start(Path fixture, int port) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LocalAccount startDemo(int port) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LocalAccount startOrganization(Path fixture, int port) {
            OrganizationSimulator simulator;
            try {
                simulator = OrganizationSimulator.start(fixture, SimulatorOptions.builder().port(port).pageSize(100)
                        .threads(overall * 2 + 16).build());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new LocalAccount() {
                @Override
                public java.net.URI endpoint() {
                    return simulator.endpoint();
                }

                @Override
                public String exampleRegion() {
                    return simulator.homeRegion();
                }

                @Override
                public void close() {
                    // the simulator's own CPU, read before its threads end, so the client's can be told apart
                    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                    long nanos = 0;
                    for (Thread t : Thread.getAllStackTraces().keySet()) {
                        if (t.getName().startsWith("organization-simulator-") || t.getName().startsWith("HTTP-")) {
                            nanos += Math.max(0, threads.getThreadCpuTime(t.getId()));
                        }
                    }
                    SIMULATOR_CPU_NANOS.set(nanos);
                    simulator.close();
                }
            };
        }
    }

    /** 50 copies of one synthetic account under their own ids: the management account and 49 members. */
    private static Path writeOrganization(Path dir) throws Exception {
        Path base = SyntheticAccount.write(dir.resolve("base.json"), REGIONS, TABLES_PER_ACCOUNT, LATENCY_MS);
        String text = Files.readString(base);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode org = mapper.createObjectNode();
        org.putObject("organization").put("id", "o-benchmark01").put("managementAccountId", id(0))
                .put("rootId", "r-bench");
        ArrayNode accounts = org.putArray("accounts");
        for (int i = 0; i < ACCOUNTS; i++) {
            String file = "account-" + i + ".json";
            Files.writeString(dir.resolve(file), text.replace(SyntheticAccount.ACCOUNT, id(i)));
            ObjectNode a = accounts.addObject().put("id", id(i)).put("name", "bench-" + i).put("fixture", file);
            if (i > 0) {
                a.putArray("roles").addObject().put("name", MemberRoleSettings.DEFAULT_ROLE_NAME);
            }
        }
        Path file = dir.resolve("organization.json");
        mapper.writeValue(file.toFile(), org);
        return file;
    }

    private static String id(int i) {
        return String.format("%012d", 100_000_000_000L + i);
    }
}
