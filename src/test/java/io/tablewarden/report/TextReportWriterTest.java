package io.tablewarden.report;

import org.junit.jupiter.api.Test;

import io.tablewarden.engine.remediation.HostileStrings;
import io.tablewarden.engine.remediation.VisibleText;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Severity;
import io.tablewarden.model.Status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;


import static io.tablewarden.report.ReportFixtures.CROSS;
import static io.tablewarden.report.ReportFixtures.PITR;
import static io.tablewarden.report.ReportFixtures.report;
import static io.tablewarden.report.ReportFixtures.result;
import static io.tablewarden.report.ReportFixtures.table;
import static io.tablewarden.report.ReportFixtures.render;
import static io.tablewarden.report.ReportFixtures.sampleResults;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextReportWriterTest {

    @Test
    void groupsFailingFindingsByResourceThenSummarises() throws Exception {
        String text = render(new TextReportWriter(), report(sampleResults())).replace("\r\n", "\n");
        assertTrue(text.startsWith("Tablewarden 1.2.3 scan of account 210987654321 (aws)\n"), text);
        assertTrue(text.contains("Scan completed in 12.0 s"), text);
        assertTrue(text.contains("Findings that need attention (1 resources):"), text);
        assertTrue(text.contains("orders  [AWS::DynamoDB::Table, eu-west-1]\n"
                + "  arn:aws:dynamodb:eu-west-1:210987654321:table/orders\n"
                + "  FAIL  medium        dynamodb_tables_pitr_enabled\n"
                + "        Table orders has point-in-time recovery disabled.\n"
                + "  ERROR high          dynamodb_table_cross_account_access\n"), text);
        assertFalse(text.contains("Table users"), "passing results appear only as counts");
        assertTrue(text.contains("Summary:\n" + SummaryTable.render(sampleResults()).replace("\r\n", "\n")));
    }

    @Test
    void summaryTableCountsPerCheckAndStatus() {
        String[] lines = SummaryTable.render(sampleResults()).split("\\R");
        assertEquals(4, lines.length);
        assertTrue(lines[0].matches("check\\s+PASS\\s+FAIL\\s+ERROR\\s+N/A"), lines[0]);
        assertTrue(lines[1].matches("dynamodb_table_cross_account_access\\s+0\\s+0\\s+1\\s+1"), lines[1]);
        assertTrue(lines[2].matches("dynamodb_tables_pitr_enabled\\s+1\\s+1\\s+0\\s+0"), lines[2]);
        assertTrue(lines[3].matches("total\\s+1\\s+1\\s+1\\s+1"), lines[3]);
    }

    @Test
    void cleanScanSaysSo() throws Exception {
        String text = render(new TextReportWriter(), report(List.of(sampleResults().get(1))));
        assertTrue(text.contains("No failing findings."), text);
    }

    @Test
    void mutedFindingsAreListedApartWithTheirReasonAndExpiry() throws Exception {
        List<CheckResult> results = new ArrayList<>(sampleResults());
        CheckResult audit = result(PITR, table("us-east-1", "audit"), Status.FAIL, Severity.MEDIUM,
                "Table audit has point-in-time recovery disabled.");
        results.add(audit);
        ScanReport muted = report(results).with(Map.of(
                audit.identity(), new ScanReport.MuteNote("rebuilt nightly from S3", "ana",
                        Instant.parse("2027-03-01T00:00:00Z")),
                results.get(2).identity(), new ScanReport.MuteNote("policy read is denied on purpose", null, null)),
                null);
        String text = render(new TextReportWriter(), muted).replace("\r\n", "\n");

        String attention = text.substring(0, text.indexOf("Muted findings"));
        assertTrue(attention.contains("Findings that need attention (1 resources):"), text);
        assertTrue(attention.contains("  FAIL  medium        dynamodb_tables_pitr_enabled\n"
                + "        Table orders has point-in-time recovery disabled.\n"), text);
        assertFalse(attention.contains("audit"), "a muted FAIL is not among the findings that need attention");
        assertFalse(attention.contains(CROSS), "a muted ERROR neither");
        assertTrue(text.contains("Muted findings (2, on 2 resources):\n"
                + "\norders  [AWS::DynamoDB::Table, eu-west-1]\n"
                + "  arn:aws:dynamodb:eu-west-1:210987654321:table/orders\n"
                + "  ERROR high          dynamodb_table_cross_account_access\n"
                + "        dynamodb:GetResourcePolicy failed (AccessDeniedException); grant it.\n"
                + "        muted: policy read is denied on purpose\n"
                + "        (no expiry)\n"
                + "\naudit  [AWS::DynamoDB::Table, us-east-1]\n"
                + "  arn:aws:dynamodb:us-east-1:210987654321:table/audit\n"
                + "  FAIL  medium        dynamodb_tables_pitr_enabled\n"
                + "        Table audit has point-in-time recovery disabled.\n"
                + "        muted: rebuilt nightly from S3\n"
                + "        (by ana, expires 2027-03-01T00:00:00Z)\n"), text);
        assertTrue(text.indexOf("Muted findings") < text.indexOf("Summary:"), text);
    }

    @Test
    void everyFailureMutedSaysSoInsteadOfAllClear() throws Exception {
        CheckResult orders = sampleResults().get(0);
        String text = render(new TextReportWriter(), report(List.of(orders))
                .with(Map.of(orders.identity(), new ScanReport.MuteNote("accepted", null, null)), null));
        assertTrue(text.contains("No failing findings other than the muted ones."), text);
        assertFalse(text.contains("No failing findings.\n"), text);
    }

    @Test
    void withRemediationEachFailureCarriesItsFilledCliFixButErrorsDoNot() throws Exception {
        String plain = render(new TextReportWriter(), report(sampleResults()));
        assertFalse(plain.contains("aws dynamodb"), "no fix unless asked: " + plain);

        String text = render(new TextReportWriter(true), report(sampleResults())).replace("\r\n", "\n");
        assertTrue(text.contains("  FAIL  medium        dynamodb_tables_pitr_enabled\n"
                + "        Table orders has point-in-time recovery disabled.\n"
                + "        fix (AWS CLI):\n"
                + "          aws dynamodb update-continuous-backups --region eu-west-1 --table-name orders"
                + " --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true\n"
                + "  ERROR high"), text);
        assertFalse(text.contains("delete-resource-policy"), "an ERROR is not a failure to fix: " + text);
    }

    @Test
    void aHostileNameInTheFixIsQuotedForTheShellAndShownNotSentToTheTerminal() throws Exception {
        Random random = new Random(7L);
        List<CheckResult> results = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String name = HostileStrings.next(random) + "\u001b]0;x\u0007$(reboot)";
            results.add(result(PITR, table("eu-west-1", name), Status.FAIL, Severity.MEDIUM, "Table " + name));
        }
        String text = render(new TextReportWriter(true), report(results));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            assertTrue(c == '\n' || !VisibleText.isHidden(c),
                    String.format("U+%04X at %d reaches the terminal", (int) c, i));
        }
        long withNul = results.stream().filter(r -> r.resource().name().indexOf('\0') >= 0).count();
        long fixLines = text.lines().filter(line -> line.startsWith("          aws dynamodb")).count();
        long refused = text.lines().filter(line -> line.startsWith("          # No command is offered")).count();
        assertEquals(results.size() - withNul, fixLines, "one command line per failure, none split by a name");
        assertEquals(withNul, refused, "a name no shell argument can carry gets no command");
        assertTrue(text.lines().filter(line -> line.startsWith("          aws dynamodb"))
                        .allMatch(line -> line.matches(".* --table-name[ =]\\$?'.*")),
                "every name is one quoted shell word, its $(reboot) data: " + text);
    }
}
