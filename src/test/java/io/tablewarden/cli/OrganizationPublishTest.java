package io.tablewarden.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tablewarden.app.ScanRunner;
import io.tablewarden.app.SimulatedAccounts;
import io.tablewarden.engine.aws.credentials.CredentialsEnvironment;
import io.tablewarden.simulator.OrganizationSimulator;
import io.tablewarden.simulator.SimulatorOptions;
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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code publish --organization}: each account's findings go into that account's Security Hub, the own account's
 * with the profile's credentials and each member's through its role, through the real SDK and the simulator.
 */
class OrganizationPublishTest {

    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "eu-central-1", "ap-southeast-2");

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private CliContext context() {
        return new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, CliContext::availableChecks,
                ScanRunner.engine(), new SimulatedAccounts(), Interrupts.none(), Clock.systemUTC(),
                System::nanoTime, false);
    }

    private int publish(String... args) throws Exception {
        Path aws = Files.createDirectories(dir.resolve(".aws"));
        Files.writeString(aws.resolve("config"), "[profile audit]\nregion = us-east-1\n");
        Files.writeString(aws.resolve("credentials"),
                "[audit]\naws_access_key_id = AKIAPUBLISHTEST00001\naws_secret_access_key = not-printed\n");
        CredentialsEnvironment env = new CredentialsEnvironment(aws.resolve("config"), aws.resolve("credentials"),
                CredentialsEnvironment.ssoCacheDir(dir), Map.of());
        CommandLine cmd = new CommandLine(new PublishCommand(context(), env));
        cmd.setOut(new PrintWriter(new PrintStream(out, true, StandardCharsets.UTF_8), true));
        cmd.setErr(new PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
        cmd.setExecutionExceptionHandler(new Cli.ExecutionErrors(false));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--profile", "audit"));
        return cmd.execute(all.toArray(String[]::new));
    }

    @Test
    void eachAccountsFindingsGoIntoThatAccountsSecurityHub() throws Exception {
        String db = dir.resolve("scans.db").toString();
        assertEquals(ExitCodes.INCOMPLETE, Cli.run(context(), "scan", "--demo", "--accounts", "all", "--db", db,
                "--no-progress", "--output", dir.resolve("org.txt").toString()));
        out.reset();
        err.reset();
        try (OrganizationSimulator sim = OrganizationSimulator.startDemo(SimulatorOptions.builder()
                .shiftRecoveryPointsToNow(true).build())) {
            assertEquals(ExitCodes.OK, publish("1", "--organization", "--to", "securityhub", "--endpoint-url",
                    sim.endpoint().toString(), "--db", db), err.toString(StandardCharsets.UTF_8));
            String printed = out.toString(StandardCharsets.UTF_8);
            for (String account : List.of("111122223333", "222233334444", "333344445555", "555566667777")) {
                int imported = 0;
                for (String region : REGIONS) {
                    for (ObjectNode f : sim.securityHubFindings(account, region)) {
                        assertEquals(account, f.path("AwsAccountId").asText(), f.toString());
                        imported++;
                    }
                }
                assertTrue(imported > 0, "account " + account + " got its findings");
                assertTrue(printed.contains("Account " + account + ": published " + imported + " of " + imported),
                        printed);
            }
            // the refused member was not scanned, so there is nothing of it to publish
            assertTrue(REGIONS.stream().allMatch(r -> sim.securityHubFindings("444455556666", r).isEmpty()));

            out.reset();
            assertEquals(ExitCodes.INCOMPLETE, publish("1", "--organization", "--to", "securityhub",
                    "--endpoint-url", sim.endpoint().toString(), "--db", db, "--role-name", "NoSuchRole"));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("Account 222233334444: nothing was published"),
                    out.toString(StandardCharsets.UTF_8));
        }
    }
}
