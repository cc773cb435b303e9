package io.tablewarden.report;

import org.junit.jupiter.api.Test;

import java.util.List;


import static io.tablewarden.report.ReportFixtures.report;
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
}
