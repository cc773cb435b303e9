package io.tablewarden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tablewarden.engine.checks.Check;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.report.CheckExplanation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tablewarden checks --explain ID}: every check explained in the terminal, in text or JSON. */
class ChecksExplainTest {

    @Test
    void dynamoDb4IsExplainedWithItsCausesAndWhatDoesNotCount() {
        CliHarness cli = new CliHarness();
        assertEquals(0, cli.run("checks", "--explain", "dynamodb_table_protected_by_backup_plan"));
        String out = cli.out();
        int previous = -1;
        for (String heading : List.of(CheckExplanation.WHAT, CheckExplanation.WHY, CheckExplanation.HOW,
                CheckExplanation.FALSE_POSITIVE, CheckExplanation.RELATED)) {
            int at = out.indexOf("\n" + heading + "\n");
            assertTrue(at > previous, heading + " missing or out of order:\n" + out);
            previous = at;
        }
        assertTrue(out.contains("Security Hub control DynamoDB.4"), out);
        assertTrue(out.contains("DynamoDB is not opted in to AWS Backup in the region"), "the causes are named");
        assertTrue(out.contains("PITR is DynamoDB.2"), "PITR does not satisfy DynamoDB.4");
        assertTrue(out.contains("A plan in another region does not cover the table"), out);
        assertTrue(out.contains("  1. "), "the steps are numbered");
        assertTrue(out.contains("  - dynamodb_tables_pitr_enabled: "), "related checks with their titles");
        assertTrue(out.contains("https://docs.aws.amazon.com/"), out);
    }

    @Test
    void everyCheckCanBeExplained() {
        for (Check check : CheckRegistry.builtIn().all()) {
            CliHarness cli = new CliHarness();
            assertEquals(0, cli.run("checks", "--explain", check.id()), check.id() + ": " + cli.err());
            String out = cli.out();
            assertTrue(out.startsWith(check.id() + " — "), out);
            for (String heading : List.of(CheckExplanation.WHAT, CheckExplanation.WHY, CheckExplanation.HOW,
                    CheckExplanation.FALSE_POSITIVE)) {
                assertTrue(out.contains("\n" + heading + "\n"), check.id() + " lacks " + heading);
            }
            assertFalse(out.chars().anyMatch(c -> c < 0x20 && c != '\n'), check.id() + ": a control character");
        }
    }

    @Test
    void asJsonTheSectionsAreData() throws Exception {
        CliHarness cli = new CliHarness();
        assertEquals(0, cli.run("checks", "--explain", "dynamodb_table_kms_key_usable", "--format", "json"));
        JsonNode node = new ObjectMapper().readTree(cli.out());
        assertEquals("dynamodb_table_kms_key_usable", node.path("id").asText());
        assertEquals(CheckExplanation.WHAT, node.path("sections").get(0).path("heading").asText());
        JsonNode how = node.path("sections").get(2);
        assertEquals(CheckExplanation.HOW, how.path("heading").asText());
        assertTrue(how.path("paragraphs").get(0).asText().contains("The key is scheduled for deletion"), how.toString());
        assertTrue(how.path("steps").size() >= 2, how.toString());
    }

    @Test
    void anUnknownIdIsAUsageErrorShownSafely() {
        CliHarness cli = new CliHarness();
        assertEquals(2, cli.run("checks", "--explain", "no_such\u001b]0;title\u0007check"));
        assertTrue(cli.err().contains("there is no check no_such\\e]0;title\\acheck"), cli.err());
        assertTrue(cli.err().contains("dynamodb_tables_pitr_enabled"), "the known ids are listed");
        assertFalse(cli.err().contains("\u001b"), "no escape sequence reaches the terminal");
    }
}
