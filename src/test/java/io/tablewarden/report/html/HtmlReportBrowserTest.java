package io.tablewarden.report.html;

import io.tablewarden.engine.remediation.RemediationRenderer;
import io.tablewarden.model.CheckMetadata;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

    /** Flags that let the page draw every section: a window taller than the page, and time for the observer. */
    private static final String[] EVERYTHING_IN_VIEW = {"--window-size=1280,30000", "--virtual-time-budget=5000"};

    @Test
    void theScriptRunsWithoutConsoleErrorsAndTheFilterWorks(@TempDir Path profile) throws Exception {
        CheckResult failing = demo.results().stream().filter(r -> r.status() == Status.FAIL).findFirst()
                .orElseThrow();
        String name = failing.resource().name();
        Run run = chromium(profile, "--enable-logging=stderr", "--v=0", EVERYTHING_IN_VIEW[0],
                EVERYTHING_IN_VIEW[1], "--dump-dom", report.toUri() + "#q=" + name);
        assertEquals(0, run.exit, run.stderr);
        assertNoConsoleErrors(run);
        Document dom = Jsoup.parse(run.stdout);
        assertTrue(dom.selectFirst("html").hasClass("js"), "the script ran");
        assertFalse(dom.getElementById("filters").hasAttr("hidden"), "the filter bar is shown");
        // What the filter looks in, for each result: resource, check, status, severity, control and reason.
        long expected = demo.results().stream().filter(r -> searchText(r).contains(name.toLowerCase())).count();
        assertTrue(expected > 0 && expected < demo.results().size());
        assertEquals(expected + " of " + demo.results().size() + " results", dom.getElementById("shown").text());
        long shownRows = 0;
        for (Element article : dom.select("article.resource")) {
            if (article.hasClass("hidden-by-filter")) {
                continue;
            }
            assertTrue(article.select(".pending").isEmpty(), "a shown section is drawn: " + article.id());
            shownRows += article.select(".result:not(.hidden-by-filter)").size();
        }
        assertEquals(expected, shownRows, "the rows shown are the ones counted");
    }

    private static String searchText(CheckResult r) {
        CheckMetadata meta = demo.metadataOf(r.checkId());
        return String.join(" ", r.resource().name(), r.resource().region(), r.resource().arn(), r.checkId(),
                meta.title(), meta.securityHubControl() == null ? "" : meta.securityHubControl(),
                r.statusText()).toLowerCase();
    }

    @Test
    void theDrawnResultsShowEveryFixFormByteForByteAsTheRendererFillsIt(@TempDir Path profile) throws Exception {
        Run run = chromium(profile, "--enable-logging=stderr", "--v=0", EVERYTHING_IN_VIEW[0],
                EVERYTHING_IN_VIEW[1], "--dump-dom", report.toUri() + "#all");
        assertEquals(0, run.exit, run.stderr);
        assertNoConsoleErrors(run);
        Document dom = Jsoup.parse(run.stdout);
        assertTrue(dom.select(".pending").isEmpty(), "every section is drawn");
        assertEquals(demo.results().size(), dom.select(".result").size());
        Map<String, CheckResult> byKey = new HashMap<>();
        demo.results().forEach(r -> byKey.put(r.resource().arn() + " " + r.checkId(), r));
        int fixes = 0;
        for (Element article : dom.select("article.resource")) {
            String arn = article.selectFirst(".arn").wholeText();
            for (Element row : article.select(".result")) {
                CheckResult r = byKey.remove(arn + " " + row.attr("data-check"));
                assertNotNull(r, arn + " " + row.attr("data-check"));
                assertEquals(r.status().name(), row.attr("data-status"));
                assertEquals(r.statusText(), row.selectFirst(".reason").wholeText());
                Element fix = row.selectFirst(".fix");
                assertEquals(r.status() == Status.FAIL, fix != null, "a fix for each failure");
                if (fix == null) {
                    continue;
                }
                fixes++;
                // the fix of the result's cause, its region-wide commands first
                CheckMetadata.Remediation filled = RemediationRenderer.fillFor(demo.metadataOf(r.checkId()), r);
                List<String> code = fix.select("code").stream().map(Element::wholeText).toList();
                assertEquals(List.of(filled.fullCli(), filled.cloudFormation(), filled.terraform()), code);
                assertEquals(filled.console(), fix.select(".steps li").stream().map(Element::wholeText).toList());
                assertTrue(fix.selectFirst(".fix-summary").wholeText().startsWith(filled.summary()));
            }
        }
        assertTrue(byKey.isEmpty(), "not drawn: " + byKey.keySet());
        assertTrue(fixes > 0);
        // only the resources near the screen are drawn in an ordinary window
        Run small = chromium(profile.resolve("small"), "--window-size=1280,900", "--virtual-time-budget=3000",
                "--dump-dom", report.toUri().toString());
        Document top = Jsoup.parse(small.stdout);
        assertTrue(top.select(".result").size() < demo.results().size(), "drawn on demand");
        assertEquals(demo.results().size() + " results", top.getElementById("shown").text());
    }

    @Test
    void aScreenshotAndAPrintedPdfWithEveryResultAreMade(@TempDir Path profile) throws Exception {
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
        // The printed report holds every result and every fix, drawn before printing, not just the first screen.
        Path pdftotext = Path.of("/usr/bin/pdftotext");
        if (!Files.isExecutable(pdftotext) && System.getenv("CI") != null) {
            throw new AssertionError("CI must install poppler-utils for the report tests (.ci/run does)");
        }
        assumeTrue(Files.isExecutable(pdftotext), "pdftotext is not installed");
        Process p = new ProcessBuilder(pdftotext.toString(), "-layout", pdf.toString(), "-")
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        // pdftotext joins a word broken at a hyphen at the end of a line: compared without spaces and hyphens
        String flat = text.replaceAll("[\\s-]+", "");
        List<CheckResult> fails = demo.results().stream().filter(r -> r.status() == Status.FAIL).toList();
        CheckResult last = fails.get(fails.size() - 1);
        for (CheckResult r : List.of(fails.get(0), last)) {
            assertTrue(flat.contains(r.statusText().replaceAll("[\\s-]+", "")), "printed: " + r.statusText());
        }
        assertTrue(flat.contains("AWSCLI") && flat.contains("CloudFormation") && flat.contains("Terraform"),
                "the fix forms are printed");
        assertFalse(flat.contains(demo.results().size() + "results"), "the filter bar is not printed");
    }

    @Test
    void hostileNamesStayInertInTheBrowserAlsoInTheDrawnResults(@TempDir Path profile) throws Exception {
        Path hostile = OUT.resolve("hostile-report.html").toAbsolutePath();
        ScanReport hostileReport = HtmlReportWriterTest.hostileReport();
        Files.writeString(hostile, HtmlReportWriterTest.render(hostileReport), StandardCharsets.UTF_8);
        Run run = chromium(profile, "--enable-logging=stderr", "--v=0", EVERYTHING_IN_VIEW[0],
                EVERYTHING_IN_VIEW[1], "--dump-dom", hostile.toUri() + "#all");
        assertEquals(0, run.exit, run.stderr);
        assertNoConsoleErrors(run);
        Document dom = Jsoup.parse(run.stdout);
        assertTrue(dom.select(".pending").isEmpty(), "every section is drawn");
        assertEquals(HtmlReportWriterTest.HOSTILE.size(), dom.select(".result").size());
        assertEquals(HtmlReportWriterTest.HOSTILE.size(), dom.select(".result .fix").size());
        assertEquals(2, dom.select("script").size(), "no script was added");
        assertEquals(1, dom.select("script:not([type])").size());
        assertTrue(dom.select("img, iframe, object, embed, link, style ~ style").isEmpty(), "no element was injected");
        assertTrue(dom.select("[onerror], [onload], [onclick], [onmouseover]").isEmpty());
        assertEquals(1, dom.select("style").size());
        for (String text : HtmlReportWriterTest.HOSTILE) {
            assertTrue(dom.select(".result .reason").eachText().contains("Table " + text + " fails."),
                    "the reason shown as text: " + text);
            assertTrue(dom.select(".result table.evidence td").eachText().contains(text), "evidence as text: " + text);
        }
        assertTrue(dom.select(".result .mute-note").text().contains(HtmlReportWriterTest.HOSTILE.get(1)));
        assertFalse(run.stderr.contains("Refused to execute"), "nothing tried to run: " + run.stderr);
        assertFalse(run.stderr.toLowerCase().contains("dialog"), "no dialog was opened: " + run.stderr);
    }

    private static void assertNoConsoleErrors(Run run) {
        for (String line : run.stderr.split("\n")) {
            assertFalse(line.contains("Uncaught") || line.contains("Refused to") || line.contains(":ERROR:CONSOLE")
                    || line.contains("CONSOLE"), "browser console: " + line);
        }
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
