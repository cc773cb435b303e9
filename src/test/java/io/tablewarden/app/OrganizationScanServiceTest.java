package io.tablewarden.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.checks.Check;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.engine.org.OrganizationAccount;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.CheckResult;
import io.tablewarden.simulator.OrganizationSimulator;
import io.tablewarden.store.OrganizationScanAccount;
import io.tablewarden.store.OrganizationScanAccount.Outcome;
import io.tablewarden.store.OrganizationScanSummary;
import io.tablewarden.store.TablewardenStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An organisation scan through the real SDK and the simulator's demo organisation: every member's results equal a
 * single-account scan of its fixture, a member whose role is missing is one account-level ERROR, a suspended
 * account is skipped and listed, and the store groups the accounts' scans under one organisation scan.
 */
class OrganizationScanServiceTest {

    private static final List<Check> CHECKS = CheckRegistry.builtIn().all();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode demoOrganization;

    @TempDir
    Path dir;

    @BeforeAll
    static void readDemo() throws Exception {
        try (InputStream in = OrganizationSimulator.class.getResourceAsStream(OrganizationSimulator.DEMO_RESOURCE)) {
            demoOrganization = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static ScanRequest request(int concurrency) {
        return new ScanRequest(null, List.of(), Set.of(), CheckParameters.defaults(), concurrency,
                ScanRequest.DEFAULT_CALL_TIMEOUT, ScanRequest.DEFAULT_MAX_ATTEMPTS);
    }

    @Test
    void everyAccountIsScannedAsASingleAccountScanOfItsFixtureWouldBe() throws Exception {
        ScanService service = ScanService.standard(CHECKS);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        OrganizationListener overlap = new OrganizationListener() {
            @Override
            public ScanListener accountStarted(OrganizationAccount account) {
                mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                return ScanListener.NONE;
            }

            @Override
            public void accountFinished(AccountScan account) {
                if (account.outcome() == Outcome.SCANNED) {
                    inFlight.decrementAndGet();
                }
            }
        };
        OrganizationScanResult org;
        try (TablewardenStore store = TablewardenStore.open(dir.resolve("scans.db"))) {
            org = new OrganizationScanService(service).run(ScanTarget.DEMO, OrganizationScope.all(),
                    MemberRoleSettings.defaults(), request(8), 64, store, overlap, new CancellationToken());

            assertEquals("o-nw7k2p9x4q", org.organization().id());
            Map<String, Outcome> outcomes = org.accounts().stream()
                    .collect(Collectors.toMap(a -> a.account().id(), AccountScan::outcome, (a, b) -> a, TreeMap::new));
            assertEquals(Map.of("111122223333", Outcome.SCANNED, "222233334444", Outcome.SCANNED,
                    "333344445555", Outcome.SCANNED, "444455556666", Outcome.ERROR,
                    "555566667777", Outcome.SCANNED, "666677778888", Outcome.SUSPENDED), outcomes);
            assertTrue(mostAtOnce.get() > 1, "accounts are scanned side by side, not one after another");

            // the store groups the four scans under one organisation scan, with the error and the skipped account
            OrganizationScanSummary stored = store.organizationScans().require(org.organizationScanId());
            assertEquals("completed", stored.state());
            assertEquals(4, stored.accounts(Outcome.SCANNED).size());
            for (OrganizationScanAccount a : stored.accounts(Outcome.SCANNED)) {
                assertNotNull(a.scanId());
                assertEquals(a.accountId(), store.scans().require(a.scanId()).accountId());
                assertEquals(org.organizationScanId(), store.organizationScans().organizationScanOf(a.scanId())
                        .orElse(null));
            }
            assertEquals("Development", stored.accounts(Outcome.ERROR).get(0).unitPath());

            // every account's results, as the organisation scan recorded them, equal a single-account scan of
            // the same fixture; they left memory once stored
            for (AccountScan account : org.accounts(Outcome.SCANNED)) {
                ScanResult single = singleAccountScan(service, account.account().id());
                assertEquals(ScanOutcome.ScanState.COMPLETED, account.result().outcome().state());
                assertNull(account.result().outcome().results(), "the results are in the store, not in memory");
                assertFalse(single.outcome().results().isEmpty());
                Map<String, String> alone = verdicts(single.outcome().results());
                Map<String, String> inOrganization = verdicts(store.scans().results(account.result().scanId()));
                assertEquals(Map.of(), difference(alone, inOrganization), "account " + account.account().id());
            }
        }
        assertEquals(ScanVerdict.INCOMPLETE, org.verdict(), "a member that could not be scanned leaves a gap");
    }

    @Test
    void aMemberWhoseRoleIsMissingIsOneAccountLevelErrorNamingTheRoleAndTheTrustPolicy() {
        OrganizationScanResult org = new OrganizationScanService(ScanService.standard(CHECKS)).run(ScanTarget.DEMO,
                OrganizationScope.parse(List.of("ou-nw7k-devl2026"), List.of(), true), MemberRoleSettings.defaults(),
                request(4), 8, null, OrganizationListener.NONE, new CancellationToken());
        AccountScan refused = org.accounts(Outcome.ERROR).get(0);
        assertEquals("444455556666", refused.account().id());
        assertNull(refused.result());
        assertTrue(refused.message().contains("arn:aws:iam::444455556666:role/OrganizationAccountAccessRole"),
                refused.message());
        assertTrue(refused.message().contains("sts:AssumeRole failed (AccessDenied)"), refused.message());
        assertTrue(refused.message().contains("trust policy allow sts:AssumeRole for arn:aws:iam::111122223333:root"),
                refused.message());
        // the other member of the OU is unaffected; the suspended one is listed, the Production OU left out
        assertEquals(List.of("555566667777"), ids(org.accounts(Outcome.SCANNED)));
        assertEquals(List.of("666677778888"), ids(org.accounts(Outcome.SUSPENDED)));
        assertTrue(org.accounts(Outcome.SUSPENDED).get(0).message().contains("suspended"));
        assertEquals(List.of("111122223333", "222233334444", "333344445555"), ids(org.accounts(Outcome.EXCLUDED)));
    }

    @Test
    void aWrongRoleNameRefusesEveryMemberButTheOwnAccountIsScannedWithItsOwnCredentials() {
        OrganizationScanResult org = new OrganizationScanService(ScanService.standard(CHECKS)).run(ScanTarget.DEMO,
                OrganizationScope.parse(List.of("all"), List.of("333344445555", "555566667777"), true),
                new MemberRoleSettings("TablewardenAudit", "agreed-secret", "audit-2026"), request(4), 16, null,
                OrganizationListener.NONE, new CancellationToken());
        assertEquals(List.of("111122223333"), ids(org.accounts(Outcome.SCANNED)));
        assertEquals(List.of("222233334444", "444455556666"), ids(org.accounts(Outcome.ERROR)));
        assertTrue(org.accounts(Outcome.ERROR).get(0).message().contains("sts:ExternalId"));
    }

    @Test
    void anAccountOrUnitTheOrganisationDoesNotHoldIsNamed() {
        AppException e = assertThrows(AppException.class, () -> new OrganizationScanService(
                ScanService.standard(CHECKS)).run(ScanTarget.DEMO, OrganizationScope.parse(
                List.of("999988887777", "ou-nw7k-zzzzzzzz"), List.of(), true), MemberRoleSettings.defaults(),
                request(4), 8, null, OrganizationListener.NONE, new CancellationToken()));
        assertEquals("not in organisation o-nw7k2p9x4q: 999988887777, ou-nw7k-zzzzzzzz", e.getMessage());
    }

    @Test
    void theScopeIsParsedStrictly() {
        assertThrows(IllegalArgumentException.class, () -> OrganizationScope.parse(List.of("prod"), List.of(), true));
        assertThrows(IllegalArgumentException.class,
                () -> OrganizationScope.parse(List.of("all", "111122223333"), List.of(), true));
        assertThrows(IllegalArgumentException.class,
                () -> OrganizationScope.parse(List.of("all"), List.of("ou-nw7k-prod2026"), true));
        assertThrows(IllegalArgumentException.class, () -> new MemberRoleSettings("a b", null, null));
    }

    @Test
    void eachAccountsFaultsStayInThatAccount() throws Exception {
        // one member is denied a call and throttled hard; the management account is healthy
        String example;
        try (InputStream in = getClass().getResourceAsStream("/cli/example-account.json")) {
            example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("management.json"), example.replace("123456789012", "111111111111"));
        com.fasterxml.jackson.databind.node.ObjectNode member = (com.fasterxml.jackson.databind.node.ObjectNode)
                JSON.readTree(example.replace("123456789012", "222222222222"));
        member.set("faults", JSON.readTree("{\"throttleRate\": 0.3, \"seed\": 7, \"accessDenied\": ["
                + "{\"action\": \"dynamodb:DescribeContinuousBackups\"}]}"));
        Files.writeString(dir.resolve("member.json"), JSON.writeValueAsString(member));
        Path org = dir.resolve("organization.json");
        Files.writeString(org, "{\"organization\": {\"id\": \"o-exampleorg1\", \"managementAccountId\":"
                + " \"111111111111\", \"rootId\": \"r-ab12\"}, \"accounts\": ["
                + "{\"id\": \"111111111111\", \"name\": \"management\", \"fixture\": \"management.json\"},"
                + "{\"id\": \"222222222222\", \"name\": \"faulty\", \"roles\": [{\"name\":"
                + " \"OrganizationAccountAccessRole\"}], \"fixture\": \"member.json\"}]}");

        OrganizationScanResult result = new OrganizationScanService(ScanService.standard(CHECKS)).run(
                ScanTarget.fixture(org), OrganizationScope.all(), MemberRoleSettings.defaults(), request(4), 8, null,
                OrganizationListener.NONE, new CancellationToken());
        Map<String, List<CheckResult>> byAccount = new TreeMap<>();
        result.accounts(Outcome.SCANNED).forEach(a -> byAccount.put(a.account().id(), a.result().outcome().results()));
        assertEquals(Set.of("111111111111", "222222222222"), byAccount.keySet());
        assertTrue(byAccount.get("111111111111").stream().noneMatch(r -> r.status() == io.tablewarden.model.Status.ERROR));
        List<CheckResult> denied = byAccount.get("222222222222").stream()
                .filter(r -> r.status() == io.tablewarden.model.Status.ERROR).toList();
        assertFalse(denied.isEmpty());
        assertTrue(denied.stream().allMatch(r -> r.statusText().contains("dynamodb:DescribeContinuousBackups")),
                denied.toString());
        assertEquals(ScanVerdict.INCOMPLETE, result.verdict());
    }

    @Test
    void cancellingStopsEveryAccountAndRecordsTheOrganisationScanAsCancelled() throws Exception {
        CancellationToken cancellation = new CancellationToken();
        OrganizationListener cancelAtFirstAccount = new OrganizationListener() {
            @Override
            public ScanListener accountStarted(OrganizationAccount account) {
                cancellation.cancel();
                return ScanListener.NONE;
            }
        };
        try (TablewardenStore store = TablewardenStore.open(dir.resolve("scans.db"))) {
            // one account at a time, so the accounts after the first are never started
            OrganizationScanResult result = new OrganizationScanService(ScanService.standard(CHECKS)).run(
                    ScanTarget.DEMO, OrganizationScope.all(), MemberRoleSettings.defaults(), request(8), 8, store,
                    cancelAtFirstAccount, cancellation);
            assertTrue(result.cancelled());
            assertFalse(result.accounts(Outcome.CANCELLED).isEmpty(), result.accounts().toString());
            assertEquals(ScanVerdict.INCOMPLETE, result.verdict());
            OrganizationScanSummary stored = store.organizationScans().require(result.organizationScanId());
            assertEquals("cancelled", stored.state());
            assertEquals(6, stored.accounts().size(), "every account is accounted for");
        }
    }

    @Test
    void aProfileInTheManagementAccountReachesTheMembersOverTheNetwork() throws Exception {
        // the remote path: a named profile's keys, an endpoint, members through their role with an external id
        java.nio.file.Path aws = Files.createDirectories(dir.resolve(".aws"));
        Files.writeString(aws.resolve("config"), "[profile client-mgmt]\nregion = us-east-1\n");
        Files.writeString(aws.resolve("credentials"), "[client-mgmt]\naws_access_key_id = AKIAORGTEST000000001\n"
                + "aws_secret_access_key = not-printed\n");
        io.tablewarden.engine.aws.credentials.CredentialsEnvironment env =
                new io.tablewarden.engine.aws.credentials.CredentialsEnvironment(aws.resolve("config"),
                        aws.resolve("credentials"),
                        io.tablewarden.engine.aws.credentials.CredentialsEnvironment.ssoCacheDir(dir), Map.of());
        ScanService service = new ScanService(CHECKS, ScanRunner.engine().withProfiles(env),
                new ScanConnector(new SimulatedAccounts()), java.time.Clock.systemUTC());
        try (OrganizationSimulator sim = OrganizationSimulator.startDemo(io.tablewarden.simulator.SimulatorOptions
                .builder().shiftRecoveryPointsToNow(true).build())) {
            OrganizationScanResult org = new OrganizationScanService(service).run(
                    ScanTarget.account("client-mgmt", sim.endpoint(), "us-east-1"),
                    OrganizationScope.parse(List.of("ou-nw7k-prod2026"), List.of(), false),
                    new MemberRoleSettings("OrganizationAccountAccessRole", null, "consultant-2026"), request(8), 16,
                    null, OrganizationListener.NONE, new CancellationToken());
            assertEquals(List.of("222233334444", "333344445555"), ids(org.accounts(Outcome.SCANNED)));
            for (AccountScan a : org.accounts(Outcome.SCANNED)) {
                assertEquals(ScanOutcome.ScanState.COMPLETED, a.result().outcome().state());
                assertEquals("arn:aws:sts::" + a.account().id()
                                + ":assumed-role/OrganizationAccountAccessRole/consultant-2026",
                        a.result().outcome().inventory().callerArn());
                assertTrue(a.result().outcome().results().stream()
                        .allMatch(r -> r.resource().accountId().equals(a.account().id())));
            }
            // each member's own endpoint answered its scan
            assertTrue(sim.requestCounts("222233334444").getOrDefault("dynamodb:DescribeTable", 0L) > 0);
            assertEquals(4, sim.assumeRoleCount(), "per member: one check, then one session renewed as needed");
        }
    }

    /** The member's own fixture, taken out of the demo organisation and scanned alone. */
    private ScanResult singleAccountScan(ScanService service, String accountId) throws Exception {
        if (accountId.equals("111122223333")) {
            return service.run(ScanTarget.DEMO, request(16), null, ScanListener.NONE, new CancellationToken());
        }
        JsonNode fixture = null;
        for (JsonNode a : demoOrganization.get("accounts")) {
            if (a.get("id").asText().equals(accountId)) {
                fixture = a.get("fixture");
            }
        }
        Path file = dir.resolve(accountId + ".json");
        Files.writeString(file, JSON.writeValueAsString(fixture));
        return service.run(ScanTarget.fixture(file), request(16), null, ScanListener.NONE, new CancellationToken());
    }

    private static Map<String, String> verdicts(List<CheckResult> results) {
        Map<String, String> out = new ConcurrentHashMap<>();
        for (CheckResult r : results) {
            // both simulators move recovery points to look recent when they start, a few seconds apart
            out.put(r.identity(), r.status() + " " + r.statusText()
                    .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ", "<time>"));
        }
        return new TreeMap<>(out);
    }

    /** The results that differ, each as "alone → in the organisation". */
    private static Map<String, String> difference(Map<String, String> alone, Map<String, String> inOrganization) {
        Map<String, String> out = new TreeMap<>();
        Set<String> keys = new java.util.TreeSet<>(alone.keySet());
        keys.addAll(inOrganization.keySet());
        for (String k : keys) {
            if (!java.util.Objects.equals(alone.get(k), inOrganization.get(k))) {
                out.put(k, alone.get(k) + " → " + inOrganization.get(k));
            }
        }
        return out;
    }

    private static List<String> ids(List<AccountScan> accounts) {
        List<String> out = new ArrayList<>();
        accounts.forEach(a -> out.add(a.account().id()));
        return out;
    }
}
