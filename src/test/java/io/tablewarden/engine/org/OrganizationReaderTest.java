package io.tablewarden.engine.org;

import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.collect.MemberAccess;
import io.tablewarden.engine.collect.OrganizationReader;
import io.tablewarden.engine.aws.AwsClientFactory;
import io.tablewarden.engine.aws.CallMetrics;
import io.tablewarden.engine.aws.ClientTuning;
import io.tablewarden.model.CollectionError;
import io.tablewarden.simulator.OrganizationSimulator;
import io.tablewarden.simulator.SimulatorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The organisation read through the real SDK from the simulator's demo organisation, and member roles assumed. */
class OrganizationReaderTest {

    private static OrganizationSimulator organization;
    private static ConnectionSettings management;

    @BeforeAll
    static void start() throws Exception {
        // page size 1: every listing takes several pages
        organization = OrganizationSimulator.startDemo(SimulatorOptions.builder().pageSize(1)
                .shiftRecoveryPointsToNow(true).build());
        management = ConnectionSettings.forSimulator(organization.endpoint(), organization.homeRegion());
    }

    @AfterAll
    static void stop() {
        organization.close();
    }

    @Test
    void readsEveryAccountWithItsUnitAndStatus() {
        OrganizationMap map = new OrganizationReader(null).read(management);
        assertEquals("o-nw7k2p9x4q", map.id());
        assertEquals("111122223333", map.managementAccountId());
        Map<String, String> where = map.accounts().stream()
                .collect(Collectors.toMap(OrganizationAccount::id, a -> a.unitPath() + " " + a.status()));
        assertEquals(Map.of("111122223333", " ACTIVE", "222233334444", "Production ACTIVE",
                "333344445555", "Production ACTIVE", "444455556666", "Development ACTIVE",
                "555566667777", "Development ACTIVE", "666677778888", "Development SUSPENDED"), where);
        assertTrue(map.within("ou-nw7k-prod2026", map.rootId()));
        assertTrue(!map.within(map.rootId(), "ou-nw7k-prod2026"));
    }

    @Test
    void aMemberAccountRefusesToListTheOrganisation() {
        ConnectionSettings member = management.withMemberRole(new ConnectionSettings.MemberRole(
                "arn:aws:iam::222233334444:role/OrganizationAccountAccessRole", null, null));
        OrganizationReader.OrganizationReadException e = assertThrows(
                OrganizationReader.OrganizationReadException.class, () -> new OrganizationReader(null).read(member));
        assertTrue(e.getMessage().contains("organizations:ListRoots"), e.getMessage());
    }

    @Test
    void membersAreReachedThroughTheirRoleAndAnsweredFromTheirOwnFixture() {
        MemberAccess access = new MemberAccess(null, ClientTuning.Backoff.DEFAULT);
        ConnectionSettings payments = role("222233334444", "OrganizationAccountAccessRole");
        assertNull(access.check(payments));
        // the member's own fixture answers (its STS names the member's role)
        try (AwsClientFactory clients = AwsClientFactory.of(payments, ClientTuning.of(2,
                ScanRequest.DEFAULT_CALL_TIMEOUT, 3, ClientTuning.Backoff.DEFAULT), new CallMetrics(), null)) {
            var who = clients.sts().getCallerIdentity();
            assertEquals("222233334444", who.account());
            assertEquals("arn:aws:sts::222233334444:assumed-role/OrganizationAccountAccessRole/tablewarden-test",
                    who.arn());
            // and its DynamoDB is the member's: its tables, not the management account's
            assertEquals(List.of("pay-orders", "pay-payments"), clients.dynamoDb("eu-west-1").listTablesPaginator().tableNames().stream().toList());
        }
    }

    @Test
    void aMissingRoleASuspendedAccountAndAWrongRoleNameAreDenied() {
        MemberAccess access = new MemberAccess(null, ClientTuning.Backoff.DEFAULT);
        for (ConnectionSettings denied : List.of(role("444455556666", "OrganizationAccountAccessRole"),
                role("666677778888", "OrganizationAccountAccessRole"), role("222233334444", "TablewardenAudit"))) {
            CollectionError error = access.check(denied);
            assertEquals(CollectionError.Kind.ACCESS_DENIED, error == null ? null : error.kind(), denied.toString());
            assertEquals("sts:AssumeRole", error.permission());
            assertTrue(error.message().contains(denied.memberRole().roleArn()), error.message());
        }
    }

    private static ConnectionSettings role(String account, String name) {
        return management.withMemberRole(new ConnectionSettings.MemberRole(
                "arn:aws:iam::" + account + ":role/" + name, null, "tablewarden-test"));
    }
}
