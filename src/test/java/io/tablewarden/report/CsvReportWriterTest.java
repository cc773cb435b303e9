package io.tablewarden.report;

import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Severity;
import io.tablewarden.model.Status;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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
    void headerThenOneRowPerResultWithEveryColumnASpreadsheetUserFiltersOn() throws Exception {
        ScanReport plain = report(ReportFixtures.sampleResults());
        CheckResult orders = plain.results().get(0);
        ScanReport report = plain.with(java.util.Map.of(orders.identity(), new ScanReport.MuteNote("accepted risk",
                "analyst", java.time.Instant.parse("2027-01-01T00:00:00Z"))), null)
                .with(new ScanReport.History("17", java.util.Map.of(orders.identity(),
                        java.time.Instant.parse("2025-06-01T10:00:00Z"))));
        String csv = render(new CsvReportWriter(), report);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(csv)).getRecords();
        assertEquals(CsvReportWriter.HEADER, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(csv)).getHeaderNames());
        assertEquals(4, rows.size());
        CSVRecord first = rows.get(0);
        assertEquals("210987654321", first.get("account"));
        assertEquals("eu-west-1", first.get("region"));
        assertEquals("AWS::DynamoDB::Table", first.get("resource_type"));
        assertEquals("orders", first.get("resource_name"));
        assertEquals("arn:aws:dynamodb:eu-west-1:210987654321:table/orders", first.get("resource_arn"));
        assertEquals(PITR, first.get("check_id"));
        assertEquals("DynamoDB table has point-in-time recovery enabled", first.get("check_title"));
        assertEquals("DynamoDB.2", first.get("security_hub_control"));
        assertEquals("medium", first.get("severity"));
        assertEquals("FAIL", first.get("status"));
        assertEquals("yes", first.get("muted"));
        assertEquals("accepted risk", first.get("mute_reason"));
        assertEquals("2027-01-01T00:00:00Z", first.get("mute_expires"));
        assertEquals("aws dynamodb update-continuous-backups --region eu-west-1 --table-name orders "
                + "--point-in-time-recovery-specification PointInTimeRecoveryEnabled=true", first.get("remediation_cli"));
        assertEquals("2025-06-01T10:00:00Z", first.get("first_seen"));
        assertEquals("17", first.get("scan_id"));
        assertEquals(FindingUid.of(orders), first.get("finding_uid"));
        assertEquals("no", rows.get(1).get("muted"));
        assertEquals("", rows.get(1).get("remediation_cli"), "a passing result needs no fix");
        assertEquals("", rows.get(2).get("security_hub_control"), "no control = empty field");
        assertEquals("ERROR", rows.get(2).get("status"));
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
