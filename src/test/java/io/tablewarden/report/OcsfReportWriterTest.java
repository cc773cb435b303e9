package io.tablewarden.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tablewarden.report.ReportFixtures.ACCOUNT;
import static io.tablewarden.report.ReportFixtures.PITR;
import static io.tablewarden.report.ReportFixtures.report;
import static io.tablewarden.report.ReportFixtures.render;
import static io.tablewarden.report.ReportFixtures.sampleResults;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OcsfReportWriterTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode findings(List<CheckResult> results) throws Exception {
        return mapper.readTree(render(new OcsfReportWriter(), report(results)));
    }

    @Test
    void writesOneDetectionFindingPerResultWithKeyFields() throws Exception {
        JsonNode findings = findings(sampleResults());
        assertEquals(4, findings.size());
        JsonNode f = findings.get(0);
        assertEquals(2004, f.path("class_uid").asInt());
        assertEquals(2, f.path("category_uid").asInt());
        assertEquals(1, f.path("activity_id").asInt());
        assertEquals(200401, f.path("type_uid").asInt());
        assertEquals(1, f.path("status_id").asInt());
        assertEquals(PITR, f.path("metadata").path("event_code").asText());
        assertEquals("1.1.0", f.path("metadata").path("version").asText());
        assertEquals("Tablewarden", f.path("metadata").path("product").path("name").asText());
        assertEquals("1.2.3", f.path("metadata").path("product").path("version").asText());
        assertEquals("cloud", f.path("metadata").path("profiles").get(0).asText());
        assertEquals("FAIL", f.path("status_code").asText());
        assertEquals("Table orders has point-in-time recovery disabled.", f.path("status_detail").asText());
        assertEquals(3, f.path("severity_id").asInt());
        assertEquals("Medium", f.path("severity").asText());
        assertEquals("arn:aws:dynamodb:eu-west-1:" + ACCOUNT + ":table/orders", f.path("resources").get(0).path("uid").asText());
        assertEquals("AWS::DynamoDB::Table", f.path("resources").get(0).path("type").asText());
        assertEquals("DISABLED", f.path("resources").get(0).path("data").path("evidence")
                .path("PointInTimeRecoveryStatus").asText());
        assertEquals("eu-west-1", f.path("cloud").path("region").asText());
        assertEquals(ACCOUNT, f.path("cloud").path("account").path("uid").asText());
        assertEquals("AWS_Account", f.path("cloud").path("account").path("type").asText());
        assertEquals("aws", f.path("cloud").path("partition").asText());
        assertEquals("2026-01-02T03:04:17Z", f.path("time_dt").asText());
        assertEquals("DynamoDB table has point-in-time recovery enabled", f.path("finding_info").path("title").asText());
    }

    @Test
    void statusCodesAndSeveritiesFollowTheResults() throws Exception {
        JsonNode findings = findings(sampleResults());
        assertEquals("PASS", findings.get(1).path("status_code").asText());
        assertEquals("ERROR", findings.get(2).path("status_code").asText());
        assertEquals("NOT_APPLICABLE", findings.get(3).path("status_code").asText());
        assertEquals(4, findings.get(2).path("severity_id").asInt());
        assertEquals("High", findings.get(2).path("severity").asText());
    }

    @Test
    void severityIdsCoverTheWholeScale() {
        assertEquals(1, OcsfReportWriter.severityId(Severity.INFORMATIONAL));
        assertEquals(5, OcsfReportWriter.severityId(Severity.CRITICAL));
        assertEquals("Informational", OcsfReportWriter.capitalised(Severity.INFORMATIONAL));
    }

    @Test
    void findingUidIsStableAcrossScansAndDistinctAcrossResources() throws Exception {
        JsonNode first = findings(sampleResults());
        JsonNode second = findings(sampleResults());
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).path("finding_info").path("uid").asText(),
                    second.get(i).path("finding_info").path("uid").asText());
        }
        assertNotEquals(first.get(0).path("finding_info").path("uid").asText(),
                first.get(1).path("finding_info").path("uid").asText());
        assertNotEquals(first.get(0).path("finding_info").path("uid").asText(),
                first.get(2).path("finding_info").path("uid").asText(), "same resource, other check");
    }

    @Test
    void mapsSecurityHubControlOnlyWhereTheCheckHasOne() throws Exception {
        JsonNode findings = findings(sampleResults());
        JsonNode pitr = findings.get(0).path("unmapped");
        assertEquals("DynamoDB.2", pitr.path("compliance").path("AWS-Foundational-Security-Best-Practices").get(0).asText());
        assertEquals("resilience", pitr.path("categories").get(0).asText());
        assertFalse(pitr.path("check_type").asText().isEmpty());
        assertTrue(findings.get(2).path("unmapped").path("compliance").isEmpty());
    }

    @Test
    void remediationSnippetsAreFilledWithTheResourceValues() throws Exception {
        JsonNode remediation = findings(sampleResults()).get(0).path("remediation");
        String cli = remediation.path("cli").asText();
        assertEquals("aws dynamodb update-continuous-backups --region eu-west-1 --table-name orders "
                + "--point-in-time-recovery-specification PointInTimeRecoveryEnabled=true", cli);
        for (String field : List.of("desc", "cli", "cloudformation", "terraform", "console")) {
            assertFalse(remediation.path(field).asText().contains("{{"), field + " still has a token");
        }
        assertEquals("https://docs.aws.amazon.com/pitr", remediation.path("references").get(0).asText());
        assertEquals("Data cannot be restored to a point in time.",
                findings(sampleResults()).get(0).path("risk_details").asText());
    }

    @Test
    void emptyScanGivesEmptyArray() throws Exception {
        assertEquals(0, findings(List.of()).size());
        assertTrue(findings(List.of()).isArray());
    }

    @Test
    void mutedFindingsAreSuppressedAndKeepTheirStatusCode() throws Exception {
        ScanReport plain = report(sampleResults());
        CheckResult orders = plain.results().get(0);
        ScanReport muted = plain.with(java.util.Map.of(orders.identity(), new ScanReport.MuteNote("accepted",
                "analyst", java.time.Instant.parse("2027-01-01T00:00:00Z"))), null);
        JsonNode findings = mapper.readTree(render(new OcsfReportWriter(), muted));
        JsonNode f = findings.get(0);
        assertEquals("Suppressed", f.path("status").asText());
        assertEquals(3, f.path("status_id").asInt());
        assertEquals("FAIL", f.path("status_code").asText());
        assertEquals("accepted", f.path("unmapped").path("mute").path("reason").asText());
        assertEquals("2027-01-01T00:00:00Z", f.path("unmapped").path("mute").path("expires_dt").asText());
        assertEquals("New", findings.get(1).path("status").asText());
        assertEquals(1, findings.get(1).path("status_id").asInt());
        assertEquals("DynamoDB.2", f.path("unmapped").path("compliance_status").path("control").asText());
        assertEquals("FAILED", f.path("unmapped").path("compliance_status").path("status").asText());
        assertEquals("orders", f.path("resources").get(0).path("data").path("details").path("name").asText());
        assertEquals("dynamodb", f.path("resources").get(0).path("group").path("name").asText());
    }
}
