package io.tablewarden.cli;

import io.tablewarden.app.ScanRunner;
import io.tablewarden.app.SimulatedAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole path: command line, simulator serving a fixture, engine, checks and writers. Uses the same
 * wiring as {@link CliContext#standard()} except for the captured streams and Ctrl-C.
 */
class ScanEndToEndTest {

    private static final String ORDERS = "arn:aws:dynamodb:eu-west-1:123456789012:table/orders";
    private static final String PAYMENTS = "arn:aws:dynamodb:eu-west-1:123456789012:table/payments";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ObjectMapper mapper = new ObjectMapper();

    private int run(String... args) {
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, CliContext::availableChecks,
                ScanRunner.engine(), new SimulatedAccounts(), Interrupts.none(), Clock.systemUTC(),
                System::nanoTime, false);
        return Cli.run(ctx, args);
    }

    private static Path fixture(Path dir) throws Exception {
        Path target = dir.resolve("example-account.json");
        try (var in = ScanEndToEndTest.class.getResourceAsStream("/cli/example-account.json")) {
            Files.copy(in, target);
        }
        return target;
    }

    private static JsonNode finding(JsonNode findings, String checkId, String arn) {
        for (JsonNode f : findings) {
            if (f.path("metadata").path("event_code").asText().equals(checkId)
                    && f.path("resources").get(0).path("uid").asText().equals(arn)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + checkId + " for " + arn);
    }

    @Test
    void fixtureScanWritesOcsfAndStatsAndExitsThree(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("findings.ocsf.json");
        Path stats = dir.resolve("stats.json");
        int code = run("scan", "--fixture", fixture(dir).toString(), "--output-format", "ocsf",
                "--output", report.toString(), "--stats", stats.toString(), "--no-progress");
        assertEquals(ExitCodes.FINDINGS, code, err.toString(StandardCharsets.UTF_8));

        JsonNode findings = mapper.readTree(report.toFile());
        JsonNode ordersPitr = finding(findings, "dynamodb_tables_pitr_enabled", ORDERS);
        assertEquals("FAIL", ordersPitr.path("status_code").asText());
        assertEquals("123456789012", ordersPitr.path("cloud").path("account").path("uid").asText());
        assertEquals("eu-west-1", ordersPitr.path("cloud").path("region").asText());
        assertTrue(ordersPitr.path("remediation").path("cli").asText().contains("orders"));
        assertTrue(!ordersPitr.path("remediation").path("cli").asText().contains("{{"));
        assertEquals("PASS", finding(findings, "dynamodb_tables_pitr_enabled", PAYMENTS).path("status_code").asText());
        assertEquals("FAIL", finding(findings, "dynamodb_table_deletion_protection_enabled", ORDERS)
                .path("status_code").asText());
        assertEquals("PASS", finding(findings, "dynamodb_table_customer_managed_key", PAYMENTS)
                .path("status_code").asText());

        JsonNode statsJson = mapper.readTree(stats.toFile());
        assertTrue(statsJson.path("apiCalls").path("total").asLong() > 0);
        assertEquals(1, statsJson.path("regions").asInt());
        assertEquals(2, statsJson.path("resources").asInt());
        assertTrue(statsJson.path("results").path("FAIL").asInt() > 0);
    }

    @Test
    void textReportOfOneCheck(@TempDir Path dir) throws Exception {
        int code = run("scan", "--fixture", fixture(dir).toString(), "--checks", "dynamodb_tables_pitr_enabled",
                "--no-progress");
        assertEquals(ExitCodes.FINDINGS, code);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("orders  [AWS::DynamoDB::Table, eu-west-1]"), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("dynamodb_tables_pitr_enabled\\s+1\\s+1\\s+0\\s+0")), text);
    }

    @Test
    void invalidFixtureIsExitOneNamingTheJsonPath(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"formatVersion\": 99, \"account\": \"1\"}");
        int code = run("scan", "--fixture", broken.toString(), "--no-progress");
        assertEquals(ExitCodes.NOT_RUN, code);
        String line = err.toString(StandardCharsets.UTF_8).strip();
        assertTrue(line.startsWith("tablewarden: invalid fixture ") && line.contains("$."), line);
        assertEquals(1, line.lines().count());
    }

    @Test
    void aRegionTheAccountHasNotEnabledIsAUsageErrorNamingTheEnabledOnes() {
        int code = run("scan", "--demo", "--region", "eu-west-1,ap-northeast-3", "--no-progress", "--no-store");
        assertEquals(ExitCodes.USAGE, code);
        assertEquals("tablewarden: --region ap-northeast-3 is not enabled in account 111122223333; enabled regions:"
                + " ap-southeast-2, eu-central-1, eu-west-1, us-east-1", err.toString(StandardCharsets.UTF_8).strip());
        assertEquals("", out.toString(StandardCharsets.UTF_8), "no report for a scan the user did not mean");
    }

    @Test
    void aDeniedCallMakesItsResultsErrorAndTheExitIncomplete(@TempDir Path dir) throws Exception {
        Path fixture = withFaults(dir, "{\"accessDenied\": [{\"action\": \"dynamodb:DescribeContinuousBackups\"}]}");
        int code = run("scan", "--fixture", fixture.toString(), "--output-format", "json", "--no-progress");
        assertEquals(ExitCodes.INCOMPLETE, code, err.toString(StandardCharsets.UTF_8));
        JsonNode results = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).path("results");
        boolean pitrErrors = false;
        for (JsonNode r : results) {
            if (r.path("checkId").asText().equals("dynamodb_tables_pitr_enabled")) {
                assertEquals("ERROR", r.path("status").asText(), r.toString());
                pitrErrors = true;
            }
        }
        assertTrue(pitrErrors, "the denied call's check has results");
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("tablewarden: incomplete scan: 2 results are ERROR"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aRegionWhoseTablesCannotBeListedMakesTheExitIncomplete(@TempDir Path dir) throws Exception {
        Path fixture = withFaults(dir, "{\"accessDenied\": [{\"action\": \"dynamodb:ListTables\"}]}");
        int code = run("scan", "--fixture", fixture.toString(), "--no-progress");
        assertEquals(ExitCodes.INCOMPLETE, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("1 region was not scanned whole"),
                err.toString(StandardCharsets.UTF_8));
    }

    /** The example account with {@code faults} (JSON) added. */
    private static Path withFaults(Path dir, String faults) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root =
                (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(fixture(dir).toFile());
        root.set("faults", mapper.readTree(faults));
        Path file = dir.resolve("faulty-account.json");
        mapper.writeValue(file.toFile(), root);
        return file;
    }

    @Test
    void demoScanCompletes() {
        int code = run("scan", "--demo", "--output-format", "json", "--no-progress");
        assertTrue(code == ExitCodes.OK || code == ExitCodes.FINDINGS, err.toString(StandardCharsets.UTF_8));
    }
}
