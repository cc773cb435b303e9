package io.tablewarden.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.Status;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ASFF for BatchImportFindings: required fields, batches of at most 100, stable ids, mutes as suppressed. */
class AsffReportWriterTest {

    private final ObjectMapper mapper = new ObjectMapper();

    /** Top-level fields BatchImportFindings requires in every finding. */
    static final List<String> REQUIRED = List.of("SchemaVersion", "Id", "ProductArn", "GeneratorId", "AwsAccountId",
            "Types", "CreatedAt", "UpdatedAt", "Severity", "Title", "Description", "Resources");

    @Test
    void theDemoAccountGivesLinesOfAtMostOneHundredCompleteFindings() throws Exception {
        ScanReport demo = DemoReports.demo();
        String out = ReportFixtures.render(new AsffReportWriter(), demo);
        String[] lines = out.split("\n");
        assertEquals((demo.results().size() + 99) / 100, lines.length);
        int total = 0;
        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            JsonNode batch = mapper.readTree(line);
            assertTrue(batch.isArray());
            assertTrue(batch.size() <= AsffReportWriter.BATCH_SIZE && batch.size() > 0);
            for (JsonNode f : batch) {
                total++;
                for (String field : REQUIRED) {
                    assertFalse(f.path(field).isMissingNode(), field + " missing in " + f);
                }
                assertTrue(ids.add(f.path("Id").asText()), "ids are unique");
                assertEquals("2018-10-08", f.path("SchemaVersion").asText());
                String account = f.path("AwsAccountId").asText();
                assertEquals("arn:aws:securityhub:" + f.path("Region").asText() + ":" + account + ":product/"
                        + account + "/default", f.path("ProductArn").asText());
                assertTrue(f.path("Title").asText().length() <= AsffReportWriter.TITLE_MAX);
                assertTrue(f.path("Description").asText().length() <= AsffReportWriter.DESCRIPTION_MAX);
                assertTrue(Set.of("PASSED", "FAILED", "NOT_AVAILABLE").contains(
                        f.path("Compliance").path("Status").asText()));
                assertTrue(Set.of("LOW", "MEDIUM", "HIGH", "CRITICAL", "INFORMATIONAL").contains(
                        f.path("Severity").path("Label").asText()));
                String type = f.path("Resources").get(0).path("Type").asText();
                assertTrue(type.equals("AwsDynamoDbTable") || type.equals("AwsDaxCluster"), type);
                if (type.equals("AwsDynamoDbTable")) {
                    assertFalse(f.path("Resources").get(0).path("Details").path("AwsDynamoDbTable")
                            .path("TableName").asText().isEmpty());
                }
                Instant.parse(f.path("CreatedAt").asText());
                Instant.parse(f.path("FirstObservedAt").asText());
            }
        }
        assertEquals(demo.results().size(), total);
    }

    @Test
    void idsAreStableAcrossScansAndMutedFindingsAreSuppressed() throws Exception {
        ScanReport report = ReportFixtures.report(ReportFixtures.sampleResults());
        CheckResult orders = report.results().get(0);
        ScanReport muted = report.with(Map.of(orders.identity(), new ScanReport.MuteNote("accepted", "analyst",
                null)), null);
        JsonNode first = mapper.readTree(ReportFixtures.render(new AsffReportWriter(), report).split("\n")[0]);
        JsonNode again = mapper.readTree(ReportFixtures.render(new AsffReportWriter(), muted).split("\n")[0]);
        assertEquals(first.get(0).path("Id").asText(), again.get(0).path("Id").asText());
        assertEquals(FindingUid.of(orders), first.get(0).path("Id").asText());
        assertEquals("NEW", first.get(0).path("Workflow").path("Status").asText());
        assertEquals("SUPPRESSED", again.get(0).path("Workflow").path("Status").asText());
        assertEquals("FAILED", again.get(0).path("Compliance").path("Status").asText(), "the verdict stays");
        assertEquals("RESOLVED", first.get(1).path("Workflow").path("Status").asText());
        assertEquals("PASSED", first.get(1).path("Compliance").path("Status").asText());
        assertEquals("NOT_AVAILABLE", first.get(2).path("Compliance").path("Status").asText());
        assertEquals("ACTIVE", first.get(0).path("RecordState").asText());
        assertEquals("DynamoDB.2", first.get(0).path("Compliance").path("SecurityControlId").asText());
        assertEquals("Turn on PITR for orders.",
                first.get(0).path("Remediation").path("Recommendation").path("Text").asText());
    }

    @Test
    void longTextsAreCutToTheApiLimits() {
        String longText = "x".repeat(2000);
        assertEquals(AsffReportWriter.DESCRIPTION_MAX, AsffReportWriter.limit(longText,
                AsffReportWriter.DESCRIPTION_MAX).length());
        String emoji = "a".repeat(254) + "\uD83D\uDE00" + "b";
        String cut = AsffReportWriter.limit(emoji, 256);
        assertFalse(Character.isHighSurrogate(cut.charAt(cut.length() - 2)), "never half a surrogate pair");
        assertEquals(ResourceType.DAX_CLUSTER.securityHubType(), "AwsDaxCluster");
        assertEquals("PASSED", AsffReportWriter.complianceStatus(Status.PASS));
    }
}
