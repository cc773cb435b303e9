package io.tablewarden.engine.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.ScanEngine;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.RawResponse;
import io.tablewarden.simulator.AccountSimulator;
import io.tablewarden.simulator.SimulatorOptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The raw answers a scan of the example account emits, through the simulator and the real SDK. */
class RawResponseCaptureTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLE = "arn:aws:dynamodb:eu-north-1:210987654321:table/";
    private static final String KEY = "arn:aws:kms:eu-north-1:210987654321:key/7f3e8a52-1111-4222-8333-944455556666";

    @Test
    void everySuccessfulJsonAnswerIsEmittedOnceWithItsResourceKey() throws Exception {
        List<RawResponse> captured = scan(example(), SimulatorOptions.defaults());

        Set<String> actions = captured.stream().map(RawResponse::action).collect(Collectors.toSet());
        assertFalse(actions.stream().anyMatch(a -> a.startsWith("sts:") || a.startsWith("ec2:")), actions.toString());
        assertTrue(actions.containsAll(Set.of("dynamodb:ListTables", "dynamodb:DescribeTable",
                "dynamodb:DescribeContinuousBackups", "tag:GetResources",
                "application-autoscaling:DescribeScalableTargets", "backup:DescribeRegionSettings",
                "backup:GetBackupPlan", "backup:GetBackupSelection", "dax:DescribeClusters", "kms:DescribeKey",
                "kms:GetKeyRotationStatus", "kms:ListAliases")), actions.toString());

        RawResponse describe = only(captured, "dynamodb:DescribeTable", TABLE + "invoices");
        assertEquals("eu-north-1", describe.region());
        assertEquals("{\"TableName\":\"invoices\"}", describe.requestJson());
        assertEquals("invoices", JSON.readTree(describe.responseJson()).at("/Table/TableName").asText());
        // Named by table name in the request, keyed by the ARN built from the account.
        only(captured, "dynamodb:DescribeContinuousBackups", TABLE + "invoices");
        only(captured, "kms:DescribeKey", KEY);
        only(captured, "kms:GetKeyRotationStatus", KEY);
        only(captured, "dax:ListTags", "arn:aws:dax:eu-north-1:210987654321:cache/session-cache");
        only(captured, "backup:DescribeBackupVault", "Default");
        String plan = "5b1d6c2e-aaaa-4bbb-8ccc-000000000001";
        only(captured, "backup:GetBackupPlan", plan);
        RawResponse selection = captured.stream().filter(r -> r.action().equals("backup:GetBackupSelection"))
                .findFirst().orElseThrow();
        assertTrue(selection.resourceKey().startsWith(plan + "/"), selection.resourceKey());
        assertEquals(selection.resourceKey().substring(plan.length() + 1),
                JSON.readTree(selection.responseJson()).path("SelectionId").asText());
        for (RawResponse r : captured) {
            if (Set.of("dynamodb:ListTables", "dax:DescribeClusters", "backup:ListBackupPlans",
                    "backup:DescribeRegionSettings", "kms:ListAliases", "tag:GetResources").contains(r.action())) {
                assertNull(r.resourceKey(), r.toString());
            }
            assertFalse(r.requestJson().contains("AKIDSIMULATOR") || r.requestJson().contains("secret"),
                    r.requestJson());
            JSON.readTree(r.responseJson());
        }
    }

    @Test
    void everyPageIsItsOwnAnswer() throws Exception {
        // Page size 1: two tables take two ListTables pages, the second asking from where the first ended.
        List<RawResponse> pages = scan(example(), SimulatorOptions.builder().pageSize(1).build()).stream()
                .filter(r -> r.action().equals("dynamodb:ListTables")).collect(Collectors.toList());
        assertEquals(2, pages.size(), pages.toString());
        assertEquals("{}", pages.get(0).requestJson());
        assertEquals("{\"ExclusiveStartTableName\":\"invoices\"}", pages.get(1).requestJson());
    }

    @Test
    void failedCallsAndRetriedAttemptsEmitNothingExtra() throws Exception {
        ObjectNode fixture = example();
        fixture.set("faults", JSON.readTree("{\"accessDenied\": [{\"action\": \"dynamodb:DescribeContinuousBackups\","
                + " \"resource\": \"" + TABLE + "scratch\"}], \"throttleRate\": 0.3, \"seed\": 7}"));
        List<RawResponse> captured = scan(fixture, SimulatorOptions.defaults());

        assertTrue(captured.stream().noneMatch(r -> r.action().equals("dynamodb:DescribeContinuousBackups")
                && r.resourceKey().equals(TABLE + "scratch")));
        only(captured, "dynamodb:DescribeContinuousBackups", TABLE + "invoices");
        only(captured, "dynamodb:DescribeTable", TABLE + "scratch");
    }

    @Test
    void callsTheGuardRefusesNeverReachTheCapture() throws Exception {
        List<RawResponse> captured = Collections.synchronizedList(new ArrayList<>());
        RawResponseCapture capture = new RawResponseCapture(captured::add);
        capture.identify("210987654321", "aws");
        try (AccountSimulator sim = AccountSimulator.startFromJson(JSON.writeValueAsString(example()),
                SimulatorOptions.defaults());
             AwsClientFactory clients = new AwsClientFactory(ConnectionSettings.forSimulator(sim.endpoint(),
                     "eu-north-1"), ClientTuning.of(2, Duration.ofSeconds(5), 2), new CallMetrics())
                     .capturingRawResponses(capture)) {
            assertThrows(ReadOnlyViolationException.class,
                    () -> clients.dynamoDb("eu-north-1").deleteTable(b -> b.tableName("scratch")));
            assertTrue(captured.isEmpty(), captured.toString());
            clients.dynamoDb("eu-north-1").describeTable(b -> b.tableName("scratch"));
            assertEquals(1, captured.size());
            assertEquals(TABLE + "scratch", captured.get(0).resourceKey());
        }
    }

    @Test
    void gzipBodiesAreStoredDecompressed() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
            out.write("{\"TableNames\":[]}".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("{\"TableNames\":[]}", RawResponseCapture.text(zipped.toByteArray()));
        assertEquals("{}", RawResponseCapture.text("{}".getBytes(StandardCharsets.UTF_8)));
    }

    private static RawResponse only(List<RawResponse> captured, String action, String key) {
        List<RawResponse> found = captured.stream()
                .filter(r -> r.action().equals(action) && key.equals(r.resourceKey())).collect(Collectors.toList());
        assertEquals(1, found.size(), action + " " + key + " in " + captured.size() + " answers");
        return found.get(0);
    }

    private static ObjectNode example() throws Exception {
        try (InputStream in = RawResponseCaptureTest.class.getResourceAsStream("/engine/example-account.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private static List<RawResponse> scan(JsonNode fixture, SimulatorOptions options) throws Exception {
        List<RawResponse> captured = Collections.synchronizedList(new ArrayList<>());
        try (AccountSimulator sim = AccountSimulator.startFromJson(JSON.writeValueAsString(fixture), options)) {
            ScanRequest request = new ScanRequest(ConnectionSettings.forSimulator(sim.endpoint(), "eu-north-1"),
                    List.of(), Set.of(), CheckParameters.defaults(), 4, Duration.ofSeconds(5), 6);
            ScanOutcome outcome = new ScanEngine(CheckRegistry.builtIn().all()).run(request, new ScanListener() {
                @Override
                public boolean wantsRawResponses() {
                    return true;
                }

                @Override
                public void rawResponse(RawResponse response) {
                    captured.add(response);
                }
            }, new CancellationToken());
            assertEquals(ScanOutcome.ScanState.COMPLETED, outcome.state(), outcome.failureReason());
        }
        return new ArrayList<>(captured);
    }
}
