package io.tablewarden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tablewarden.app.ScanRunner;
import io.tablewarden.app.SimulatedAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code scan --accounts}: the command line, the organisation simulator, the engine and the writers. */
class OrganizationScanCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ObjectMapper mapper = new ObjectMapper();

    private int run(String... args) {
        out.reset();
        err.reset();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, CliContext::availableChecks,
                ScanRunner.engine(), new SimulatedAccounts(), Interrupts.none(), Clock.systemUTC(),
                System::nanoTime, false);
        return Cli.run(ctx, args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theDemoOrganisationIsOneCsvWithEveryAccountsRowsAndTheRefusedAccount(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("org.csv");
        int code = run("scan", "--demo", "--accounts", "all", "--output-format", "csv", "--output", csv.toString(),
                "--db", dir.resolve("scans.db").toString());
        assertEquals(ExitCodes.INCOMPLETE, code, err());
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("account,account_alias,"), lines.get(0));
        assertEquals(1, lines.stream().filter(l -> l.startsWith("account,account_alias,")).count(), "one header");
        Set<String> accounts = new TreeSet<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.matches("\\d{12},.*")) {
                accounts.add(line.substring(0, 12));
            }
        }
        assertEquals(Set.of("111122223333", "222233334444", "333344445555", "444455556666", "555566667777"),
                accounts);
        String refused = lines.stream().filter(l -> l.startsWith("444455556666,")).findFirst().orElseThrow();
        assertTrue(refused.contains(",ERROR,") && refused.contains("OrganizationAccountAccessRole"), refused);
        assertTrue(err().contains("skipped 666677778888 (northwind-legacy, Development) (suspended)"), err());
        assertTrue(err().contains("Organisation scan 1 stored in"), err());
        assertTrue(err().contains("1 account could not be scanned (444455556666"), err());
    }

    @Test
    void oneOuWithoutTheOwnAccountIsOcsfWithEachFindingsOwnAccount(@TempDir Path dir) throws Exception {
        Path ocsf = dir.resolve("org.json");
        int code = run("scan", "--demo", "--accounts", "ou-nw7k-prod2026", "--no-own-account", "--output-format",
                "ocsf", "--output", ocsf.toString(), "--no-store", "--no-progress");
        assertEquals(ExitCodes.FINDINGS, code, err());
        Set<String> accounts = new TreeSet<>();
        for (JsonNode f : mapper.readTree(ocsf.toFile())) {
            accounts.add(f.path("cloud").path("account").path("uid").asText());
            String arn = f.path("resources").path(0).path("uid").asText();
            assertTrue(arn.contains(":" + f.path("cloud").path("account").path("uid").asText() + ":"), arn);
        }
        assertEquals(Set.of("222233334444", "333344445555"), accounts);
    }

    @Test
    void anOrganisationFixtureChecksTheExternalIdOfItsMembersRole(@TempDir Path dir) throws Exception {
        Path org = organizationFixture(dir);
        int wrong = run("scan", "--fixture", org.toString(), "--accounts", "all", "--external-id", "not-the-one",
                "--output-format", "json", "--no-store", "--no-progress");
        assertEquals(ExitCodes.INCOMPLETE, wrong, err());
        JsonNode refused = member(mapper.readTree(out.toByteArray()), "222222222222");
        assertEquals("error", refused.path("outcome").asText());
        assertTrue(refused.path("message").asText().contains("sts:ExternalId"), refused.toString());

        int right = run("scan", "--fixture", org.toString(), "--accounts", "all", "--external-id", "agreed-secret",
                "--role-name", "TablewardenAudit", "--role-session-name", "audit-2026", "--output-format", "json",
                "--no-store", "--no-progress");
        assertEquals(ExitCodes.FINDINGS, right, err());
        JsonNode member = member(mapper.readTree(out.toByteArray()), "222222222222");
        assertEquals("scanned", member.path("outcome").asText());
        assertEquals("222222222222", member.path("scan").path("scan").path("account").asText(), member.toString());
        assertEquals("arn:aws:sts::222222222222:assumed-role/TablewardenAudit/audit-2026",
                member.path("scan").path("scan").path("callerArn").asText(), member.toString());
    }

    @Test
    void organisationOptionsAreCheckedBeforeAnythingIsScanned(@TempDir Path dir) throws Exception {
        assertEquals(ExitCodes.USAGE, run("scan", "--demo", "--role-name", "Audit"));
        assertTrue(err().contains("--role-name goes with --accounts"), err());
        assertEquals(ExitCodes.USAGE, run("scan", "--demo", "--accounts", "all", "--output-format", "script"));
        assertTrue(err().contains("an organisation scan is written as asff, csv, html, json, ocsf, text"), err());
        assertEquals(ExitCodes.USAGE, run("scan", "--demo", "--accounts", "prod"));
        assertTrue(err().contains("not 'prod'"), err());
        assertEquals(ExitCodes.USAGE, run("scan", "--demo", "--accounts", "all", "--concurrency", "32",
                "--org-concurrency", "16"));
        assertEquals(ExitCodes.USAGE, run("scan", "--demo", "--accounts", "999988887777", "--no-store"));
        assertTrue(err().contains("not in organisation o-nw7k2p9x4q: 999988887777"), err());
        Path org = organizationFixture(dir);
        assertEquals(ExitCodes.USAGE, run("scan", "--fixture", org.toString()));
        assertTrue(err().contains("is an organisation fixture: scan it with --accounts all"), err());
        assertFalse(err().contains("Exception"), err());
    }

    @Test
    void historyShowsBothLevelsAndDiffComparesTwoOrganisationScansAccountByAccount(@TempDir Path dir)
            throws Exception {
        Path org = organizationFixture(dir);
        String db = dir.resolve("scans.db").toString();
        String[] scan = {"scan", "--fixture", org.toString(), "--accounts", "all", "--external-id", "agreed-secret",
                "--db", db, "--no-progress"};
        assertEquals(ExitCodes.FINDINGS, run(scan), err());
        // the member drops its second table between the two organisation scans
        ObjectNode member = (ObjectNode) mapper.readTree(dir.resolve("member.json").toFile());
        ((com.fasterxml.jackson.databind.node.ArrayNode) member.path("regions").path("eu-west-1").path("dynamodb")
                .path("tables")).remove(1);
        Files.writeString(dir.resolve("member.json"), mapper.writeValueAsString(member));
        assertEquals(ExitCodes.FINDINGS, run(scan), err());

        assertEquals(ExitCodes.OK, run("history", "--db", db));
        String history = out.toString(StandardCharsets.UTF_8);
        assertTrue(history.contains("Organisation scans:"), history);
        assertTrue(history.contains("org 2  o-exampleorg1  management 111111111111"), history);
        assertTrue(history.matches("(?s).*222222222222\\s+workload\\s+Workloads\\s+scanned\\s+\\d+.*"), history);

        assertEquals(ExitCodes.OK, run("history", "--db", db, "--organizations", "--format", "json"));
        JsonNode organizations = mapper.readTree(out.toByteArray());
        assertEquals(2, organizations.size());
        assertEquals("scanned", organizations.get(0).path("accounts").get(1).path("outcome").asText());
        assertEquals(ExitCodes.OK, run("history", "--db", db, "--format", "json"));
        for (JsonNode s : mapper.readTree(out.toByteArray())) {
            assertTrue(s.path("organizationScan").isIntegralNumber(), s.toString());
        }

        assertEquals(ExitCodes.OK, run("diff", "--db", db, "--organization", "1", "2", "--output-format", "json"));
        JsonNode diff = mapper.readTree(out.toByteArray());
        assertEquals("o-exampleorg1", diff.path("organization").asText());
        JsonNode management = diff.path("accounts").get(0);
        JsonNode workload = diff.path("accounts").get(1);
        assertEquals("111111111111", management.path("accountId").asText());
        assertEquals(0, management.path("changes").path("removedResources").size());
        assertEquals("222222222222", workload.path("accountId").asText());
        assertEquals(List.of("arn:aws:dynamodb:eu-west-1:222222222222:table/payments"),
                resources(workload.path("changes").path("removedResources")));
        assertEquals(ExitCodes.OK, run("diff", "--db", db, "--organization", "1", "2"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("=== Account 222222222222 (workload): scanned"),
                out.toString(StandardCharsets.UTF_8));
        assertEquals(ExitCodes.USAGE, run("diff", "--db", db, "--organization", "1", "9"));
    }

    @Test
    void theHtmlReportSummarisesAccountsAndOusThenEachAccountWithHostileNamesAsText(@TempDir Path dir)
            throws Exception {
        Path org = organizationFixture(dir);
        Files.writeString(org, Files.readString(org).replace("\"name\": \"workload\"",
                "\"name\": \"<script>alert(1)</script>\\u001b[31m\""));
        Path html = dir.resolve("org.html");
        assertEquals(ExitCodes.INCOMPLETE, run("scan", "--fixture", org.toString(), "--accounts", "all",
                "--output-format", "html", "--output", html.toString(), "--no-store", "--no-progress"), err());
        String page = Files.readString(html);
        assertTrue(page.contains("<h1>Organisation o-exampleorg1</h1>"), page);
        assertTrue(page.contains("id=\"not-scanned\""), "the refused member is on the cover");
        assertTrue(page.contains("id=\"account-111111111111\""), "the management account has its section");
        assertTrue(page.contains("<td>Workloads</td>"), "the OU summary");
        assertFalse(page.contains("<script>"), "no script, and the hostile name is text");
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page);

        assertEquals(ExitCodes.INCOMPLETE, run("scan", "--fixture", org.toString(), "--accounts", "all",
                "--no-store", "--no-progress"));
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("\u001b"), "the terminal report is cleaned");
        assertFalse(err().contains("\u001b"), "the progress lines are cleaned");
    }

    @Test
    void theStoredOrganisationReportIsTheLiveOneByteForByte(@TempDir Path dir) throws Exception {
        String db = dir.resolve("scans.db").toString();
        for (String format : List.of("csv", "html", "json")) {
            Path live = dir.resolve("live." + format);
            Path stored = dir.resolve("stored." + format);
            run("scan", "--demo", "--accounts", "ou-nw7k-devl2026", "--no-own-account", "--output-format", format,
                    "--output", live.toString(), "--db", db, "--no-progress");
            String id = err().replaceAll("(?s).*Organisation scan (\\d+) stored.*", "$1");
            assertEquals(ExitCodes.INCOMPLETE, run("report", "--db", db, "--organization", id, "--output-format",
                    format, "--output", stored.toString()), err());
            assertEquals(Files.readString(live), Files.readString(stored), format);
        }
        assertEquals(ExitCodes.USAGE, run("report", "--db", db, "--organization", "1", "--output-format", "script"));
        assertEquals(ExitCodes.USAGE, run("report", "--db", db, "--organization", "99"));
    }

    private static List<String> resources(JsonNode changes) {
        List<String> out = new java.util.ArrayList<>();
        changes.forEach(c -> out.add(c.path("resourceArn").asText()));
        return out;
    }

    private static JsonNode member(JsonNode report, String account) {
        for (JsonNode a : report.path("accounts")) {
            if (a.path("account").asText().equals(account)) {
                return a;
            }
        }
        throw new AssertionError("no account " + account + " in " + report);
    }

    /** Management 111111111111 and member 222222222222, whose audit role needs an external id; fixtures by file. */
    private Path organizationFixture(Path dir) throws Exception {
        String example;
        try (InputStream in = getClass().getResourceAsStream("/cli/example-account.json")) {
            example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("management.json"), example.replace("123456789012", "111111111111"));
        ObjectNode member = (ObjectNode) mapper.readTree(example.replace("123456789012", "222222222222"));
        member.put("callerArn", "arn:aws:iam::222222222222:root");
        Files.writeString(dir.resolve("member.json"), mapper.writeValueAsString(member));
        Path org = dir.resolve("organization.json");
        Files.writeString(org, """
                {
                  "organization": {"id": "o-exampleorg1", "managementAccountId": "111111111111", "rootId": "r-ab12"},
                  "organizationalUnits": [{"id": "ou-ab12-workload", "name": "Workloads", "parentId": "r-ab12"}],
                  "accounts": [
                    {"id": "111111111111", "name": "management", "fixture": "management.json"},
                    {"id": "222222222222", "name": "workload", "parentId": "ou-ab12-workload",
                     "roles": [{"name": "TablewardenAudit", "trustedPrincipals": ["111111111111"],
                                "externalId": "agreed-secret"},
                               {"name": "OrganizationAccountAccessRole", "externalId": "agreed-secret"}],
                     "fixture": "member.json"}
                  ]
                }
                """);
        return org;
    }
}
