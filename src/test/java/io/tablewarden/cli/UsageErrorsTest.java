package io.tablewarden.cli;

import io.tablewarden.app.LocalAccount;
import io.tablewarden.app.LocalAccounts;
import io.tablewarden.app.SimulatedAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsageErrorsTest {

    private static void assertOneLine(CliHarness cli, int exitCode, int expected) {
        assertEquals(expected, exitCode, cli.err());
        String err = cli.err();
        assertTrue(err.startsWith("tablewarden: "), err);
        assertEquals(1, err.lines().count(), err);
        assertFalse(err.contains("Exception"), err);
        assertFalse(err.contains("\tat "), err);
        assertTrue(cli.requests.isEmpty(), "no scan may start");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "scan --no-such-option",
            "scan --fixture account.json --profile prod",
            "scan --demo --profile prod",
            "scan --demo --endpoint-url http://localhost:8000",
            "scan --checks dynamodb_tables_pitr_enabled,no_such_check",
            "scan --endpoint-url localhost:8000",
            "scan --mfa-code 123456",
            "publish 1 --to securityhub --mfa-code 123456",
            "publish 1 --to securityhub --endpoint-url localhost:8000",
            "profiles test prod --endpoint-url ftp://localhost:8000",
            "scan --concurrency many",
            "scan --concurrency 0",
            "scan --concurrency 129",
            "scan --min-recovery-period-days 36",
            "scan --max-recovery-point-age-hours x",
            "scan --required-tag-keys a,b,c,d,e,f,g",
            "scan --trusted-account 12345",
            "scan --region Europe",
            "scan --output-format xml",
            "scan --output same.json --stats same.json",
            "scan --fixture does-not-exist.json",
            "simulate",
            "simulate --demo --fixture a.json",
            "checks --format yaml",
            "nonsense"})
    void badUsageGivesExitTwoAndOneLine(String args) {
        CliHarness cli = new CliHarness();
        assertOneLine(cli, cli.run(args.split(" ")), ExitCodes.USAGE);
    }

    @Test
    void unknownCheckIdListsTheValidIds() {
        CliHarness cli = new CliHarness();
        cli.run("scan", "--demo", "--checks", "no_such_check");
        assertTrue(cli.err().contains("unknown check id no_such_check; known ids: "), cli.err());
        assertTrue(cli.err().contains("dynamodb_table_kms_key_usable"), cli.err());
    }

    @Test
    void badFormatListsTheFormatsInLowerCase() {
        CliHarness cli = new CliHarness();
        cli.run("scan", "--output-format", "xml");
        assertTrue(cli.err().contains("expected one of text, ocsf, csv, json, html, asff, script but was 'xml'"), cli.err());
    }

    @Test
    void typosGetASuggestion() {
        CliHarness cli = new CliHarness();
        cli.run("scan", "--outptu", "x.json");
        assertTrue(cli.err().contains("did you mean --output"), cli.err());
        assertEquals(1, cli.err().lines().count());
    }

    @Test
    void fixtureWithProfileNamesBothOptions() {
        CliHarness cli = new CliHarness();
        cli.run("scan", "--fixture", "a.json", "--profile", "prod");
        assertTrue(cli.err().startsWith("tablewarden: --fixture cannot be combined with --profile"), cli.err());
    }

    @Test
    void aFolderGivenAsFixtureIsCalledAFolder(@TempDir Path dir) {
        for (String command : new String[] {"scan", "simulate"}) {
            CliHarness cli = new CliHarness();
            int code = cli.run(command, "--fixture", dir.toString());
            assertOneLine(cli, code, ExitCodes.USAGE);
            assertTrue(cli.err().startsWith("tablewarden: fixture " + dir + " is a folder, not a file"), cli.err());
        }
    }

    @Test
    void aReportMayNotReplaceTheFixture(@TempDir Path dir) throws Exception {
        Path fixture = Files.writeString(dir.resolve("account.json"), "{}");
        for (String option : new String[] {"--output", "--stats"}) {
            CliHarness cli = new CliHarness();
            String sameFileOtherSpelling = dir.resolve("sub/../account.json").toString();
            int code = cli.run("scan", "--fixture", fixture.toString(), option, sameFileOtherSpelling);
            assertOneLine(cli, code, ExitCodes.USAGE);
            assertTrue(cli.err().startsWith("tablewarden: " + option + " must not overwrite the fixture"), cli.err());
            assertTrue(cli.simulatorEvents.isEmpty(), "nothing started");
            assertEquals("{}", Files.readString(fixture));
        }
    }

    @Test
    void outputInMissingFolderIsExitOneBeforeScanning(@TempDir Path dir) {
        CliHarness cli = new CliHarness();
        int code = cli.run("scan", "--demo", "--output", dir.resolve("missing/report.json").toString());
        assertOneLine(cli, code, ExitCodes.NOT_RUN);
        assertTrue(cli.simulatorEvents.isEmpty(), "nothing started");
    }

    @Test
    void outputThatIsAFolderIsExitOne(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("report.json"));
        CliHarness cli = new CliHarness();
        assertOneLine(cli, cli.run("scan", "--demo", "--stats", folder.toString()), ExitCodes.NOT_RUN);
    }

    @Test
    void unexpectedErrorsAreOneLineToo() {
        CliHarness cli = new CliHarness();
        cli.runner = (checks, request, listener, cancellation) -> {
            throw new IllegalStateException("boom\nsecond line");
        };
        int code = cli.run("scan", "--demo", "--no-progress");
        assertEquals(ExitCodes.NOT_RUN, code);
        assertEquals("tablewarden: unexpected error: IllegalStateException: boom", cli.err().strip());
        assertEquals(java.util.List.of("demo 0", "closed"), cli.simulatorEvents, "simulator closed on failure");
    }

    @Test
    void invalidFixtureIsExitOneWithTheJsonPath() {
        CliHarness cli = new CliHarness();
        cli.simulators = new LocalAccounts() {
            @Override
            public LocalAccount start(Path fixture, int port) {
                throw SimulatedAccounts.startFailure("fixture " + fixture.getFileName(),
                        new java.io.IOException(new io.tablewarden.simulator.FixtureException(
                                "$.regions.us-east-1.dynamodb.tables[3].Table.TableName", "missing")));
            }

            @Override
            public LocalAccount startDemo(int port) {
                throw new AssertionError();
            }
        };
        int code = cli.run("simulate", "--fixture", "pom.xml");
        assertEquals(ExitCodes.NOT_RUN, code);
        assertEquals("tablewarden: invalid fixture pom.xml: $.regions.us-east-1.dynamodb.tables[3].Table.TableName: missing",
                cli.err().strip());
    }
}
