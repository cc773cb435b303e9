package io.tablewarden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tablewarden.engine.checks.CheckRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OtherCommandsTest {

    @Test
    void checksListsIdSeverityControlAndTitle() {
        CliHarness cli = new CliHarness();
        assertEquals(0, cli.run("checks"));
        List<String> lines = cli.out().lines().toList();
        assertEquals(CheckRegistry.builtIn().all().size() + 1, lines.size(), cli.out());
        assertTrue(lines.get(0).matches("id\\s+severity\\s+security hub\\s+title"), lines.get(0));
        assertTrue(cli.out().lines().anyMatch(l -> l.matches(
                "dynamodb_tables_pitr_enabled\\s+medium\\s+DynamoDB\\.2\\s+\\S.*")), cli.out());
        assertTrue(cli.out().lines().anyMatch(l -> l.matches(
                "dynamodb_table_kms_key_usable\\s+high\\s+-\\s+\\S.*")), cli.out());
    }

    @Test
    void checksAsJson() throws Exception {
        CliHarness cli = new CliHarness();
        assertEquals(0, cli.run("checks", "--format", "json"));
        JsonNode array = new ObjectMapper().readTree(cli.out());
        assertEquals(CheckRegistry.builtIn().all().size(), array.size());
        assertEquals("DynamoDB.1", byId(array, "dynamodb_table_autoscaling_enabled").path("securityHubControl").asText());
        assertEquals("high", byId(array, "dynamodb_table_kms_key_usable").path("severity").asText());
        assertTrue(byId(array, "dynamodb_table_kms_key_usable").path("securityHubControl").isNull());
    }

    private static JsonNode byId(JsonNode array, String id) {
        for (JsonNode node : array) {
            if (node.path("id").asText().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("no check " + id);
    }

    @Test
    void versionAndBareUsage() {
        CliHarness cli = new CliHarness();
        assertEquals(0, cli.run("--version"));
        assertTrue(cli.out().startsWith("tablewarden "), cli.out());
        CliHarness bare = new CliHarness();
        assertEquals(0, bare.run());
        assertTrue(bare.out().contains("scan"), bare.out());
        assertTrue(bare.out().contains("tablewarden scan --demo"), bare.out());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("scan", "simulate", "checks")) {
            CliHarness cli = new CliHarness();
            assertEquals(0, cli.run(command, "--help"), cli.err());
            assertTrue(cli.out().startsWith("Usage: tablewarden " + command), cli.out());
        }
        CliHarness cli = new CliHarness();
        assertEquals(0, cli.run("scan", "--version"));
        assertTrue(cli.out().startsWith("tablewarden "), cli.out());
    }

    @Test
    void simulatePrintsTheUrlAndAnExampleThenStopsOnCtrlC(@TempDir Path dir) throws Exception {
        Path fixture = Files.writeString(dir.resolve("account.json"), "{}");
        CliHarness cli = new CliHarness();
        cli.interrupts = callback -> {
            Thread ctrlC = new Thread(callback);
            ctrlC.start();
            return () -> { };
        };
        int code = cli.run("simulate", "--fixture", fixture.toString(), "--port", "4566");
        assertEquals(0, code, cli.err());
        assertTrue(cli.out().contains("Simulator listening on http://127.0.0.1:4566"), cli.out());
        assertTrue(cli.out().contains("AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test"), cli.out());
        assertTrue(cli.out().contains("aws dynamodb list-tables --endpoint-url http://127.0.0.1:4566 --region eu-west-1"),
                cli.out());
        assertEquals(List.of("start account.json 4566", "closed"), cli.simulatorEvents);
    }

    @Test
    void simulateRejectsAPortOutOfRange() {
        CliHarness cli = new CliHarness();
        assertEquals(ExitCodes.USAGE, cli.run("simulate", "--demo", "--port", "70000"));
        assertTrue(cli.simulatorEvents.isEmpty());
    }
}
