package io.tablewarden.app;

import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.FailureKind;
import io.tablewarden.engine.ScanEngine;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.ScanStats;
import io.tablewarden.engine.checks.Check;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.simulator.AccountSimulator;
import io.tablewarden.simulator.SimulatorOptions;
import io.tablewarden.simulator.SyntheticAccount;
import io.tablewarden.store.NewScan;
import io.tablewarden.store.ScanRecorder;
import io.tablewarden.store.ScanSummary;
import io.tablewarden.store.TablewardenStore;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Measures whole scans of a generated account served by the simulator with a fixed latency on every answer
 * ({@code tablewarden bench}). Each run reports its calls, wall time, the latency floor
 * ({@code calls × latency ÷ concurrency}: the time the calls take if the concurrency were used perfectly), the
 * ratio of the two, the CPU the scanning side and the serving side spent per call, and the peak heap. A run at
 * concurrency 1 (one call at a time) times the same scan the naive way, so the speed-up is measured, not claimed.
 *
 * <p>The simulator runs in its own process by default: its CPU is then that process's CPU, and the scanning
 * process's CPU is all the client's. In-process, the simulator's CPU is read per thread and taken off the process's.
 */
public final class ScanBenchmark {

    /** Regions in the order a benchmark of {@code R} regions takes them: the first {@code R}. */
    public static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "eu-central-1", "ap-southeast-2",
            "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "sa-east-1", "eu-west-2", "eu-west-3",
            "eu-north-1", "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1");

    /** Where the simulator runs. */
    public enum ServerMode { IN_PROCESS, SEPARATE }

    /**
     * What to measure.
     *
     * @param tables        tables of the generated account, spread evenly over the regions
     * @param regions       how many regions (the first of {@link #REGIONS})
     * @param latencyMs     delay added to every answer
     * @param concurrencies the concurrencies to run, in order
     * @param server        where the simulator runs
     * @param naive         whether to time the same scan at concurrency 1 as well
     * @param workDir       where the generated fixture is written
     * @param store         whether every scan is recorded in a store (a database file in {@code workDir}) as a
     *                      scan of the workbench or {@code scan --store} is: regions, raw answers and results
     */
    public record Settings(int tables, int regions, int latencyMs, List<Integer> concurrencies, ServerMode server,
                           boolean naive, Path workDir, boolean store) {

        /** Settings of scans that are not recorded in a store. */
        public Settings(int tables, int regions, int latencyMs, List<Integer> concurrencies, ServerMode server,
                        boolean naive, Path workDir) {
            this(tables, regions, latencyMs, concurrencies, server, naive, workDir, false);
        }

        public Settings {
            if (tables < 0) {
                throw new IllegalArgumentException("--tables must not be negative");
            }
            if (regions < 1 || regions > REGIONS.size()) {
                throw new IllegalArgumentException("--regions must be between 1 and " + REGIONS.size());
            }
            if (latencyMs < 1) {
                throw new IllegalArgumentException("--latency-ms must be at least 1 (the floor divides by it)");
            }
            concurrencies = List.copyOf(concurrencies);
            for (int c : concurrencies) {
                if (c < 1 || c > ScanRequest.MAX_CONCURRENCY) {
                    throw new IllegalArgumentException("--concurrency must be between 1 and "
                            + ScanRequest.MAX_CONCURRENCY + ", got " + c);
                }
            }
            if (concurrencies.isEmpty() && !naive) {
                throw new IllegalArgumentException("nothing to measure: no concurrency and no naive run");
            }
        }
    }

    /**
     * The figures of one scan.
     *
     * @param naive              whether this is the one-call-at-a-time run
     * @param calls              attempts sent, retries included
     * @param floorMillis        {@code calls × latency ÷ concurrency}
     * @param ratio              wall ÷ floor
     * @param clientCpuMsPerCall CPU of the scanning side per call (-1 when the platform cannot tell)
     * @param serverCpuMsPerCall CPU of the simulator per call (-1 when the platform cannot tell)
     * @param peakHeapMb         the highest heap use during the scan (sum of the heap pools' peaks)
     * @param results            check results of the scan
     * @param callsByOperation   attempts per IAM action
     */
    public record Run(boolean naive, int tables, int regions, int concurrency, long calls, double callsPerTable,
                      long wallMillis, double floorMillis, double ratio, double callsPerSecond, long retries,
                      double clientCpuMsPerCall, double serverCpuMsPerCall, long peakHeapMb, int results,
                      Map<String, Long> callsByOperation) {
    }

    /** Every run of one benchmark, in the order they ran. */
    public record Report(Settings settings, List<Run> runs) {

        /** The run furthest from its latency floor (naive run included). */
        public Run worst() {
            return runs.stream().max(java.util.Comparator.comparingDouble(Run::ratio)).orElse(null);
        }

        /** The fastest concurrent run, or null. */
        public Run fastest() {
            return runs.stream().filter(r -> !r.naive()).min(java.util.Comparator.comparingLong(Run::wallMillis))
                    .orElse(null);
        }

        /** The naive run, or null. */
        public Run naiveRun() {
            return runs.stream().filter(Run::naive).findFirst().orElse(null);
        }
    }

    private final List<Check> checks;

    public ScanBenchmark(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /**
     * Generates the account, serves it, scans it once to warm up (not reported), then once per concurrency and
     * (when asked) once at concurrency 1; {@code each} sees each run as it finishes.
     *
     * @throws AppException when the simulator cannot start or a scan does not complete
     */
    public Report run(Settings settings, Consumer<Run> each) {
        List<String> regions = REGIONS.subList(0, settings.regions());
        Path fixture;
        try {
            Files.createDirectories(settings.workDir());
            fixture = SyntheticAccount.write(settings.workDir().resolve("benchmark-account.json"), regions,
                    settings.tables(), settings.latencyMs());
        } catch (IOException e) {
            throw new AppException(FailureKind.OTHER, "cannot write the benchmark account: " + e.getMessage(), e);
        }
        List<Run> runs = new ArrayList<>();
        try (Served server = settings.server() == ServerMode.SEPARATE ? Served.separate(fixture, settings.workDir())
                : Served.inProcess(fixture)) {
            int warmUp = settings.concurrencies().isEmpty() ? 1 : settings.concurrencies().get(0);
            measure(settings, regions, server, warmUp, false);
            for (int concurrency : settings.concurrencies()) {
                Run run = measure(settings, regions, server, concurrency, false);
                runs.add(run);
                each.accept(run);
            }
            if (settings.naive()) {
                Run run = measure(settings, regions, server, 1, true);
                runs.add(run);
                each.accept(run);
            }
        }
        return new Report(settings, List.copyOf(runs));
    }

    private Run measure(Settings settings, List<String> regions, Served server, int concurrency, boolean naive) {
        List<MemoryPoolMXBean> heap = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                heap.add(pool);
            }
        }
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long serverBefore = server.cpuNanos();
        long processBefore = processCpuNanos();
        ScanRequest request = new ScanRequest(ConnectionSettings.forSimulator(server.endpoint(), regions.get(0)),
                regions, Set.of(), CheckParameters.defaults(), concurrency, ScanRequest.DEFAULT_CALL_TIMEOUT,
                ScanRequest.DEFAULT_MAX_ATTEMPTS);
        ScanOutcome outcome;
        if (settings.store()) {
            try (TablewardenStore store = TablewardenStore.open(settings.workDir().resolve("benchmark.db"));
                 ScanRecorder recorder = ScanRecorder.start(store, new NewScan(null, null, regions, List.of(),
                         request.parameters(), "bench", java.time.Instant.now(), null))) {
                // Results go to the store as regions finish and are not kept for the outcome as well.
                outcome = new ScanEngine(checks).streamingResults().run(request, recorder, new CancellationToken());
                ScanSummary stored = recorder.finish(outcome, java.time.Instant.now());
                int rows = store.scans().resultCount(stored.id());
                if (rows != resultCount(outcome) || stored.state() != io.tablewarden.store.StoredScanState.COMPLETED) {
                    throw new AppException(FailureKind.OTHER, "the benchmark scan stored " + rows + " of its "
                            + resultCount(outcome) + " results (" + stored.state() + ")", null);
                }
            }
        } else {
            outcome = new ScanEngine(checks).run(request, ScanListener.NONE, new CancellationToken());
        }
        long processCpu = processCpuNanos() - processBefore;
        long serverCpu = server.cpuNanos() - serverBefore;
        long peak = 0;
        for (MemoryPoolMXBean pool : heap) {
            peak += pool.getPeakUsage() == null ? 0 : pool.getPeakUsage().getUsed();
        }
        if (outcome.state() != ScanOutcome.ScanState.COMPLETED) {
            throw new AppException(FailureKind.OTHER, "the benchmark scan did not complete: "
                    + outcome.state() + (outcome.failureReason() == null ? "" : " (" + outcome.failureReason() + ")"), null);
        }
        ScanStats s = outcome.stats();
        long calls = s.apiCalls();
        double floor = (double) calls * settings.latencyMs() / concurrency;
        // In-process, the simulator's threads are part of the process: take them off the client's share.
        long clientCpu = processBefore < 0 ? -1
                : server.inProcess() ? (serverBefore < 0 ? -1 : processCpu - serverCpu) : processCpu;
        return new Run(naive, settings.tables(), regions.size(), concurrency, calls,
                settings.tables() == 0 ? 0 : (double) calls / settings.tables(), s.wallMillis(), floor,
                floor == 0 ? 0 : s.wallMillis() / floor, calls * 1000.0 / Math.max(1, s.wallMillis()), s.retries(),
                perCall(clientCpu, calls), perCall(serverBefore < 0 ? -1 : serverCpu, calls), peak / (1024 * 1024),
                resultCount(outcome), s.apiCallsByOperation());
    }

    /** Results of a scan, counted by the engine (a streamed outcome lists none). */
    private static int resultCount(ScanOutcome outcome) {
        return (int) outcome.stats().resultsByStatus().values().stream().mapToLong(Long::longValue).sum();
    }

    private static double perCall(long nanos, long calls) {
        return nanos < 0 || calls == 0 ? -1 : nanos / 1e6 / calls;
    }

    /** CPU time of this whole process, or -1 when the JVM does not say. */
    static long processCpuNanos() {
        try {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                return os.getProcessCpuTime();
            }
        } catch (LinkageError notAvailable) {
            // a runtime without the jdk.management module
        }
        return -1;
    }

    /**
     * The JIT and class-data flags this process was started with, for the simulator's process: the server's CPU
     * per call is then measured with the same settings as the client's (a launcher's flags included).
     */
    static List<String> jvmFlagsToShare() {
        List<String> flags = new ArrayList<>();
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-XX:TieredStopAtLevel=") || arg.startsWith("-XX:CICompilerCount=")
                    || arg.equals("-XX:-TieredCompilation") || arg.startsWith("-XX:SharedArchiveFile=")
                    || arg.startsWith("-Xshare:")) {
                flags.add(arg);
            }
        }
        return flags;
    }

    /** The simulator as the benchmark sees it: where to call, and how much CPU it has used. */
    private interface Served extends AutoCloseable {
        URI endpoint();

        /** CPU used by the simulator so far, or -1 when it cannot be told. */
        long cpuNanos();

        /** Whether the simulator's CPU is also counted in this process's. */
        boolean inProcess();

        @Override
        void close();

        static Served inProcess(Path fixture) {
            AccountSimulator simulator;
            try {
                simulator = AccountSimulator.start(fixture, SimulatorOptions.builder().port(0).build());
            } catch (Exception e) {
                throw SimulatedAccounts.startFailure("the benchmark account", e);
            }
            return new Served() {
                @Override
                public URI endpoint() {
                    return simulator.endpoint();
                }

                @Override
                public long cpuNanos() {
                    return simulator.serverCpuNanos();
                }

                @Override
                public boolean inProcess() {
                    return true;
                }

                @Override
                public void close() {
                    simulator.close();
                }
            };
        }

        /** {@code tablewarden simulate --fixture} in a child JVM of the same runtime and class path. */
        static Served separate(Path fixture, Path workDir) {
            String launcher = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(launcher));
            command.addAll(jvmFlagsToShare());
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.tablewarden.Main", "simulate",
                    "--fixture", fixture.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectError(workDir.resolve("simulator.log").toFile());
            Process process;
            URI endpoint = null;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new AppException(FailureKind.OTHER, "cannot start the simulator process: " + e.getMessage(), e);
            }
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8));
                String prefix = "Simulator listening on ";
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith(prefix)) {
                        endpoint = URI.create(line.substring(prefix.length()).trim());
                        break;
                    }
                }
                // The rest of its output is not needed; drain it so the child never blocks on a full pipe.
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException ended) {
                        // the process ended
                    }
                }, "benchmark-simulator-output");
                drain.setDaemon(true);
                drain.start();
            } catch (IOException e) {
                process.destroyForcibly();
                throw new AppException(FailureKind.OTHER, "cannot read the simulator process: " + e.getMessage(), e);
            }
            if (endpoint == null) {
                process.destroyForcibly();
                throw new AppException(FailureKind.OTHER, "the simulator process ended before serving (see "
                        + workDir.resolve("simulator.log") + ")", null);
            }
            URI served = endpoint;
            ProcessHandle handle = process.toHandle();
            return new Served() {
                @Override
                public URI endpoint() {
                    return served;
                }

                @Override
                public long cpuNanos() {
                    return handle.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
                }

                @Override
                public boolean inProcess() {
                    return false;
                }

                @Override
                public void close() {
                    process.destroy();
                    try {
                        if (!process.waitFor(5, TimeUnit.SECONDS)) {
                            process.destroyForcibly();
                        }
                    } catch (InterruptedException e) {
                        process.destroyForcibly();
                        Thread.currentThread().interrupt();
                    }
                }
            };
        }
    }
}
