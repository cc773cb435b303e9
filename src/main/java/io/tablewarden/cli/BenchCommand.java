package io.tablewarden.cli;

import io.tablewarden.app.ScanBenchmark;
import io.tablewarden.app.ScanBenchmark.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code tablewarden bench}: scans a generated account served with a fixed latency and prints the figures. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = TablewardenCommand.Version.class,
        sortOptions = false,
        description = {"Generates an account, serves it on 127.0.0.1 with a fixed latency on every answer, scans it "
                + "at each concurrency and once one call at a time, and prints calls, wall time, the latency floor "
                + "(calls x latency / concurrency), their ratio, CPU per call and peak heap of every run."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--tables", paramLabel = "N", description = "Tables in the account (default: ${DEFAULT-VALUE}).")
    int tables = 2_000;

    @Option(names = "--regions", paramLabel = "R", description = "Regions the tables are spread over, 1 to 17 "
            + "(default: ${DEFAULT-VALUE}).")
    int regions = 4;

    @Option(names = "--latency-ms", paramLabel = "L", description = "Delay of every answer (default: ${DEFAULT-VALUE}).")
    int latencyMs = 20;

    @Option(names = "--concurrency", split = ",", paramLabel = "C", description = "Concurrencies to measure "
            + "(default: 16,32,64).")
    List<Integer> concurrency = new ArrayList<>(List.of(16, 32, 64));

    @Option(names = "--server", paramLabel = "MODE", description = "Where the simulator runs: separate (its own "
            + "process, default) or in-process.")
    String server = "separate";

    @Option(names = "--no-naive", negatable = false, description = "Skip the run at concurrency 1.")
    boolean noNaive;

    @Option(names = "--store", description = "Record every scan in a database as a stored scan is recorded "
            + "(regions, raw answers, results), and check that every result was stored.")
    boolean store;

    @Option(names = "--no-store-figure", negatable = false, description = "Skip the store's figure (results "
            + "written as a scan writes them).")
    boolean noStoreFigure;

    @Option(names = "--store-results", paramLabel = "N", description = "Results the store's figure writes "
            + "(default: ${DEFAULT-VALUE}).")
    int storeResults = 150_000;

    @Option(names = "--filter-rows", paramLabel = "N", description = "Results in the findings table of the "
            + "findings-filter figure (default: ${DEFAULT-VALUE}; 0 skips it).")
    int filterRows = 150_000;

    @Option(names = "--operations", description = "Also print the calls of each operation per run.")
    boolean operations;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write every figure to FILE as JSON.")
    Path json;

    private final CliContext ctx;

    BenchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        ScanBenchmark.ServerMode mode = switch (server.toLowerCase(Locale.ROOT)) {
            case "separate" -> ScanBenchmark.ServerMode.SEPARATE;
            case "in-process" -> ScanBenchmark.ServerMode.IN_PROCESS;
            default -> throw new ParameterException(spec.commandLine(),
                    "--server must be separate or in-process, got " + server);
        };
        if (storeResults < 1) {
            throw new ParameterException(spec.commandLine(), "--store-results must be at least 1");
        }
        Path work = Files.createTempDirectory("tablewarden-bench");
        ScanBenchmark.Settings settings;
        try {
            settings = new ScanBenchmark.Settings(tables, regions, latencyMs, concurrency, mode, !noNaive, work, store);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintStream out = ctx.out();
        out.printf(Locale.ROOT, "%d tables in %d regions, %d ms per answer, simulator %s%s, heap limit %d MB%n",
                tables, regions, latencyMs,
                mode == ScanBenchmark.ServerMode.SEPARATE ? "in its own process" : "in this process",
                store ? ", every scan stored" : "", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        out.printf(Locale.ROOT, "%-6s %5s %7s %6s %8s %8s %6s %7s %7s %9s %9s %7s%n", "run", "conc", "calls",
                "/table", "wall ms", "floor ms", "ratio", "calls/s", "retries", "client ms", "server ms", "heap MB");
        out.flush();
        ScanBenchmark.Report report;
        try {
            report = new ScanBenchmark(ctx.checks().get()).run(settings, run -> {
                print(out, run);
                if (operations) {
                    run.callsByOperation().forEach((op, n) -> out.printf(Locale.ROOT, "         %-55s %7d%n", op, n));
                }
                out.flush();
            });
        } finally {
            deleteQuietly(work);
        }
        Run fastest = report.fastest();
        Run naive = report.naiveRun();
        if (fastest != null && naive != null) {
            out.printf(Locale.ROOT, "speed-up over one call at a time: %.1fx (%d ms at concurrency %d, %d ms naive)%n",
                    (double) naive.wallMillis() / Math.max(1, fastest.wallMillis()), fastest.wallMillis(),
                    fastest.concurrency(), naive.wallMillis());
        }
        io.tablewarden.app.StoreWriteTiming.Figure storeFigure = null;
        if (!noStoreFigure) {
            Path storeDir = Files.createTempDirectory("tablewarden-bench-store");
            try {
                storeFigure = io.tablewarden.app.StoreWriteTiming.measure(storeDir, storeResults);
            } finally {
                deleteQuietly(storeDir);
            }
            out.printf(Locale.ROOT, "store: %,d results (%,d tables in 4 regions) written in %,d ms, %,.0f results/s "
                    + "(target: 150,000 in 3,000 ms or less)%n", storeFigure.results(), storeFigure.tables(),
                    storeFigure.millis(), storeFigure.resultsPerSecond());
        }
        io.tablewarden.app.FindingsFilterTiming.Figure filterFigure = null;
        if (filterRows > 0) {
            java.util.Optional<io.tablewarden.app.FindingsFilterTiming> timing =
                    io.tablewarden.app.FindingsFilterTiming.available();
            if (timing.isEmpty()) {
                out.println("findings filter: not measured (this build has no workbench)");
            } else {
                filterFigure = timing.get().measure(filterRows, FILTER_SEARCH);
                out.printf(Locale.ROOT, "findings filter: %,d results loaded and sorted in %.0f ms; typing and "
                        + "deleting \"%s\" (%d keystrokes): median %.1f ms, worst %.1f ms per keystroke "
                        + "(target: 100 ms or less)%n", filterFigure.rows(), filterFigure.loadMillis(), FILTER_SEARCH,
                        filterFigure.keystrokes().size(), filterFigure.medianMillis(), filterFigure.worstMillis());
            }
        }
        Run worst = report.worst();
        out.printf(Locale.ROOT, "worst ratio to the latency floor: %.2f (%s)%n", worst.ratio(),
                worst.naive() ? "one call at a time" : "concurrency " + worst.concurrency());
        out.flush();
        if (json != null) {
            writeJson(report, storeFigure, filterFigure);
        }
        return ExitCodes.OK;
    }

    private static void print(PrintStream out, Run r) {
        out.printf(Locale.ROOT, "%-6s %5d %7d %6.2f %8d %8.0f %6.2f %7.0f %7d %9s %9s %7d%n",
                r.naive() ? "naive" : "scan", r.concurrency(), r.calls(), r.callsPerTable(), r.wallMillis(),
                r.floorMillis(), r.ratio(), r.callsPerSecond(), r.retries(), ms(r.clientCpuMsPerCall()),
                ms(r.serverCpuMsPerCall()), r.peakHeapMb());
    }

    private static String ms(double value) {
        return value < 0 ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }

    /** What the findings-filter figure types: a table name, as someone looking for one table would. */
    static final String FILTER_SEARCH = "table-3712";

    private void writeJson(ScanBenchmark.Report report, io.tablewarden.app.StoreWriteTiming.Figure storeFigure,
                           io.tablewarden.app.FindingsFilterTiming.Figure filterFigure) throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = mapper.createObjectNode();
        root.put("tables", tables).put("regions", regions).put("latencyMs", latencyMs)
                .put("server", server.toLowerCase(Locale.ROOT));
        com.fasterxml.jackson.databind.node.ArrayNode runs = root.putArray("runs");
        for (Run r : report.runs()) {
            com.fasterxml.jackson.databind.node.ObjectNode n = runs.addObject();
            n.put("naive", r.naive()).put("concurrency", r.concurrency()).put("calls", r.calls())
                    .put("callsPerTable", r.callsPerTable()).put("wallMillis", r.wallMillis())
                    .put("floorMillis", r.floorMillis()).put("ratio", r.ratio())
                    .put("callsPerSecond", r.callsPerSecond()).put("retries", r.retries())
                    .put("clientCpuMsPerCall", r.clientCpuMsPerCall())
                    .put("serverCpuMsPerCall", r.serverCpuMsPerCall()).put("peakHeapMb", r.peakHeapMb())
                    .put("results", r.results());
            com.fasterxml.jackson.databind.node.ObjectNode ops = n.putObject("callsByOperation");
            for (Map.Entry<String, Long> e : r.callsByOperation().entrySet()) {
                ops.put(e.getKey(), e.getValue());
            }
        }
        if (storeFigure != null) {
            root.putObject("store").put("results", storeFigure.results()).put("tables", storeFigure.tables())
                    .put("millis", storeFigure.millis());
        }
        if (filterFigure != null) {
            com.fasterxml.jackson.databind.node.ObjectNode filter = root.putObject("findingsFilter");
            filter.put("rows", filterFigure.rows()).put("loadMillis", filterFigure.loadMillis())
                    .put("medianKeystrokeMillis", filterFigure.medianMillis())
                    .put("worstKeystrokeMillis", filterFigure.worstMillis());
            com.fasterxml.jackson.databind.node.ArrayNode keys = filter.putArray("keystrokes");
            for (io.tablewarden.app.FindingsFilterTiming.Keystroke k : filterFigure.keystrokes()) {
                keys.addObject().put("text", k.text()).put("visible", k.visible()).put("millis", k.millis());
            }
        }
        io.tablewarden.platform.AtomicFiles.write(json, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
