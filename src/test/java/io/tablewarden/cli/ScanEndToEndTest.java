package io.tablewarden.cli;

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
                ScanRunner.engine(), SimulatorLauncher.simulator(), Interrupts.none(), Clock.systemUTC(),
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
    void demoScanCompletes() {
        int code = run("scan", "--demo", "--output-format", "json", "--no-progress");
        assertTrue(code == ExitCodes.OK || code == ExitCodes.FINDINGS, err.toString(StandardCharsets.UTF_8));
    }
}
