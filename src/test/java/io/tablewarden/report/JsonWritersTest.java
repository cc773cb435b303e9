package io.tablewarden.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static io.tablewarden.report.ReportFixtures.ACCOUNT;
import static io.tablewarden.report.ReportFixtures.report;
import static io.tablewarden.report.ReportFixtures.render;
import static io.tablewarden.report.ReportFixtures.sampleResults;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonWritersTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void nativeJsonHasScanResultsAndStats() throws Exception {
        JsonNode root = mapper.readTree(render(new NativeJsonReportWriter(), report(sampleResults())));
        JsonNode scan = root.path("scan");
        assertEquals(ACCOUNT, scan.path("account").asText());
        assertEquals("aws", scan.path("partition").asText());
        assertEquals("arn:aws:iam::" + ACCOUNT + ":user/auditor", scan.path("callerArn").asText());
        assertEquals("eu-west-1", scan.path("regions").get(0).asText());
        assertEquals("2026-01-02T03:04:05Z", scan.path("started").asText());
        assertEquals("2026-01-02T03:04:17Z", scan.path("finished").asText());
        assertEquals("COMPLETED", scan.path("state").asText());
        assertEquals("1.2.3", scan.path("toolVersion").asText());
        assertEquals(48, scan.path("parameters").path("maxRecoveryPointAgeHours").asInt());
        assertTrue(scan.path("parameters").path("minRecoveryPeriodDays").isNull());

        JsonNode results = root.path("results");
        assertEquals(4, results.size());
        JsonNode first = results.get(0);
        assertEquals("dynamodb_tables_pitr_enabled", first.path("checkId").asText());
        assertEquals("FAIL", first.path("status").asText());
        assertEquals("MEDIUM", first.path("severity").asText());
        assertEquals("DynamoDB.2", first.path("securityHubControl").asText());
        assertEquals("orders", first.path("resource").path("name").asText());
        assertEquals("TABLE", first.path("resource").path("type").asText());
        assertEquals(35, first.path("evidence").path("RecoveryPeriodInDays").asInt());
        assertEquals(FindingUid.of(sampleResults().get(0)), first.path("findingUid").asText());
        assertEquals(42, root.path("stats").path("apiCalls").path("total").asInt());
    }

    @Test
    void statsJsonCountsCallsAndResults() throws Exception {
        JsonNode stats = mapper.readTree(render(new StatsJsonWriter(), report(sampleResults())));
        assertEquals(42, stats.path("apiCalls").path("total").asInt());
        assertEquals(30, stats.path("apiCalls").path("byOperation").path("dynamodb:DescribeTable").asInt());
        assertEquals(3, stats.path("retries").asInt());
        assertEquals(2, stats.path("throttled").asInt());
        assertEquals(1234, stats.path("wallMillis").asInt());
        assertEquals(7, stats.path("maxConcurrency").asInt());
        assertEquals(16, stats.path("configuredConcurrency").asInt());
        assertEquals(2, stats.path("regions").asInt());
        assertEquals(3, stats.path("resources").asInt());
        JsonNode results = stats.path("results");
        assertEquals(1, results.path("PASS").asInt());
        assertEquals(1, results.path("FAIL").asInt());
        assertEquals(1, results.path("ERROR").asInt());
        assertEquals(1, results.path("NOT_APPLICABLE").asInt());
    }
}
