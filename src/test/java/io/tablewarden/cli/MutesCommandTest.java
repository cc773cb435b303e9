package io.tablewarden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tablewarden mutes} against a real database, and an imported mutelist seen in a stored demo scan. */
class MutesCommandTest {

    private static final String PITR = "dynamodb_tables_pitr_enabled";

    @TempDir
    Path dir;

    private InProcessCli cli;

    private int run(String... args) {
        cli = new InProcessCli(dir);
        return cli.run(args);
    }

    private String stdout() {
        return cli.stdout();
    }

    private String stderr() {
        return cli.stderr();
    }

    private Path copy(String name) throws Exception {
        Path file = dir.resolve(name);
        try (InputStream in = MutesCommandTest.class.getResourceAsStream("/mutes/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private JsonNode listJson(Path db) throws Exception {
        assertEquals(0, run("mutes", "list", "--db", db.toString(), "--format", "json"), stderr());
        return new ObjectMapper().readTree(stdout());
    }

    @Test
    void addListAndRemoveAMute() throws Exception {
        Path db = dir.resolve("tw.db");
        assertEquals(0, run("mutes", "list", "--db", db.toString()), stderr());
        assertEquals("No mutes.", stdout().strip());
        assertFalse(Files.exists(db), "listing never creates the database");

        assertEquals(0, run("mutes", "add", "--db", db.toString(), "--check", PITR, "--resource",
                "arn:aws:dynamodb:*:111122223333:table/scratch-*", "--reason", "scratch tables \u001b[2J",
                "--expires", "2099-12-31", "--by", "ana"), stderr());
        assertTrue(stdout().startsWith("Added mute 1: " + PITR), stdout());

        assertEquals(0, run("mutes", "list", "--db", db.toString()), stderr());
        assertTrue(stdout().contains("reason: scratch tables \\e[2J"), "escape shown as text: " + stdout());
        assertFalse(stdout().contains("\u001b"));
        assertTrue(stdout().contains("by ana"), stdout());

        JsonNode list = listJson(db);
        assertEquals(1, list.size());
        assertEquals(PITR, list.get(0).path("checkId").asText());
        assertEquals("2100-01-01T00:00:00Z", list.get(0).path("expiresAt").asText());
        assertTrue(list.get(0).path("active").asBoolean());

        assertEquals(0, run("mutes", "remove", "1", "--db", db.toString()), stderr());
        assertEquals(0, listJson(db).size());
        assertEquals(ExitCodes.USAGE, run("mutes", "remove", "1", "--db", db.toString()));
        assertTrue(stderr().contains("there is no mute 1"), stderr());
    }

    @Test
    void anUnknownCheckOrAMissingReasonIsAUsageError() throws Exception {
        Path db = dir.resolve("tw.db");
        assertEquals(ExitCodes.USAGE, run("mutes", "add", "--db", db.toString(), "--check", "s3_bucket_public",
                "--resource", "*", "--reason", "x"));
        assertTrue(stderr().contains("unknown check id 's3_bucket_public'; known: "), stderr());
        assertTrue(stderr().contains(PITR), stderr());
        assertFalse(Files.exists(db), "a refused mute creates no database");
        assertEquals(ExitCodes.USAGE, run("mutes", "add", "--db", db.toString(), "--check", PITR,
                "--resource", "*"));
        assertEquals(ExitCodes.USAGE, run("mutes", "add", "--db", db.toString(), "--check", PITR,
                "--resource", "*", "--reason", "  "));
        assertTrue(stderr().contains("needs a reason"), stderr());
        assertEquals(ExitCodes.USAGE, run("mutes", "add", "--db", db.toString(), "--check", PITR,
                "--resource", "*", "--reason", "r", "--expires", "next week"));
        assertEquals(0, listJson(db).size());
    }

    @Test
    void aMutelistThatCannotBeImportedImportsNothing() throws Exception {
        Path db = dir.resolve("tw.db");
        assertEquals(0, run("mutes", "add", "--db", db.toString(), "--check", PITR, "--resource", "*",
                "--reason", "kept"), stderr());
        for (String name : new String[] {"unknown-check.yaml", "malformed.yaml"}) {
            Path file = copy(name);
            assertEquals(ExitCodes.USAGE, run("mutes", "import", "--db", db.toString(), "--prowler-mutelist",
                    file.toString()));
            String[] lines = stderr().strip().split("\n");
            assertEquals(1, lines.length, stderr());
            assertTrue(lines[0].startsWith("tablewarden: " + file + ":"), lines[0]);
            assertTrue(lines[0].endsWith("nothing imported"), lines[0]);
            assertEquals(1, listJson(db).size(), "only the mute from before");
        }
    }

    @Test
    void anImportedMutelistMutesTheFindingsOfAStoredDemoScan() throws Exception {
        Path db = dir.resolve("tw.db");
        int scan = run("scan", "--demo", "--no-progress", "--db", db.toString(), "--region",
                "us-east-1,eu-west-1,ap-southeast-2", "--output-format", "json", "--output",
                dir.resolve("live.json").toString());
        assertEquals(ExitCodes.FINDINGS, scan, stderr());
        assertEquals(0, run("history", "--db", db.toString(), "--format", "json"), stderr());
        long scanId = new ObjectMapper().readTree(stdout()).get(0).path("id").asLong();

        Path mutelist = copy("demo-mutelist.yaml");
        assertEquals(0, run("mutes", "import", "--db", db.toString(), "--prowler-mutelist", mutelist.toString(),
                "--by", "ana"), stderr());
        assertTrue(stdout().contains("Imported 2 rules"), stdout());
        JsonNode list = listJson(db);
        assertEquals(2, list.size());
        assertEquals(List.of("team=analytics"), List.of(list.get(0).path("prowlerRule").path("tags").get(0).asText()));

        assertEquals(0, run("report", String.valueOf(scanId), "--db", db.toString(), "--output-format", "csv"),
                stderr());
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(stdout())).getRecords();
        Set<String> analytics = Set.of("reporting-snapshots", "analytics-clickstream", "eu-analytics-events");
        int mutedPitr = 0;
        int mutedDax = 0;
        for (CSVRecord row : rows) {
            boolean pitrOfAnalytics = PITR.equals(row.get("check_id")) && analytics.contains(row.get("resource_name"));
            boolean daxInSydney = row.get("check_id").startsWith("dynamodb_accelerator_")
                    && "ap-southeast-2".equals(row.get("region"));
            boolean expected = pitrOfAnalytics || daxInSydney;
            assertEquals(expected ? "yes" : "no", row.get("muted"),
                    row.get("check_id") + " on " + row.get("resource_arn"));
            if (pitrOfAnalytics) {
                mutedPitr++;
                assertEquals("imported from " + mutelist + ": analytics can rebuild from the event stream",
                        row.get("mute_reason"));
            }
            if (daxInSydney) {
                mutedDax++;
                assertEquals("imported from " + mutelist, row.get("mute_reason"));
            }
        }
        assertEquals(3, mutedPitr);
        assertTrue(mutedDax >= 3, "every DAX check on the Sydney cluster: " + mutedDax);
        // Muting never changes a status: the reporting table's PITR finding is still a FAIL.
        assertTrue(rows.stream().anyMatch(r -> PITR.equals(r.get("check_id"))
                && "reporting-snapshots".equals(r.get("resource_name")) && "FAIL".equals(r.get("status"))));
    }
}
