package io.tablewarden.report;

import io.tablewarden.engine.remediation.HostileStrings;
import io.tablewarden.engine.remediation.VisibleText;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.ResourceRef;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.Severity;
import io.tablewarden.model.Status;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.tablewarden.report.ReportFixtures.CROSS;
import static io.tablewarden.report.ReportFixtures.PITR;
import static io.tablewarden.report.ReportFixtures.crossAccountMetadata;
import static io.tablewarden.report.ReportFixtures.pitrMetadata;
import static io.tablewarden.report.ReportFixtures.render;
import static io.tablewarden.report.ReportFixtures.stats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The text report of an account whose names, tags, policy Sids, alias and region carry terminal escape
 * sequences, bell, NUL and bidirectional overrides sends none of them to the terminal: each shows as visible
 * text, and the report keeps its own line structure.
 */
class HostileTerminalOutputTest {

    private static final String TITLE = "\u001b]0;owned\u0007";
    private static final String CLEAR = "\u001b[2J\u001b[H";
    private static final String RLO = "\u202e";

    private static ResourceRef table(String name) {
        return new ResourceRef("arn:aws:dynamodb:eu-west-1:210987654321:table/" + name, name, ResourceType.TABLE,
                "eu-west-1", "210987654321");
    }

    private static ScanReport report(List<CheckResult> results, String alias, String region) {
        ScanReport.ScanInfo info = new ScanReport.ScanInfo("210987654321", "aws", "arn:aws:iam::210987654321:user/a",
                List.of(region), Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-01-02T03:04:17Z"),
                "COMPLETED", "1.2.3", CheckParameters.defaults(), alias);
        return new ScanReport(info, results, stats(), Map.of(PITR, pitrMetadata(), CROSS, crossAccountMetadata()));
    }

    @Test
    void namesTagsAndSidsAreShownNotSent() throws Exception {
        ResourceRef orders = table("orders" + TITLE + "\0bell\u0007");
        ResourceRef flipped = table("gpj." + RLO + "exe\u2066\u200f");
        List<CheckResult> results = List.of(
                new CheckResult(PITR, orders, Status.FAIL, Severity.MEDIUM,
                        "Table " + orders.name() + " has point-in-time recovery disabled; tag owner=" + CLEAR + ".",
                        Map.of(), Map.of()),
                new CheckResult(CROSS, flipped, Status.FAIL, Severity.HIGH,
                        "Statement Sid \"x\u009b31m\nFAKE: all clear\" allows account 999999999999.", Map.of(),
                        Map.of()),
                new CheckResult("custom\u001b[1m_check", flipped, Status.ERROR, Severity.LOW, "failed\r", Map.of(),
                        Map.of()));
        String text = render(new TextReportWriter(), report(results, "prod" + CLEAR, "eu-west-1" + RLO))
                .replace("\r\n", "\n");

        assertNoHiddenCharacterButNewlines(text);
        assertTrue(text.contains("orders\\e]0;owned\\a\\0bell\\a  [AWS::DynamoDB::Table, eu-west-1]"), text);
        assertTrue(text.contains("gpj.\\u202Eexe\\u2066\\u200F"), text);
        assertTrue(text.contains("tag owner=\\e[2J\\e[H."), text);
        assertTrue(text.contains("Sid \"x\\x9B31m\\nFAKE: all clear\" allows"), "a Sid cannot fake a line: " + text);
        assertTrue(text.contains("account 210987654321 \"prod\\e[2J\\e[H\""), text);
        assertTrue(text.contains("Regions: eu-west-1\\u202E"), text);
        assertTrue(text.contains("custom\\e[1m_check"), "also in the summary table: " + text);
        assertFalse(text.lines().anyMatch(line -> line.startsWith("FAKE")), text);
    }

    @Test
    void randomHostileValuesNeverReachTheTerminal() throws Exception {
        Random random = new Random(23L);
        List<CheckResult> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ResourceRef ref = table(HostileStrings.next(random));
            results.add(new CheckResult(i % 2 == 0 ? PITR : HostileStrings.next(random), ref, Status.FAIL,
                    Severity.HIGH, "Table " + ref.name() + " tag " + HostileStrings.next(random), Map.of(), Map.of()));
        }
        String text = render(new TextReportWriter(), report(results, HostileStrings.next(random),
                HostileStrings.next(random)));
        assertNoHiddenCharacterButNewlines(text);
        // header (3 lines + blank), findings title, then per resource: blank, name, ARN, 2 lines per result
        long resources = results.stream().map(r -> r.resource().arn()).distinct().count();
        int summaryLines = SummaryTable.render(results).split("\n").length;
        assertEquals(4 + 1 + resources * 3 + results.size() * 2 + 2 + summaryLines, text.split("\n", -1).length - 1);
    }

    @Test
    void summaryTableShowsAnImportedCheckIdVisibly() {
        String table = SummaryTable.render(List.of(new CheckResult("x" + TITLE, table("t"), Status.PASS,
                Severity.LOW, "ok", Map.of(), Map.of())));
        assertNoHiddenCharacterButNewlines(table);
        assertTrue(table.contains("x\\e]0;owned\\a"), table);
    }

    @Test
    void terminalTextMakesEveryHiddenCharacterVisible() {
        assertEquals("", TerminalText.clean(null));
        assertEquals("a\\e[31mb\\x9B\\u202E\\0\\a\\n", TerminalText.clean("a\u001b[31mb\u009b\u202e\0\u0007\n"));
        assertEquals("caf\u00e9 \uD83D\uDE00 \u05e9\u05dc\u05d5\u05dd", TerminalText.clean("caf\u00e9 \uD83D\uDE00 \u05e9\u05dc\u05d5\u05dd"));
    }

    private static void assertNoHiddenCharacterButNewlines(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            assertTrue(c == '\n' || !VisibleText.isHidden(c),
                    String.format("U+%04X at %d reaches the terminal", (int) c, i));
        }
    }
}
