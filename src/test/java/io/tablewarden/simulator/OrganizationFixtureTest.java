package io.tablewarden.simulator;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An organisation fixture loads whole or is refused with the JSON path of its first problem. */
class OrganizationFixtureTest {

    private static final String ACCOUNT = "{\"formatVersion\": 1, \"account\": \"%s\", \"enabledRegions\":"
            + " [\"us-east-1\"], \"regions\": {}}";
    private static final OrganizationFixture.Options OPTIONS = new OrganizationFixture.Options(false, Instant.now(),
            false);

    private static String organization(String units, String accounts) {
        return "{\"organization\": {\"id\": \"o-exampleorg1\", \"managementAccountId\": \"111111111111\","
                + " \"rootId\": \"r-ab12\"}, \"organizationalUnits\": [" + units + "], \"accounts\": [" + accounts
                + "]}";
    }

    private static String account(String id, String extra) {
        return "{\"id\": \"" + id + "\", \"name\": \"a" + id + "\"" + extra + ", \"fixture\": "
                + String.format(ACCOUNT, id) + "}";
    }

    private static String problem(String json) {
        return assertThrows(FixtureException.class, () -> OrganizationFixture.parse(json, null, OPTIONS))
                .getMessage();
    }

    @Test
    void aValidOrganisationLoadsWithItsDefaults() throws Exception {
        OrganizationFixture org = OrganizationFixture.parse(organization(
                "{\"id\": \"ou-ab12-prod0001\", \"name\": \"Prod\", \"parentId\": \"r-ab12\"}",
                account("111111111111", "") + "," + account("222222222222", ", \"parentId\": \"ou-ab12-prod0001\","
                        + " \"roles\": [{\"name\": \"Audit\"}]") + ", {\"id\": \"333333333333\", \"name\": \"old\","
                        + " \"status\": \"SUSPENDED\"}"), null, OPTIONS);
        assertEquals("111111111111", org.management().id());
        assertEquals("r-ab12", org.account("111111111111").parentId());
        OrganizationFixture.Role audit = org.account("222222222222").role("Audit").orElseThrow();
        assertTrue(audit.trusts("arn:aws:iam::111111111111:user/alice", "111111111111"),
                "a role trusts the management account by default");
        assertTrue(!audit.trusts("arn:aws:iam::999999999999:root", "999999999999"));
        assertEquals("a222222222222@example.com", org.account("222222222222").email());
        assertTrue(!org.account("333333333333").active());
    }

    @Test
    void eachProblemIsNamedByItsJsonPath() {
        assertTrue(problem("{}").startsWith("$.organization: is required"));
        assertTrue(problem(organization("", account("111111111111", "") + "," + account("111111111111", "")))
                .startsWith("$.accounts[1].id: is listed twice"));
        assertTrue(problem(organization("", account("111111111111", "") + ",{\"id\": \"222222222222\", \"name\":"
                + " \"x\"}")).startsWith("$.accounts[1].fixture: is required for an ACTIVE account"));
        assertTrue(problem(organization("", account("111111111111", ", \"parentId\": \"ou-ab12-nowhere1\"")))
                .startsWith("$.accounts[0].parentId: names neither the root nor a listed OU"));
        assertTrue(problem(organization("{\"id\": \"ou-ab12-prod0001\", \"name\": \"P\", \"parentId\":"
                + " \"ou-ab12-later001\"}", account("111111111111", "")))
                .startsWith("$.organizationalUnits[0].parentId"));
        assertTrue(problem(organization("", "{\"id\": \"111111111111\", \"name\": \"m\", \"fixture\": "
                + String.format(ACCOUNT, "222222222222") + "}"))
                .startsWith("$.accounts[0].fixture.account: is 222222222222, not the account's id 111111111111"));
        assertTrue(problem(organization("", account("222222222222", "")))
                .startsWith("$.organization.managementAccountId: must name an ACTIVE account"));
        assertTrue(problem(organization("", account("111111111111", ", \"status\": \"GONE\"")))
                .startsWith("$.accounts[0].status: must be one of"));
        assertTrue(problem(organization("", "{\"id\": \"111111111111\", \"name\": \"m\", \"fixture\":"
                + " {\"account\": \"111111111111\"}}")).startsWith("$.accounts[0].fixture: $."),
                "an invalid account fixture is named inside the organisation");
        assertTrue(problem(organization("", account("111111111111", ", \"roles\": [{\"name\": \"a b\"}]")))
                .startsWith("$.accounts[0].roles[0].name"));
    }
}
