package io.tablewarden.cli;

import io.tablewarden.app.ScanRunner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tablewarden.simulator.AccountSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A ListTables that fails after its first pages: the tables read keep their results, and every report (text,
 * JSON, OCSF, CSV; live and stored) carries one region error per region instead of made-up resources.
 */
class RegionErrorReportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    private int run(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, CliContext::availableChecks,
                ScanRunner.engine(), io.tablewarden.app.SimulatedAccounts.pagingEvery(3), Interrupts.none(),
                Clock.systemUTC(),
                System::nanoTime, false, explicit -> explicit);
        return Cli.run(ctx, args);
    }

    /** The demo account; with {@code faults} when not null. */
    private Path demo(String name, String faults) throws Exception {
        ObjectNode fixture;
        try (InputStream in = AccountSimulator.class.getResourceAsStream(AccountSimulator.DEMO_RESOURCE)) {
            fixture = (ObjectNode) JSON.readTree(in);
        }
        if (faults != null) {
            fixture.set("faults", JSON.readTree(faults));
        }
        Path file = dir.resolve(name);
        Files.writeString(file, JSON.writeValueAsString(fixture));
        return file;
    }

    @Test
    void aListingThatFailsAfterSomePagesIsOneRegionErrorInEveryReport() throws Exception {
        Path good = demo("good.json", null);
        Path bad = demo("bad.json", "{\"repeatPageTokens\":[\"dynamodb:ListTables\"]}");
        Path db = dir.resolve("tw.db");
        Path goodJson = dir.resolve("good-report.json");
        run("scan", "--fixture", good.toString(), "--no-progress", "--no-store", "--output-format", "json",
                "--output", goodJson.toString());
        Set<String> goodResults = new HashSet<>();
        JSON.readTree(goodJson.toFile()).path("results").forEach(r -> goodResults.add(key(r)));

        List<String> formats = List.of("text", "json", "ocsf", "csv");
        for (String format : formats) {
            int code = run("scan", "--fixture", bad.toString(), "--no-progress", "--db", db.toString(),
                    "--output-format", format, "--output", dir.resolve("live." + format).toString());
            assertTrue(code != 1 && code != 2, "scan exit " + code + ": " + stderr());
        }
        for (int i = 0; i < formats.size(); i++) {
            Path stored = dir.resolve("stored." + formats.get(i));
            // Written, and exit 4: a stored scan with region errors is incomplete.
            assertEquals(ExitCodes.INCOMPLETE, run("report", "--db", db.toString(), String.valueOf(i + 1),
                    "--output-format", formats.get(i), "--output", stored.toString()), stderr());
            assertArrayEquals(Files.readAllBytes(dir.resolve("live." + formats.get(i))), Files.readAllBytes(stored),
                    formats.get(i) + ": the stored scan reports its region errors exactly as the live one");
        }

        // JSON: one region error per region, naming the call and how many tables were read; the tables read
        // (three per page, two pages) keep exactly the results of the good day, and nothing stands in for the rest.
        JsonNode report = JSON.readTree(dir.resolve("live.json").toFile());
        JsonNode errors = report.path("regionErrors");
        assertEquals(4, errors.size(), errors.toString());
        for (JsonNode e : errors) {
            assertEquals("dynamodb:ListTables", e.path("call").asText());
            assertEquals("RepeatedPageToken", e.path("errorCode").asText());
            assertEquals("tables", e.path("listing").asText());
        }
        JsonNode west = errors.get(2);
        assertEquals("eu-west-1", west.path("region").asText());
        assertEquals(6, west.path("itemsRead").asInt());
        assertTrue(west.path("message").asText().startsWith("could not list all tables in eu-west-1:"
                + " dynamodb:ListTables failed (RepeatedPageToken): "), west.toString());
        assertTrue(west.path("message").asText().endsWith(", 6 tables read before the failure"), west.toString());
        Set<String> tables = new HashSet<>();
        for (JsonNode r : report.path("results")) {
            assertTrue(goodResults.contains(key(r)), "differs from the good day: " + r);
            assertFalse(r.path("resource").path("arn").asText().endsWith("*"), "made-up resource: " + r);
            if (r.path("resource").path("type").asText().equals("TABLE")) {
                tables.add(r.path("resource").path("arn").asText());
            }
        }
        assertEquals(6 + 6 + 6 + 4, tables.size(), "the tables of the pages read are all judged");

        String text = Files.readString(dir.resolve("live.text"));
        assertTrue(text.contains("Region errors (4):"), text);
        assertTrue(text.contains("  ERROR could not list all tables in us-east-1: dynamodb:ListTables failed"
                + " (RepeatedPageToken): "), text);
        assertFalse(text.contains("table/*"), text);

        int ocsfErrors = 0;
        for (JsonNode f : JSON.readTree(dir.resolve("live.ocsf").toFile())) {
            if (f.path("metadata").path("event_code").asText().equals("tablewarden_region_error")) {
                ocsfErrors++;
                assertEquals("ERROR", f.path("status_code").asText());
                assertTrue(f.path("message").asText().startsWith("could not list all tables in "), f.toString());
                assertFalse(f.has("resources"), "a region error is not a resource");
            }
        }
        assertEquals(4, ocsfErrors);

        long csvErrors = Files.readString(dir.resolve("live.csv")).lines()
                .filter(l -> l.contains(",,,,ERROR,,,,\"could not list all tables in ")).count();
        assertEquals(4, csvErrors);

        // diff of scans that could not list everything warns that their gaps read as removed resources.
        assertEquals(ExitCodes.INCOMPLETE, run("diff", "--db", db.toString(), "1", "2"), stderr());
        assertTrue(stderr().contains("warning: scan 1 is incomplete"), stderr());
        assertTrue(stderr().contains("warning: scan 2 is incomplete"), stderr());
    }

    private static String key(JsonNode r) {
        return r.path("resource").path("arn").asText() + " " + r.path("checkId").asText() + " "
                + r.path("status").asText() + " " + r.path("statusText").asText();
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
