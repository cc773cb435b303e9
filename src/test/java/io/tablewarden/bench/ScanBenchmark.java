package io.tablewarden.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tablewarden.app.ScanBenchmark.Report;
import io.tablewarden.app.ScanBenchmark.Run;
import io.tablewarden.app.ScanBenchmark.ServerMode;
import io.tablewarden.app.ScanBenchmark.Settings;
import io.tablewarden.engine.checks.CheckRegistry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code tablewarden bench} with its defaults, from Maven: 2,000 tables in 4 regions, 20 ms per answer,
 * concurrency 16, 32 and 64 and one call at a time, with the simulator in the test's own process (its CPU is
 * measured per thread and taken off the client's). Figures are printed and written to
 * {@code target/benchmarks/scan.json}; nothing here asserts on time.
 *
 * <p>{@code mvn -o -q -B test -Pbenchmark -Dui.skip=true -Dtest=ScanBenchmark}
 */
@Tag("benchmark")
class ScanBenchmark {

    @Test
    void theBenchCommandsDefaultRuns(@TempDir Path dir) throws Exception {
        Settings settings = new Settings(2_000, 4, 20, List.of(16, 32, 64), ServerMode.IN_PROCESS, true, dir);
        System.out.printf("%-6s %5s %7s %6s %8s %8s %6s %9s %9s %7s%n", "run", "conc", "calls", "/table", "wall ms",
                "floor ms", "ratio", "client ms", "server ms", "heap MB");
        Report report = new io.tablewarden.app.ScanBenchmark(CheckRegistry.builtIn().all()).run(settings, r ->
                System.out.printf("%-6s %5d %7d %6.2f %8d %8.0f %6.2f %9.3f %9.3f %7d%n", r.naive() ? "naive" : "scan",
                        r.concurrency(), r.calls(), r.callsPerTable(), r.wallMillis(), r.floorMillis(), r.ratio(),
                        r.clientCpuMsPerCall(), r.serverCpuMsPerCall(), r.peakHeapMb()));
        Run worst = report.worst();
        System.out.printf("worst ratio to the latency floor: %.2f (concurrency %d)%n", worst.ratio(),
                worst.concurrency());
        assertEquals(4, report.runs().size());
        Path out = Path.of("target", "benchmarks");
        Files.createDirectories(out);
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out.resolve("scan.json").toFile(),
                report.runs());
    }
}
