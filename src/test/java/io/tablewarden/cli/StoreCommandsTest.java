package io.tablewarden.cli;

import io.tablewarden.app.ScanRunner;
import io.tablewarden.app.SimulatedAccounts;
import io.tablewarden.report.OutputFormat;
import io.tablewarden.store.TablewardenStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Clock;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** scan --db, history, diff and report against a real fixture scan. */
class StoreCommandsTest {

    @TempDir
    Path dir;

    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    private Path defaultDatabase;

    private int run(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, CliContext::availableChecks,
                ScanRunner.engine(), new SimulatedAccounts(), Interrupts.none(), Clock.systemUTC(),
                System::nanoTime, false, explicit -> explicit != null ? explicit : defaultDatabase);
        return Cli.run(ctx, args);
    }

    private Path fixture() throws Exception {
        Path target = dir.resolve("example-account.json");
        try (InputStream in = StoreCommandsTest.class.getResourceAsStream("/cli/example-account.json")) {
            Files.copy(in, target);
        }
        return target;
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aStoredScanIsListedComparedAndReportedExactlyAsTheLiveScanWroteIt() throws Exception {
        Path fixture = fixture();
        Path db = dir.resolve("tw.db");
        // Scan 1 is the earlier sighting of every finding; the mute covers the orders table's findings from then on.
        assertEquals(3, run("scan", "--fixture", fixture.toString(), "--no-progress", "--db", db.toString()));
        try (TablewardenStore store = TablewardenStore.open(db)) {
            store.mutes().add("*", "arn:aws:dynamodb:eu-west-1:123456789012:table/orders", "owned by <b>team</b>",
                    "alice", Instant.parse("2099-01-01T00:00:00Z"));
        }
        OutputFormat[] formats = OutputFormat.values();
        for (OutputFormat format : formats) {
            Path live = dir.resolve("live." + format);
            int code = run("scan", "--fixture", fixture.toString(), "--no-progress", "--db", db.toString(),
                    "--output-format", format.toString(), "--output", live.toString());
            assertEquals(3, code, stderr());
            assertTrue(stderr().contains("stored in " + db), stderr());
        }
        assertEquals(0, run("history", "--db", db.toString()), stderr());
        assertTrue(stdout().contains("completed"), stdout());
        assertEquals(0, run("history", "--db", db.toString(), "--format", "json"));
        JsonNode history = new ObjectMapper().readTree(stdout());
        assertEquals(formats.length + 1, history.size());
        String account = history.get(0).path("accountId").asText();
        String firstStart = history.get(history.size() - 1).path("startedAt").asText();
        assertTrue(history.get(0).path("counts").path("FAIL").asInt() > 0);

        for (int i = 0; i < formats.length; i++) {
            Path stored = dir.resolve("stored." + formats[i]);
            assertEquals(0, run("report", "--db", db.toString(), String.valueOf(i + 2), "--output-format",
                    formats[i].toString(), "--output", stored.toString()), stderr());
            assertArrayEquals(Files.readAllBytes(dir.resolve("live." + formats[i])), Files.readAllBytes(stored),
                    formats[i] + " report of the stored scan differs from the live one");
        }
        // The facts the store adds are in the live report too: the mute, the scan id and the first sighting.
        String csv = Files.readString(dir.resolve("live.csv"));
        String ordersRow = csv.lines().filter(l -> l.contains("table/orders,")).findFirst().orElseThrow();
        assertTrue(ordersRow.contains(",yes,owned by <b>team</b>,2099-01-01T00:00:00Z,"), ordersRow);
        assertTrue(ordersRow.contains("," + firstStart + ",4,"), ordersRow + " should be first seen in scan 1");
        assertTrue(Files.readString(dir.resolve("live.html")).contains("owned by &lt;b&gt;team&lt;/b&gt;"));
        assertFalse(Files.readString(dir.resolve("live.script")).contains("table-name orders "),
                "a muted failure is not fixed by the script");

        assertEquals(0, run("history", "--db", db.toString(), "--account", "000000000000"));
        assertTrue(stdout().contains("No stored scans"), stdout());
        assertEquals(0, run("history", "--db", db.toString(), "--account", account));
        assertTrue(stdout().contains(account), stdout());

        assertEquals(0, run("diff", "--db", db.toString(), "2", "3"), stderr());
        assertTrue(stdout().contains("Still failing"), stdout());
        assertEquals(0, run("diff", "--db", db.toString(), "2", "3", "--output-format", "json"));
        JsonNode diff = new ObjectMapper().readTree(stdout());
        assertEquals(0, diff.path("newFailures").size());
        assertTrue(diff.path("stillFailing").size() > 0);
    }

    @Test
    void withoutDbTheDefaultDatabaseIsUsedAndNoStoreSkipsIt() throws Exception {
        Path fixture = fixture();
        defaultDatabase = dir.resolve("data/tablewarden/tablewarden.db");
        assertEquals(3, run("scan", "--fixture", fixture.toString(), "--no-progress", "--no-store"));
        assertFalse(Files.exists(defaultDatabase), "--no-store must not even create the database");
        assertEquals(3, run("scan", "--fixture", fixture.toString(), "--no-progress"));
        assertTrue(stderr().contains("Scan 1 stored in " + defaultDatabase), stderr());
        assertEquals(0, run("history", "--format", "json"));
        assertEquals(1, new ObjectMapper().readTree(stdout()).size());
    }

    @Test
    void theScanKeepsTheAccountAliasAndHistoryShowsIt() throws Exception {
        Path db = dir.resolve("alias.db");
        assertEquals(3, run("scan", "--demo", "--no-progress", "--db", db.toString()), stderr());
        assertEquals(0, run("history", "--db", db.toString(), "--format", "json"));
        JsonNode scan = new ObjectMapper().readTree(stdout()).get(0);
        assertEquals("111122223333", scan.path("accountId").asText());
        assertEquals("northwind-retail-prod", scan.path("accountAlias").asText());
        assertEquals(0, run("history", "--db", db.toString()));
        assertTrue(stdout().contains("northwind-retail-prod"), stdout());

        // Reports name the account by its alias too, and the stored scan's report is the live one, byte for byte.
        Path live = dir.resolve("live.ocsf.json");
        Path stored = dir.resolve("stored.ocsf.json");
        assertEquals(3, run("scan", "--demo", "--no-progress", "--db", db.toString(), "--output-format", "ocsf",
                "--output", live.toString()), stderr());
        assertEquals(0, run("report", "--db", db.toString(), "2", "--output-format", "ocsf", "--output",
                stored.toString()), stderr());
        JsonNode first = new ObjectMapper().readTree(live.toFile()).get(0);
        assertEquals("northwind-retail-prod", first.path("cloud").path("account").path("name").asText());
        assertEquals(Files.readString(live), Files.readString(stored));
    }

    @Test
    void errorsAreOneLineWithTheDocumentedExitCodes() throws Exception {
        Path db = dir.resolve("tw.db");
        assertEquals(0, run("history", "--db", db.toString()));
        // Naming a scan the database does not hold is a mistake on the command line: exit 2.
        assertEquals(2, run("report", "--db", db.toString(), "42", "--output-format", "ocsf"));
        assertEquals("tablewarden: there is no scan 42 in " + db, stderr().strip());
        assertEquals(2, run("diff", "--db", db.toString(), "41", "42"));
        assertEquals(2, run("diff", "--db", db.toString(), "1"));
        assertEquals(2, run("report", "--db", db.toString(), "x"));
        assertEquals(2, run("scan", "--demo", "--no-store", "--db", db.toString()));

        Path folder = dir.resolve("folder.db");
        Files.createDirectories(folder);
        assertEquals(1, run("history", "--db", folder.toString()));
        assertFalse(stderr().contains("Exception"), stderr());
        assertEquals(1, stderr().strip().lines().count(), stderr());
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedUntouchedWithOneLine() throws Exception {
        Path db = dir.resolve("tw.db");
        Files.writeString(db, "not a database at all, but the user's precious notes ".repeat(100));
        byte[] before = Files.readAllBytes(db);
        assertEquals(1, run("history", "--db", db.toString()));
        assertEquals(1, stderr().strip().lines().count(), stderr());
        assertTrue(stderr().contains("is not a Tablewarden scan database"), stderr());
        assertEquals(1, run("scan", "--demo", "--no-progress", "--db", db.toString()));
        assertTrue(stderr().contains("left untouched"), stderr());
        assertArrayEquals(before, Files.readAllBytes(db));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("tw.db"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void readOnlyCommandsNeverCreateADatabaseOrItsFolder() throws Exception {
        Path db = dir.resolve("no/such/folder/tw.db");
        assertEquals(0, run("history", "--db", db.toString()));
        assertEquals(2, run("report", "--db", db.toString(), "1"));
        assertEquals(2, run("diff", "--db", db.toString(), "1", "2"));
        assertTrue(run("fixture", "export", "--db", db.toString(), "1", "--output",
                dir.resolve("f.json").toString()) != 0);
        assertFalse(Files.exists(dir.resolve("no")), "no folder was created");
    }
}
