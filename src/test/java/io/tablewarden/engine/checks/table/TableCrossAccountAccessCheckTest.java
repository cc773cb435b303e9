package io.tablewarden.engine.checks.table;

import io.tablewarden.engine.checks.TestInventory;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.tablewarden.engine.checks.TestInventory.denied;
import static io.tablewarden.engine.checks.TestInventory.single;
import static io.tablewarden.engine.checks.TestInventory.table;
import static io.tablewarden.engine.checks.TestInventory.withTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableCrossAccountAccessCheckTest {

    private final TableCrossAccountAccessCheck check = new TableCrossAccountAccessCheck();

    private static String allow(String principal, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Grant\",\"Effect\":\"Allow\",\"Principal\":"
                + principal + ",\"Action\":\"dynamodb:*\",\"Resource\":\"*\""
                + (condition == null ? "" : ",\"Condition\":" + condition) + "}]}";
    }

    /** The worked examples of the check catalogue (account 210987654321). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "own role        | {\"AWS\": \"arn:aws:iam::210987654321:role/app\"} | - | PASS | -",
        "foreign root    | {\"AWS\": \"arn:aws:iam::123123123123:root\"} | - | FAIL | 123123123123",
        "any foreign     | {\"AWS\": [\"arn:aws:iam::210987654321:root\", \"123123123123\"]} | - | FAIL | 123123123123",
        "org-pinned star | \"*\" | {\"StringEquals\": {\"aws:PrincipalOrgID\": \"o-abc123\"}} | PASS | -",
        "public star     | \"*\" | - | FAIL | *",
    })
    void workedExamples(String row, String principal, String condition, Status expected, String named) {
        CheckResult result = single(check, withTable(table("orders").policy(allow(principal, condition))));
        assertEquals(expected, result.status(), result.statusText());
        if (named != null) {
            assertTrue(result.statusText().contains(named), result.statusText());
            assertTrue(result.statusText().contains("Sid \"Grant\""), result.statusText());
        }
    }

    @Test
    void workedExampleOnlyDenyStatements() {
        String policy = "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"123123123123\"},"
                + "\"Action\":\"*\",\"Resource\":\"*\"}]}";
        assertEquals(Status.PASS, single(check, withTable(table("orders").policy(policy))).status());
    }

    @Test
    void workedExampleGetResourcePolicyDenied() {
        TestInventory.Table t = table("orders");
        t.policyError = denied("dynamodb:GetResourcePolicy");
        CheckResult result = single(check, withTable(t));
        assertEquals(Status.ERROR, result.status());
        assertTrue(result.statusText().contains("dynamodb:GetResourcePolicy"), result.statusText());
    }

    /** W16: a table without a policy still gets a result. */
    @Test
    void noPolicyPasses() {
        CheckResult result = single(check, withTable(table("orders")));
        assertEquals(Status.PASS, result.status());
        assertTrue(result.statusText().contains("no resource policy"));
    }

    @Test
    void failCarriesTheStatementAsEvidence() {
        CheckResult result = single(check, withTable(table("orders")
                .policy(allow("{\"AWS\": \"arn:aws:iam::123123123123:root\"}", null))));
        @SuppressWarnings("unchecked")
        Map<String, Object> statement = (Map<String, Object>) result.evidence().get("OffendingStatement");
        assertEquals("Grant", statement.get("Sid"));
        assertEquals(List.of("arn:aws:iam::123123123123:root"), result.evidence().get("OutsidePrincipals"));
    }

    @Test
    void trustedAccountsPass() {
        CheckParameters trusted = new CheckParameters(null, null, null, null, null, false, List.of(),
                Set.of("123123123123"), 48);
        CheckResult result = single(check, withTable(table("orders")
                .policy(allow("{\"AWS\": \"arn:aws:iam::123123123123:root\"}", null))), TestInventory.context(trusted));
        assertEquals(Status.PASS, result.status());
    }

    /** W16: substring matching of account ids and qualified operators. */
    @Test
    void peerBugW16ExactAccountsAndQualifiedOperators() {
        assertEquals(Status.FAIL, single(check, withTable(table("orders")
                .policy(allow("{\"AWS\": \"arn:aws:iam::921098765432:root\"}", null)))).status());
        assertEquals(Status.PASS, single(check, withTable(table("orders").policy(allow("\"*\"",
                "{\"ForAnyValue:StringEquals\": {\"aws:PrincipalOrgID\": \"o-abc123\"}}")))).status());
    }

    @Test
    void unparseablePolicyIsError() {
        CheckResult result = single(check, withTable(table("orders").policy("{broken")));
        assertEquals(Status.ERROR, result.status());
        assertTrue(result.statusText().contains("dynamodb:GetResourcePolicy"), result.statusText());
    }

    @Test
    void notApplicableWhileCreating() {
        assertEquals(Status.NOT_APPLICABLE, single(check, withTable(table("orders").status("CREATING"))).status());
    }

    @Test
    void aPolicyWithOtherStatementsIsPutBackWithoutTheOffendingOnes() throws Exception {
        String policy = "{\"Version\":\"2012-10-17\",\"Id\":\"keep-me\",\"Statement\":["
                + "{\"Sid\":\"Own\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::210987654321:role/app\"},"
                + "\"Action\":\"dynamodb:Query\",\"Resource\":\"*\"},"
                + "{\"Sid\":\"Partner\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"123123123123\"},"
                + "\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"dynamodb:Scan\",\"Resource\":\"*\"},"
                + "{\"Sid\":\"NoOne\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"dynamodb:DeleteTable\","
                + "\"Resource\":\"*\"}]}";
        TestInventory.Table t = table("orders");
        t.policy = policy;
        CheckResult result = single(check, withTable(t));
        assertEquals(Status.FAIL, result.status());
        assertEquals("outside_statements", result.cause());
        assertEquals("Sid \"Partner\", statement #3 (no Sid)", result.placeholders().get("offending_sids"));
        com.fasterxml.jackson.databind.JsonNode remaining = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(result.placeholders().get("remaining_policy"));
        assertEquals("keep-me", remaining.path("Id").asText(), "every other member stays");
        assertEquals(2, remaining.path("Statement").size());
        assertEquals("Own", remaining.path("Statement").get(0).path("Sid").asText());
        assertEquals("NoOne", remaining.path("Statement").get(1).path("Sid").asText());
        String cli = io.tablewarden.engine.remediation.RemediationRenderer.fillFor(check.metadata(), result).fullCli();
        assertTrue(cli.contains("aws dynamodb put-resource-policy"), cli);
        assertTrue(!cli.lines().anyMatch(l -> l.startsWith("aws dynamodb delete-resource-policy")), cli);
        // The resulting policy, judged again, lets no one outside in.
        t.policy = result.placeholders().get("remaining_policy");
        assertEquals(Status.PASS, single(check, withTable(t)).status());
    }

    @Test
    void aPolicyOfOnlyOffendingStatementsIsDeleted() {
        TestInventory.Table t = table("orders");
        t.policy = allow("{\"AWS\": \"arn:aws:iam::123123123123:root\"}", null);
        CheckResult result = single(check, withTable(t));
        assertEquals("only_outside_statements", result.cause());
        assertEquals("Sid \"Grant\"", result.placeholders().get("offending_sids"));
        assertTrue(!result.placeholders().containsKey("remaining_policy"));
        String cli = io.tablewarden.engine.remediation.RemediationRenderer.fillFor(check.metadata(), result).fullCli();
        assertTrue(cli.contains("aws dynamodb delete-resource-policy --region"), cli);
    }
}
