package io.tablewarden.cli;

import io.tablewarden.app.ScanRunner;
import io.tablewarden.app.SimulatedAccounts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code scan --baseline} and {@code report SCAN --baseline OLDER_SCAN} through the CLI, simulator and real SDK. */
class ReportBaselineTest {

    @TempDir
    Path dir;

    private ByteArrayOutputStream err;

    private int run(String... args) {
        err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, CliContext::availableChecks,
                ScanRunner.engine(), new SimulatedAccounts(), Interrupts.none(), Clock.systemUTC(),
                System::nanoTime, false, explicit -> explicit);
        return Cli.run(ctx, args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The example account; {@code changed} turns deletion protection on for orders and off for payments. */
    private Path fixture(String name, boolean changed) throws Exception {
        String json;
        try (InputStream in = ReportBaselineTest.class.getResourceAsStream("/cli/example-account.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (changed) {
            json = json.replace("\"DeletionProtectionEnabled\": false", "\"DeletionProtectionEnabled\": @ON@")
                    .replace("\"DeletionProtectionEnabled\": true", "\"DeletionProtectionEnabled\": false")
                    .replace("@ON@", "true");
        }
        Path file = dir.resolve(name);
        Files.writeString(file, json);
        return file;
    }

    @Test
    void theHtmlReportShowsWhatIsNewFixedAndStillFailingSinceTheBaselineScan() throws Exception {
        Path db = dir.resolve("tw.db");
        assertEquals(3, run("scan", "--fixture", fixture("before.json", false).toString(), "--no-progress",
                "--db", db.toString()), stderr());
        Path live = dir.resolve("live.html");
        assertEquals(3, run("scan", "--fixture", fixture("after.json", true).toString(), "--no-progress",
                "--db", db.toString(), "--baseline", "1", "--output-format", "html", "--output", live.toString()),
                stderr());

        Document html = Jsoup.parse(live.toFile(), "UTF-8");
        Element section = html.getElementById("baseline");
        assertNotNull(section, "the report has a comparison section");
        assertTrue(section.text().contains("Compared with scan 1"), section.text());
        assertEquals("payments", onlyRow(section, "New failures").child(0).text());
        assertEquals("orders", onlyRow(section, "Fixed").child(0).text());
        assertTrue(section.select("h3:contains(Still failing) + table tbody tr").size() > 0, section.html());

        Path stored = dir.resolve("stored.html");
        assertEquals(0, run("report", "--db", db.toString(), "2", "--baseline", "1", "--output-format", "html",
                "--output", stored.toString()), stderr());
        assertArrayEquals(Files.readAllBytes(live), Files.readAllBytes(stored),
                "report --baseline gives the bytes of the live scan with --baseline");
        Path plain = dir.resolve("plain.html");
        assertEquals(0, run("report", "--db", db.toString(), "2", "--output-format", "html", "--output",
                plain.toString()), stderr());
        assertEquals(null, Jsoup.parse(plain.toFile(), "UTF-8").getElementById("baseline"));
    }

    private static Element onlyRow(Element section, String heading) {
        var rows = section.select("h3:contains(" + heading + ") + table tbody tr");
        assertEquals(1, rows.size(), heading + ": " + rows);
        return rows.get(0);
    }

    @Test
    void aBaselineOfAnotherAccountOrNoBaselineAtAllIsAUsageError() throws Exception {
        Path db = dir.resolve("tw.db");
        assertEquals(3, run("scan", "--fixture", fixture("a.json", false).toString(), "--no-progress", "--db",
                db.toString()), stderr());
        assertEquals(3, run("scan", "--demo", "--no-progress", "--db", db.toString()), stderr());

        assertEquals(2, run("report", "--db", db.toString(), "2", "--baseline", "1", "--output-format", "html"));
        assertEquals(1, stderr().strip().lines().count(), stderr());
        assertTrue(stderr().contains("only scans of the same account can be compared"), stderr());

        Path out = dir.resolve("never.html");
        assertEquals(2, run("scan", "--demo", "--no-progress", "--db", db.toString(), "--baseline", "1",
                "--output-format", "html", "--output", out.toString()));
        assertTrue(stderr().contains("same account"), stderr());
        assertTrue(Files.notExists(out), "no report is written for a refused comparison");

        assertEquals(2, run("report", "--db", db.toString(), "2", "--baseline", "99"));
        assertTrue(stderr().contains("99"), stderr());
        assertEquals(2, run("scan", "--demo", "--no-progress", "--db", db.toString(), "--baseline", "99"));
        assertEquals(2, run("scan", "--demo", "--no-progress", "--no-store", "--baseline", "1"));
        assertTrue(stderr().contains("--no-store"), stderr());
    }
}
