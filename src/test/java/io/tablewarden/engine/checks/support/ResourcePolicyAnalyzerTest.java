package io.tablewarden.engine.checks.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResourcePolicyAnalyzerTest {

    private static final String ACCOUNT = "210987654321";

    private static String policy(String principal, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"S1\",\"Effect\":\"Allow\",\"Principal\":"
                + principal + ",\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\""
                + (condition == null ? "" : ",\"Condition\":" + condition) + "}]}";
    }

    private static List<ResourcePolicyAnalyzer.Grant> grants(String principal, String condition) throws Exception {
        return ResourcePolicyAnalyzer.outsideGrants(policy(principal, condition), ACCOUNT, Set.of("111122223333"));
    }

    @ParameterizedTest(name = "{0} | {1} -> outside={2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "{\"AWS\":\"arn:aws:iam::210987654321:role/app\"}   | -  | false",
        "{\"AWS\":\"arn:aws:iam::210987654321:role/*\"}     | -  | false",
        "{\"AWS\":\"210987654321\"}                         | -  | false",
        "{\"AWS\":\"111122223333\"}                         | -  | false",
        "{\"AWS\":\"arn:aws:iam::123123123123:root\"}       | -  | true",
        "{\"AWS\":\"arn:aws:iam::1210987654321:root\"}      | -  | true",
        "{\"AWS\":\"arn:aws:iam::*:root\"}                  | -  | true",
        "{\"AWS\":[\"arn:aws:iam::210987654321:root\",\"123123123123\"]} | - | true",
        "{\"Service\":\"dynamodb.amazonaws.com\"}           | -  | false",
        "\"*\"                                              | -  | true",
        "{\"AWS\":\"*\"}                                    | -  | true",
        "\"*\" | {\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abc123\"}}                   | false",
        "\"*\" | {\"StringLike\":{\"aws:PrincipalOrgID\":\"o-*\"}}                        | true",
        "\"*\" | {\"StringEquals\":{\"aws:PrincipalAccount\":\"210987654321\"}}           | false",
        "\"*\" | {\"StringEquals\":{\"aws:PrincipalAccount\":[\"210987654321\",\"123123123123\"]}} | true",
        "\"*\" | {\"StringEquals\":{\"aws:SourceAccount\":\"111122223333\"}}             | false",
        "\"*\" | {\"StringEquals\":{\"aws:SourceVpce\":\"vpce-1234\"}}                    | false",
        "\"*\" | {\"StringEquals\":{\"aws:SourceVpc\":\"vpc-1234\"}}                      | false",
        "\"*\" | {\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::210987654321:role/*\"}} | false",
        "\"*\" | {\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/app\"}}         | true",
        "\"*\" | {\"ArnEquals\":{\"aws:SourceArn\":\"arn:aws:iam::123123123123:role/x\"}} | true",
        "\"*\" | {\"ForAnyValue:StringEquals\":{\"aws:PrincipalOrgID\":\"o-abc123\"}}     | false",
        "\"*\" | {\"ForAllValues:StringEquals\":{\"aws:PrincipalOrgID\":\"o-abc123\"}}    | true",
        "\"*\" | {\"StringEqualsIfExists\":{\"aws:PrincipalAccount\":\"210987654321\"}}  | true",
        "\"*\" | {\"StringEquals\":{\"aws:UserAgent\":\"x\"}}                           | true",
        "\"*\" | {\"StringEqualsIgnoreCase\":{\"aws:PrincipalOrgID\":\"o-abc123\"}}       | false",
        "\"*\" | {\"StringEqualsIgnoreCase\":{\"aws:PrincipalAccount\":\"123123123123\"}} | true",
        "\"*\" | {\"StringNotEqualsIgnoreCase\":{\"aws:PrincipalOrgID\":\"o-abc123\"}}    | true",
        "\"*\" | {\"ForAnyValue:StringLike\":{\"aws:PrincipalOrgPaths\":\"o-abc123/r-ab12/ou-ab12-1111/*\"}} | false",
        "\"*\" | {\"ForAnyValue:StringLike\":{\"aws:PrincipalOrgPaths\":[\"o-abc123/*\",\"o-*/*\"]}} | true",
        "\"*\" | {\"StringLike\":{\"aws:SourceOrgPaths\":\"o-abc123/r-ab12/*\"}}          | false",
        "\"*\" | {\"ForAllValues:StringLike\":{\"aws:PrincipalOrgPaths\":\"o-abc123/*\"}} | true",
        "{\"AWS\":\"arn:aws:iam::123123123123:root\"} | {\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abc123\"}} | true",
    })
    void principals(String principal, String condition, boolean outside) throws Exception {
        assertEquals(outside, !grants(principal, condition).isEmpty());
    }

    @Test
    void denyStatementsAreIgnored() throws Exception {
        String json = "{\"Statement\":{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"123123123123\"},\"Action\":\"*\"}}";
        assertTrue(ResourcePolicyAnalyzer.outsideGrants(json, ACCOUNT, Set.of()).isEmpty());
    }

    @Test
    void notPrincipalInAllowIsOutside() throws Exception {
        String json = "{\"Statement\":[{\"Effect\":\"Allow\",\"NotPrincipal\":{\"AWS\":\"210987654321\"},\"Action\":\"*\"}]}";
        List<ResourcePolicyAnalyzer.Grant> grants = ResourcePolicyAnalyzer.outsideGrants(json, ACCOUNT, Set.of());
        assertEquals(1, grants.size());
        assertEquals("statement #1 (no Sid)", grants.get(0).label());
    }

    @Test
    void grantQuotesSidPrincipalAndStatement() throws Exception {
        ResourcePolicyAnalyzer.Grant grant = grants("{\"AWS\":\"arn:aws:iam::123123123123:root\"}", null).get(0);
        assertEquals("Sid \"S1\"", grant.label());
        assertEquals(List.of("arn:aws:iam::123123123123:root"), grant.principals());
        assertEquals("Allow", grant.statement().get("Effect"));
    }

    @Test
    void unparseablePolicyThrows() {
        assertThrows(ResourcePolicyAnalyzer.UnreadablePolicyException.class,
                () -> ResourcePolicyAnalyzer.outsideGrants("{not json", ACCOUNT, Set.of()));
        assertThrows(ResourcePolicyAnalyzer.UnreadablePolicyException.class,
                () -> ResourcePolicyAnalyzer.outsideGrants("{\"Version\":\"2012-10-17\"}", ACCOUNT, Set.of()));
    }

    @Test
    void textAfterTheDocumentMakesItUnreadable() {
        String policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ACCOUNT
                + "\"}}]} {\"Statement\":[]}";
        assertThrows(ResourcePolicyAnalyzer.UnreadablePolicyException.class,
                () -> ResourcePolicyAnalyzer.outsideGrants(policy, ACCOUNT, Set.of()));
    }

    @Test
    void principalThatIsNeitherStarNorObjectIsUnreadable() {
        for (String principal : List.of("\"123123123123\"", "[\"*\"]", "42")) {
            String policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":" + principal + "}]}";
            ResourcePolicyAnalyzer.UnreadablePolicyException e = assertThrows(
                    ResourcePolicyAnalyzer.UnreadablePolicyException.class,
                    () -> ResourcePolicyAnalyzer.outsideGrants(policy, ACCOUNT, Set.of()), principal);
            assertTrue(e.getMessage().contains("statement #1"), e.getMessage());
        }
    }

    @Test
    void accountExtractionIsExact() {
        assertEquals("123123123123", ResourcePolicyAnalyzer.accountOf("arn:aws:iam::123123123123:role/x"));
        assertEquals("123123123123", ResourcePolicyAnalyzer.accountOf("123123123123"));
        assertNull(ResourcePolicyAnalyzer.accountOf("arn:aws:iam::*:root"));
        assertNull(ResourcePolicyAnalyzer.accountOf("x210987654321x"));
    }
}
