package io.tablewarden.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The text report of {@code scan} and {@code report} on the demo account: a muted finding leaves the findings that
 * need attention for their own section with the mute's reason and expiry, and {@code --with-remediation} puts the
 * filled AWS CLI fix under each failure.
 */
class TextReportMutesAndFixesTest {

    private static final String PITR = "dynamodb_tables_pitr_enabled";

    @TempDir
    Path dir;

    private InProcessCli cli;

    private int run(String... args) {
        cli = new InProcessCli(dir);
        return cli.run(args);
    }

    private String stdout() {
        return cli.stdout().replace("\r\n", "\n");
    }

    private String stderr() {
        return cli.stderr();
    }

    @Test
    void aMutedFindingIsListedApartAndEachFailureCanCarryItsFix() throws Exception {
        Path db = dir.resolve("tw.db");
        assertEquals(0, run("mutes", "add", "--db", db.toString(), "--check", PITR, "--resource",
                "arn:aws:dynamodb:*:*:table/reporting-snapshots", "--reason", "rebuilt from S3 \u001b[2J",
                "--expires", "2099-12-31", "--by", "ana"), stderr());

        assertEquals(ExitCodes.FINDINGS, run("scan", "--demo", "--no-progress", "--db", db.toString(), "--region",
                "us-east-1", "--with-remediation"), stderr());
        String live = stdout();
        assertReportShowsMuteAndFixes(live);

        assertEquals(0, run("history", "--db", db.toString(), "--format", "json"), stderr());
        long scanId = new ObjectMapper().readTree(stdout()).get(0).path("id").asLong();
        assertEquals(0, run("report", String.valueOf(scanId), "--db", db.toString(), "--with-remediation"),
                stderr());
        assertReportShowsMuteAndFixes(stdout());

        assertEquals(0, run("report", String.valueOf(scanId), "--db", db.toString()), stderr());
        String plain = stdout();
        assertTrue(plain.contains("Muted findings ("), "mutes are honoured without the fixes too: " + plain);
        assertFalse(plain.contains("fix (AWS CLI)"), plain);
    }

    private static void assertReportShowsMuteAndFixes(String text) {
        int muted = text.indexOf("Muted findings (");
        assertTrue(muted > 0, text);
        String attention = text.substring(0, muted);
        String mutedPart = text.substring(muted, text.indexOf("Summary:"));
        assertFalse(attention.contains("table/reporting-snapshots\n  FAIL  medium        " + PITR),
                "the muted failure is not among those that need attention: " + attention);
        assertTrue(mutedPart.contains("reporting-snapshots  [AWS::DynamoDB::Table, us-east-1]"), mutedPart);
        assertTrue(mutedPart.contains("        muted: rebuilt from S3 \\e[2J\n"
                + "        (by ana, expires 2100-01-01T00:00:00Z)\n"), mutedPart);
        assertFalse(text.contains("\u001b"), "the reason reaches the terminal as text");
        assertTrue(attention.contains("        fix (AWS CLI):\n          aws dynamodb "), attention);
        assertFalse(mutedPart.contains("fix (AWS CLI)"), "a muted finding is not to be fixed: " + mutedPart);
    }

    @Test
    void withRemediationIsForTheTextReportOnly() {
        assertEquals(ExitCodes.USAGE, run("scan", "--demo", "--no-progress", "--no-store", "--output-format", "csv",
                "--with-remediation"));
        assertTrue(stderr().contains("--with-remediation applies to the text report only"), stderr());
        assertEquals(ExitCodes.USAGE, run("report", "1", "--db", dir.resolve("none.db").toString(),
                "--output-format", "json", "--with-remediation"));
        assertTrue(stderr().contains("--with-remediation applies to the text report only"), stderr());
    }
}
