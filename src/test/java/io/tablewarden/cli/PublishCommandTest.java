package io.tablewarden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tablewarden.app.ScanRunner;
import io.tablewarden.app.SimulatedAccounts;
import io.tablewarden.engine.aws.credentials.CredentialsEnvironment;
import io.tablewarden.simulator.AccountSimulator;
import io.tablewarden.simulator.FaultSettings;
import io.tablewarden.simulator.SimulatorOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code publish}: a stored demo scan goes to the simulator's Security Hub through the real SDK, exactly as the
 * {@code asff} report holds it, 100 findings a call at most, each into its resource's region or all into one.
 */
class PublishCommandTest {

    private static final String SECRET = "publish-test-secret-never-printed";

    @TempDir
    Path dir;
    private Path db;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ObjectMapper mapper = new ObjectMapper();

    private CliContext context() {
        return new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, CliContext::availableChecks,
                ScanRunner.engine(), new SimulatedAccounts(), Interrupts.none(), Clock.systemUTC(),
                System::nanoTime, false);
    }

    private int cli(String... args) {
        return Cli.run(context(), args);
    }

    private int publish(String... args) throws Exception {
        Path aws = Files.createDirectories(dir.resolve(".aws"));
        Files.writeString(aws.resolve("config"), "[profile audit]\nregion = eu-west-1\n");
        Files.writeString(aws.resolve("credentials"),
                "[audit]\naws_access_key_id = AKIAPUBLISHTEST00001\naws_secret_access_key = " + SECRET + "\n");
        CredentialsEnvironment env = new CredentialsEnvironment(aws.resolve("config"), aws.resolve("credentials"),
                CredentialsEnvironment.ssoCacheDir(dir), Map.of());
        CommandLine cmd = new CommandLine(new PublishCommand(context(), env));
        cmd.setOut(new PrintWriter(new PrintStream(out, true, StandardCharsets.UTF_8), true));
        cmd.setErr(new PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
        cmd.setExecutionExceptionHandler(new Cli.ExecutionErrors(false));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--db", db.toString(), "--profile", "audit"));
        return cmd.execute(all.toArray(String[]::new));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @BeforeEach
    void storeADemoScan() {
        db = dir.resolve("scans.db");
        assertEquals(ExitCodes.FINDINGS, cli("scan", "--demo", "--no-progress", "--db", db.toString(),
                "--output", dir.resolve("report.txt").toString()), err());
        out.reset();
        err.reset();
    }

    /** The asff report of scan 1, finding by finding, keyed by Id. */
    private Map<String, JsonNode> asffReport() throws Exception {
        Path file = dir.resolve("scan.asff");
        assertEquals(0, cli("report", "1", "--output-format", "asff", "--output", file.toString(),
                "--db", db.toString()), err());
        Map<String, JsonNode> byId = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            for (JsonNode finding : mapper.readTree(line)) {
                byId.put(finding.path("Id").asText(), finding);
            }
        }
        return byId;
    }

    private static Map<String, List<ObjectNode>> imported(AccountSimulator sim, Iterable<String> regions) {
        Map<String, List<ObjectNode>> out = new TreeMap<>();
        for (String region : regions) {
            List<ObjectNode> findings = sim.securityHubFindings(region);
            if (!findings.isEmpty()) {
                out.put(region, findings);
            }
        }
        return out;
    }

    private static final List<String> DEMO_REGIONS = List.of("us-east-1", "eu-west-1", "eu-central-1",
            "ap-southeast-2");

    @Test
    void everyFindingArrivesAsTheAsffReportHoldsItInItsOwnRegion() throws Exception {
        Map<String, JsonNode> report = asffReport();
        try (AccountSimulator sim = AccountSimulator.startDemo()) {
            int code = publish("1", "--to", "securityhub", "--endpoint-url", sim.endpoint().toString());
            assertEquals(ExitCodes.OK, code, err());
            assertTrue(out().startsWith("Published " + report.size() + " of " + report.size()
                    + " findings of scan 1 to Security Hub ("), out());

            Map<String, List<ObjectNode>> imported = imported(sim, DEMO_REGIONS);
            int total = 0;
            int expectedCalls = 0;
            for (Map.Entry<String, List<ObjectNode>> region : imported.entrySet()) {
                for (ObjectNode finding : region.getValue()) {
                    JsonNode written = report.get(finding.path("Id").asText());
                    assertEquals(written, finding, "the published finding is the report's, field for field");
                    assertEquals(region.getKey(), finding.path("Region").asText());
                    assertTrue(finding.path("ProductArn").asText().startsWith("arn:aws:securityhub:"
                            + region.getKey() + ":111122223333:product/111122223333/default"));
                }
                total += region.getValue().size();
                expectedCalls += (region.getValue().size() + 99) / 100;
            }
            assertEquals(report.size(), total);
            assertTrue(report.size() > 100, "the demo needs more than one batch: " + report.size());
            assertEquals(expectedCalls, sim.requestCount("securityhub:BatchImportFindings"),
                    "one call per 100 findings of a region");
            assertFalse(out().contains(SECRET) || err().contains(SECRET));

            // Publishing again updates the same findings (the Id is stable) instead of adding new ones.
            out.reset();
            assertEquals(ExitCodes.OK, publish("1", "--to", "securityhub", "--endpoint-url",
                    sim.endpoint().toString()), err());
            assertEquals(total, imported(sim, DEMO_REGIONS).values().stream().mapToInt(List::size).sum());
        }
    }

    @Test
    void oneTargetRegionTakesEveryFindingAndKeepsEachResourcesRegion() throws Exception {
        Map<String, JsonNode> report = asffReport();
        try (AccountSimulator sim = AccountSimulator.startDemo()) {
            assertEquals(ExitCodes.OK, publish("1", "--to", "securityhub", "--region", "eu-central-1",
                    "--endpoint-url", sim.endpoint().toString()), err());
            Map<String, List<ObjectNode>> imported = imported(sim, DEMO_REGIONS);
            assertEquals(List.of("eu-central-1"), List.copyOf(imported.keySet()));
            List<ObjectNode> findings = imported.get("eu-central-1");
            assertEquals(report.size(), findings.size());
            assertTrue(findings.stream().anyMatch(f -> f.path("Region").asText().equals("us-east-1")));
            assertTrue(findings.stream().allMatch(f -> f.path("ProductArn").asText()
                    .equals("arn:aws:securityhub:eu-central-1:111122223333:product/111122223333/default")));
            assertEquals((report.size() + 99) / 100, sim.requestCount("securityhub:BatchImportFindings"));
        }
    }

    @Test
    void aRegionThatRefusesTheCallIsListedAndTheRestIsImported() throws Exception {
        Map<String, JsonNode> report = asffReport();
        FaultSettings deny = FaultSettings.NONE.withAccessDenied(List.of(
                new FaultSettings.AccessRule("securityhub:BatchImportFindings", null, "eu-west-1")));
        try (AccountSimulator sim = AccountSimulator.startDemo(SimulatorOptions.builder().faults(deny).build())) {
            int code = publish("1", "--to", "securityhub", "--endpoint-url", sim.endpoint().toString());
            assertEquals(ExitCodes.INCOMPLETE, code, err());
            long euWest = report.values().stream().filter(f -> f.path("Region").asText().equals("eu-west-1")).count();
            assertTrue(euWest > 0);
            assertTrue(out().contains("not imported, eu-west-1, "), out());
            assertTrue(out().contains("AccessDeniedException"), out());
            assertTrue(out().startsWith("Published " + (report.size() - euWest) + " of " + report.size()), out());
            assertTrue(err().contains(euWest + " of " + report.size() + " findings were not imported"), err());
            assertTrue(sim.securityHubFindings("eu-west-1").isEmpty());
            assertFalse(sim.securityHubFindings("us-east-1").isEmpty());
        }
    }

    @Test
    void credentialsOfAnotherAccountSendNothing() throws Exception {
        Path other = dir.resolve("other.json");
        try (var in = PublishCommandTest.class.getResourceAsStream("/cli/example-account.json")) {
            Files.copy(in, other);
        }
        try (AccountSimulator sim = AccountSimulator.start(other, 0)) {
            int code = publish("1", "--to", "securityhub", "--endpoint-url", sim.endpoint().toString());
            assertEquals(ExitCodes.NOT_RUN, code);
            assertEquals("tablewarden: nothing was published: the scan is of account 111122223333 but these"
                    + " credentials sign in to account 123456789012; Security Hub takes findings of the calling"
                    + " account only", err().strip());
            assertEquals(0, sim.requestCount("securityhub:BatchImportFindings"));
        }
    }

    @Test
    void aDryRunSaysWhatWouldBeSentAndSendsNothing() throws Exception {
        Map<String, JsonNode> report = asffReport();
        assertEquals(ExitCodes.OK, publish("1", "--to", "securityhub", "--dry-run"), err());
        assertTrue(out().startsWith("Would publish " + report.size() + " findings of scan 1 of account 111122223333"
                + " to Security Hub in "), out());
        assertTrue(out().strip().endsWith("nothing was sent"), out());
    }

    @Test
    void badUsageIsOneLine() throws Exception {
        assertEquals(ExitCodes.USAGE, publish("1", "--to", "slack"));
        assertTrue(err().contains("expected one of securityhub but was 'slack'"), err());
        err.reset();
        assertEquals(ExitCodes.USAGE, publish("1", "--to", "securityhub", "--region", "$(id)"));
        assertEquals("tablewarden: --region: '$(id)' is not a region name such as eu-west-1", err().strip());
        err.reset();
        assertEquals(ExitCodes.USAGE, publish("7", "--to", "securityhub", "--dry-run"));
        assertEquals(1, err().strip().lines().count(), err());
    }
}
