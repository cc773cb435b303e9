package io.tablewarden.report.html;

import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;
import io.tablewarden.report.DemoReports;
import io.tablewarden.report.ScanReport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens the demo account's HTML report in headless Chromium (Debian's {@code chromium}): the page runs its script
 * without console errors or policy violations, the filter works, and a screenshot and a PDF are made under
 * {@code target/reports/} for a person to look at. CI installs Chromium; elsewhere the test is skipped when it is
 * missing, but never on CI.
 */
class HtmlReportBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path OUT = Path.of("target", "reports");

    private static Path report;
    private static ScanReport demo;

    @BeforeAll
    static void writeReport() throws Exception {
        boolean available = Files.isExecutable(CHROMIUM);
        if (!available && System.getenv("CI") != null) {
            throw new AssertionError("CI must install chromium for the report tests (.ci/run does)");
        }
        assumeTrue(available, "chromium is not installed");
        demo = DemoReports.demo();
        Files.createDirectories(OUT);
        report = OUT.resolve("demo-report.html").toAbsolutePath();
        Files.writeString(report, HtmlReportWriterTest.render(demo), StandardCharsets.UTF_8);
    }

    @Test
    void theScriptRunsWithoutConsoleErrorsAndTheFilterWorks(@TempDir Path profile) throws Exception {
        CheckResult failing = demo.results().stream().filter(r -> r.status() == Status.FAIL).findFirst()
                .orElseThrow();
        String name = failing.resource().name();
        Run run = chromium(profile, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000",
                "--dump-dom", report.toUri() + "#q=" + name);
        assertEquals(0, run.exit, run.stderr);
        for (String line : run.stderr.split("\n")) {
            assertFalse(line.contains("Uncaught") || line.contains("Refused to") || line.contains(":ERROR:CONSOLE"),
                    "browser console: " + line);
        }
        Document dom = Jsoup.parse(run.stdout);
        assertTrue(dom.selectFirst("html").hasClass("js"), "the script ran");
        assertFalse(dom.getElementById("filters").hasAttr("hidden"), "the filter bar is shown");
        long expected = 0;
        for (Element row : dom.select(".result")) {
            boolean visible = !row.hasClass("hidden-by-filter");
            boolean matches = row.attr("data-search").contains(name.toLowerCase());
            assertEquals(matches, visible, "row " + row.attr("data-search"));
            expected += matches ? 1 : 0;
        }
        assertTrue(expected > 0);
        assertEquals(expected + " of " + demo.results().size() + " results", dom.getElementById("shown").text());
    }

    @Test
    void aScreenshotAndAPrintedPdfAreMade(@TempDir Path profile) throws Exception {
        Path png = OUT.resolve("demo-report.png").toAbsolutePath();
        Path pdf = OUT.resolve("demo-report.pdf").toAbsolutePath();
        Files.deleteIfExists(png);
        Files.deleteIfExists(pdf);
        Run shot = chromium(profile, "--window-size=1280,2400", "--hide-scrollbars", "--screenshot=" + png,
                report.toUri().toString());
        assertEquals(0, shot.exit, shot.stderr);
        Run print = chromium(profile.resolve("print"), "--no-pdf-header-footer", "--print-to-pdf=" + pdf,
                report.toUri().toString());
        assertEquals(0, print.exit, print.stderr);
        assertTrue(Files.size(png) > 20_000, "screenshot written");
        assertTrue(Files.size(pdf) > 20_000, "PDF written");
        byte[] head = Files.readAllBytes(pdf);
        assertEquals("%PDF", new String(head, 0, 4, StandardCharsets.US_ASCII));
    }

    @Test
    void hostileNamesStayInertInTheBrowser(@TempDir Path profile) throws Exception {
        Path hostile = OUT.resolve("hostile-report.html").toAbsolutePath();
        Files.writeString(hostile, HtmlReportWriterTest.render(HtmlReportWriterTest.hostileReport()),
                StandardCharsets.UTF_8);
        Run run = chromium(profile, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=3000",
                "--dump-dom", hostile.toUri().toString());
        assertEquals(0, run.exit, run.stderr);
        Document dom = Jsoup.parse(run.stdout);
        assertEquals(1, dom.select("script").size(), "no script was added");
        assertTrue(dom.select("img").isEmpty(), "no image element was created");
        for (String text : HtmlReportWriterTest.HOSTILE) {
            assertTrue(dom.text().contains(text), "shown as text: " + text);
        }
        assertFalse(run.stderr.contains("Refused to execute"), "nothing tried to run: " + run.stderr);
    }

    private record Run(int exit, String stdout, String stderr) {
    }

    private static Run chromium(Path profile, String... args) throws IOException, InterruptedException {
        Files.createDirectories(profile);
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("chromium", ".out");
        Path err = Files.createTempFile("chromium", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("chromium did not finish in 90 s");
            }
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
