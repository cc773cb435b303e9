package io.tablewarden.report;

import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Severity;
import io.tablewarden.model.Status;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tablewarden.report.ReportFixtures.PITR;
import static io.tablewarden.report.ReportFixtures.report;
import static io.tablewarden.report.ReportFixtures.render;
import static io.tablewarden.report.ReportFixtures.result;
import static io.tablewarden.report.ReportFixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvReportWriterTest {

    @Test
    void headerThenOneRowPerResult() throws Exception {
        String csv = render(new CsvReportWriter(), report(ReportFixtures.sampleResults()));
        String[] lines = csv.split("\r\n");
        assertEquals("account,region,check_id,security_hub_control,severity,status,resource_type,resource_name,"
                + "resource_arn,status_text,finding_uid,remediation_cli", lines[0]);
        assertEquals(5, lines.length);
        assertTrue(lines[1].startsWith("210987654321,eu-west-1,dynamodb_tables_pitr_enabled,DynamoDB.2,medium,FAIL,"
                + "AWS::DynamoDB::Table,orders,arn:aws:dynamodb:eu-west-1:210987654321:table/orders,"));
        assertTrue(lines[1].endsWith(",aws dynamodb update-continuous-backups --region eu-west-1 --table-name orders "
                + "--point-in-time-recovery-specification PointInTimeRecoveryEnabled=true"), lines[1]);
        assertTrue(lines[3].contains(",dynamodb_table_cross_account_access,,high,ERROR,"), "no control = empty field");
    }

    @Test
    void quotesCommasQuotesAndNewlinesAsRfc4180() throws Exception {
        CheckResult tricky = result(PITR, table("eu-west-1", "orders"), Status.FAIL, Severity.MEDIUM,
                "Table orders, \"prod\"\nhas PITR off.");
        String csv = render(new CsvReportWriter(), report(List.of(tricky)));
        assertTrue(csv.contains(",\"Table orders, \"\"prod\"\"\nhas PITR off.\","), csv);
        assertTrue(csv.endsWith("\r\n"));
    }

    @Test
    void quoteLeavesPlainFieldsAlone() {
        assertEquals("plain", CsvReportWriter.quote("plain"));
        assertEquals("\"a,b\"", CsvReportWriter.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvReportWriter.quote("say \"hi\""));
        assertEquals("\"line\r\nbreak\"", CsvReportWriter.quote("line\r\nbreak"));
    }

    @Test
    void fieldsThatSpreadsheetsWouldEvaluateStartWithAnApostrophe() throws Exception {
        assertEquals("'=1+2", CsvReportWriter.quote("=1+2"));
        assertEquals("'+1", CsvReportWriter.quote("+1"));
        assertEquals("'-cmd", CsvReportWriter.quote("-cmd"));
        assertEquals("'@SUM(A1)", CsvReportWriter.quote("@SUM(A1)"));
        assertEquals("'\tx", CsvReportWriter.quote("\tx"));
        assertEquals("\"'=1,2\"", CsvReportWriter.quote("=1,2"));
        assertEquals("a=b", CsvReportWriter.quote("a=b"));
        assertEquals("", CsvReportWriter.quote(""));

        CheckResult hostile = result(PITR, table("eu-west-1", "-orders"), Status.FAIL, Severity.MEDIUM,
                "=cmd|' /C calc'!A0");
        String csv = render(new CsvReportWriter(), report(List.of(hostile)));
        assertTrue(csv.contains(",'-orders,"), csv);
        assertTrue(csv.contains(",'=cmd|' /C calc'!A0,"), csv);
    }
}
