package io.tablewarden.engine.metadata;

import io.tablewarden.engine.remediation.RemediationRenderer;
import io.tablewarden.engine.remediation.SnippetFormat;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.ResourceRef;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.Severity;
import io.tablewarden.model.Status;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Filling placeholder tokens in remediation text. */
class RemediationRendererTest {

    @Test
    void fillsEveryOccurrenceOfAKnownToken() {
        String filled = RemediationRenderer.fill("aws dynamodb describe-table --region {{region}} --table-name "
                + "{{table_name}} # {{table_name}} in {{region}}", Map.of("region", "eu-west-1", "table_name", "t1"),
                SnippetFormat.SHELL);
        assertEquals("aws dynamodb describe-table --region eu-west-1 --table-name t1 # t1 in eu-west-1", filled);
    }

    @Test
    void unknownTokensStayVisible() {
        String filled = RemediationRenderer.fill("--key-id {{kms_key_arn}} --region {{region}}",
                Map.of("region", "us-east-1"), SnippetFormat.SHELL);
        assertEquals("--key-id {{kms_key_arn}} --region us-east-1", filled);
    }

    @Test
    void textThatIsNotATokenIsLeftAlone() {
        String template = "{\"a\":{\"b\":1}} {{Region}} {{ region }} {{1x}} ${AWS::Region} {region}";
        assertEquals(template, RemediationRenderer.fill(template, Map.of("region", "r", "Region", "R"),
                SnippetFormat.SHELL));
    }

    @Test
    void valuesWithRegexAndShellSpecialCharactersAreInsertedAsData() {
        Map<String, String> values = Map.of("table_name", "a$1\\b{{region}}", "region", "$0 & ' \"");
        String filled = RemediationRenderer.fill("[{{table_name}}] [{{region}}]", values, SnippetFormat.HCL);
        assertEquals("[a$1\\\\b{{region}}] [$0 & ' \\\"]", filled, "values are neither regex groups nor filled again");
        assertEquals("x 'a$1\\b{{region}}' '$0 & '\\'' \"'",
                RemediationRenderer.fill("x {{table_name}} {{region}}", values, SnippetFormat.SHELL));
    }

    @Test
    void aValueStartingWithADashIsAttachedToItsOption() {
        Map<String, String> values = Map.of("table_name", "-orders", "region", "-x y");
        assertEquals("aws dynamodb describe-table --table-name=-orders --region='-x y'",
                RemediationRenderer.fill("aws dynamodb describe-table --table-name {{table_name}} --region {{region}}",
                        values, SnippetFormat.SHELL));
        assertEquals("echo -orders # -orders", RemediationRenderer.fill("echo {{table_name}} # {{table_name}}",
                values, SnippetFormat.SHELL), "only a value right after an option is attached");
        assertEquals("--tags Key=-orders", RemediationRenderer.fill("--tags Key={{table_name}}", values,
                SnippetFormat.SHELL));
    }

    @Test
    void emptyAndNullTemplatesAreReturnedAsGiven() {
        assertNull(RemediationRenderer.fill((String) null, Map.of(), SnippetFormat.SHELL));
        assertEquals("", RemediationRenderer.fill("", Map.of("a", "b"), SnippetFormat.YAML));
    }

    @Test
    void tokensAreListedOnceInOrderOfFirstUse() {
        assertEquals(List.of("region", "table_name", "account_id"),
                RemediationRenderer.tokens("{{region}} {{table_name}} {{region|json}} arn:{{account_id|json}} {{Bad}}"));
        assertTrue(RemediationRenderer.tokens(null).isEmpty());
    }

    @Test
    void fillsAWholeRemediationFromAResult() {
        CheckMetadata.Remediation template = CheckCatalog.load("dynamodb_tables_pitr_enabled").remediation();
        ResourceRef table = new ResourceRef("arn:aws:dynamodb:eu-central-1:210987654321:table/orders",
                "orders", ResourceType.TABLE, "eu-central-1", "210987654321");
        Map<String, String> placeholders = Map.of("table_name", "orders", "table_arn", table.arn(),
                "region", "eu-central-1", "account_id", "210987654321", "partition", "aws");
        CheckResult result = new CheckResult("dynamodb_tables_pitr_enabled", table, Status.FAIL, Severity.MEDIUM,
                "Point-in-time recovery is off for table orders.", Map.of(), placeholders);

        CheckMetadata.Remediation filled = RemediationRenderer.fill(template, result);

        assertTrue(filled.cli().contains("--region eu-central-1"));
        assertTrue(filled.cli().contains("--table-name orders"));
        assertTrue(filled.cloudFormation().contains("TableName: \"orders\""));
        assertTrue(filled.terraform().contains("name = \"orders\""));
        assertEquals(template.console().size(), filled.console().size());
        filled.console().forEach(step -> assertFalse(step.contains("{{"), step));
        assertEquals(template.inPlace(), filled.inPlace());
    }

    @Test
    void aDaxResultWithoutTableTokensLeavesTableTokensVisible() {
        ResourceRef cluster = new ResourceRef("arn:aws:dax:eu-central-1:210987654321:cache/c1", "c1",
                ResourceType.DAX_CLUSTER, "eu-central-1", "210987654321");
        CheckResult result = new CheckResult("x", cluster, Status.FAIL, Severity.MEDIUM, "text", Map.of(),
                Map.of("dax_cluster_name", "c1", "region", "eu-central-1"));
        CheckMetadata.Remediation template = new CheckMetadata.Remediation("{{dax_cluster_name}}",
                "aws dax describe-clusters --region {{region}} --cluster-names {{dax_cluster_name}}", "", "",
                List.of("Open {{table_name}}."), false);
        CheckMetadata.Remediation filled = RemediationRenderer.fill(template, result);
        assertEquals("c1", filled.summary());
        assertEquals("aws dax describe-clusters --region eu-central-1 --cluster-names c1", filled.cli());
        assertEquals(List.of("Open {{table_name}}."), filled.console());
        assertFalse(filled.inPlace());
    }
}
