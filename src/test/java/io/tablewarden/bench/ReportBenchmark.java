package io.tablewarden.bench;

import io.tablewarden.simulator.SyntheticAccount;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tablewarden.app.StoredScans;
import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.ScanEngine;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.checks.Check;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.report.OutputFormat;
import io.tablewarden.report.ScanReport;
import io.tablewarden.simulator.AccountSimulator;
import io.tablewarden.simulator.SimulatorOptions;
import io.tablewarden.store.NewScan;
import io.tablewarden.store.ScanRecorder;
import io.tablewarden.store.TablewardenStore;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reports of a 2,000-table scan (about 22,000 results): how long building the stored scan's report takes (with
 * its mutes and first sightings, over two stored scans), how long each format takes to write and how big it is, and
 * how long headless Chromium takes until the HTML report is usable (at its cover: loaded, its script run, painted;
 * landing on the findings: loaded with the resources in view drawn), beside the time it takes for an empty page. Figures are printed and written to {@code target/benchmarks/report.json}; nothing is asserted on
 * time. Run with {@code mvn -B test -Pbenchmark -Dtest=ReportBenchmark}.
 */
@Tag("benchmark")
class ReportBenchmark {

    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "eu-central-1", "ap-southeast-2");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void reportsOfALargeScan(@TempDir Path dir) throws Exception {
        Path fixture = SyntheticAccount.write(dir.resolve("large.json"), REGIONS, 2_000, 0);
        List<Check> checks = CheckRegistry.builtIn().all();
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode figures = mapper.createObjectNode();
        try (TablewardenStore store = TablewardenStore.open(dir.resolve("tw.db"));
             AccountSimulator simulator = AccountSimulator.start(fixture,
                     SimulatorOptions.builder().port(0).pageSize(100).threads(64).build())) {
            record(store, simulator, checks, Instant.parse("2026-11-01T10:00:00Z"));
            long scanId = record(store, simulator, checks, Instant.parse("2026-11-02T10:00:00Z"));
            store.mutes().add("*", "arn:aws:dynamodb:us-east-1:*:table/*", "benchmark mute", "bench", null);
            StoredScans scans = new StoredScans(store, checks);

            scans.report(scanId); // warm-up: class loading and JIT
            long t0 = System.nanoTime();
            ScanReport report = scans.report(scanId, scanId - 1);
            long buildMs = millisSince(t0);
            figures.put("results", report.results().size()).put("reportBuildMillis", buildMs);
            System.out.printf("%d results; stored report with mutes, first sightings and baseline built in %d ms%n",
                    report.results().size(), buildMs);
            System.out.printf("%-8s %10s %12s%n", "format", "write ms", "bytes");
            for (OutputFormat format : OutputFormat.values()) {
                Path file = dir.resolve("report." + format);
                write(report, format, file); // warm-up
                long start = System.nanoTime();
                write(report, format, file);
                long ms = millisSince(start);
                long size = Files.size(file);
                System.out.printf("%-8s %10d %12d%n", format, ms, size);
                figures.putObject(format.toString()).put("writeMillis", ms).put("bytes", size);
            }
        }
        if (Files.isExecutable(CHROMIUM)) {
            Path html = dir.resolve("report.html").toAbsolutePath();
            Path blank = Files.writeString(dir.resolve("blank.html"), "<!DOCTYPE html><title>blank</title>");
            chromium(dir.resolve("warm"), blank, "--screenshot=" + dir.resolve("warm.png"));
            long emptyMs = chromium(dir.resolve("p1"), blank, "--screenshot=" + dir.resolve("blank.png"));
            // At the cover, until the page is usable and painted: Chromium starts, loads and parses the page, the
            // script parses the data block and counts the results for the filter, the load event fires, the page is
            // laid out and painted, the screenshot is taken and Chromium exits.
            long coverMs = chromium(dir.resolve("p2"), html.toUri().toString(), "--screenshot="
                    + dir.resolve("cover.png"));
            // Landing on the findings (report.html#resources): the same until the load event, by which time the
            // script has also drawn the resources the reader lands on; then the DOM is written out and Chromium
            // exits. (Headless Chromium's screenshot of a page opened at a fragment comes out blank, with this
            // report as with any page, so this run writes the DOM instead, which also proves the drawing.)
            String findings = html.toUri() + "#resources";
            Path dom = dir.resolve("findings.html");
            long findingsMs = chromium(dir.resolve("p3"), findings, "--dump-dom", dom);
            Document page = Jsoup.parse(dom.toFile(), "UTF-8");
            // The page's own clock: when its script had finished, in milliseconds after navigation started.
            long readyMs = Long.parseLong(page.selectFirst("html").attr("data-ready"));
            int drawn = page.select(".result").size();
            assertTrue(drawn > 0, "the findings the reader lands on are drawn");
            System.out.printf("chromium, process start to exit: cover until painted %d ms; landing on the findings, "
                    + "until loaded with %d results drawn, %d ms; empty page %d ms; the page's script done %d ms "
                    + "after navigation start%n", coverMs, drawn, findingsMs, emptyMs, readyMs);
            figures.put("chromiumReportMillis", coverMs).put("chromiumFindingsMillis", findingsMs)
                    .put("chromiumEmptyPageMillis", emptyMs).put("pageScriptDoneMillis", readyMs)
                    .put("resultsDrawnOnLanding", drawn);
        }
        Path out = Path.of("target", "benchmarks");
        Files.createDirectories(out);
        // Kept for a look at what the bytes are made of.
        Files.copy(dir.resolve("report.html"), out.resolve("report.html"), StandardCopyOption.REPLACE_EXISTING);
        if (Files.exists(dir.resolve("cover.png"))) {
            Files.copy(dir.resolve("cover.png"), out.resolve("report-cover.png"), StandardCopyOption.REPLACE_EXISTING);
        }
        mapper.writerWithDefaultPrettyPrinter().writeValue(out.resolve("report.json").toFile(), figures);
    }

    private static long record(TablewardenStore store, AccountSimulator simulator, List<Check> checks, Instant at) {
        ScanRequest request = new ScanRequest(ConnectionSettings.forSimulator(simulator.endpoint()), REGIONS,
                Set.of(), CheckParameters.defaults(), 32, Duration.ofSeconds(20), 6);
        ScanRecorder recorder = ScanRecorder.start(store, new NewScan(null, null, REGIONS, List.of(),
                CheckParameters.defaults(), "bench", at, null));
        ScanOutcome outcome = new ScanEngine(checks).run(request, recorder, new CancellationToken());
        assertEquals(ScanOutcome.ScanState.COMPLETED, outcome.state(), String.valueOf(outcome.failureReason()));
        recorder.finish(outcome, at.plusSeconds(60));
        return recorder.scanId();
    }

    private static void write(ScanReport report, OutputFormat format, Path file) throws Exception {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            format.writer().write(report, out);
        }
    }

    private static long chromium(Path profile, Path page, String action) throws Exception {
        return chromium(profile, page.toUri().toString(), action, null);
    }

    private static long chromium(Path profile, String url, String action) throws Exception {
        return chromium(profile, url, action, null);
    }

    /**
     * Wall time of a headless Chromium that opens {@code url}, runs its script and takes the {@code action}
     * (a screenshot, or the DOM written to {@code output}) once the page has loaded.
     */
    private static long chromium(Path profile, String url, String action, Path output) throws Exception {
        Files.createDirectories(profile);
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--window-size=1280,900", action, url));
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(profile.resolve("log.txt").toFile());
        builder.redirectOutput(output == null ? profile.resolve("out.txt").toFile() : output.toFile());
        Process p = builder.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s");
        }
        return millisSince(start);
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
