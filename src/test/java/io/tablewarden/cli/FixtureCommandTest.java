package io.tablewarden.cli;

import io.tablewarden.app.SimulatedAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tablewarden.model.RawResponse;
import io.tablewarden.store.fixture.StoredScan;
import io.tablewarden.store.fixture.StoredScanSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tablewarden fixture export} against a stored scan served from memory. */
class FixtureCommandTest {

    private static final String ACCOUNT = "210987654321";
    private static final String TABLE = "arn:aws:dynamodb:eu-west-1:" + ACCOUNT + ":table/orders";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<String> opened = new ArrayList<>();

    @TempDir
    Path dir;

    private final StoredScanSource.Opener memory = database -> {
        opened.add(String.valueOf(database));
        return new StoredScanSource() {
            @Override
            public Optional<StoredScan> find(String scanId) {
                if (!scanId.equals("7")) {
                    return Optional.empty();
                }
                return Optional.of(new StoredScan(ACCOUNT, "aws", "arn:aws:iam::" + ACCOUNT + ":user/a",
                        List.of("eu-west-1"), List.of(new RawResponse("eu-west-1", "dynamodb:DescribeTable", TABLE,
                        "{\"TableName\":\"orders\"}", "{\"Table\":{\"TableName\":\"orders\",\"TableArn\":\""
                        + TABLE + "\"}}"))));
            }

            @Override
            public void close() {
                opened.add("closed");
            }
        };
    };

    private int run(StoredScanSource.Opener opener, String... args) {
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, CliContext::availableChecks,
                (checks, request, listener, cancellation) -> {
                    throw new AssertionError("no scan expected");
                }, new SimulatedAccounts(), Interrupts.none(), Clock.systemUTC(), System::nanoTime, false);
        CommandLine cli = Cli.commandLine(ctx);
        ((FixtureCommand.Export) cli.getSubcommands().get("fixture").getSubcommands().get("export").getCommand())
                .opener = opener;
        return cli.execute(args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheStoredScanAsAValidFixture() throws IOException {
        Path file = dir.resolve("account.json");
        int code = run(memory, "fixture", "export", "--db", dir.resolve("t.db").toString(), "7", "--output",
                file.toString());

        assertEquals(ExitCodes.OK, code, err());
        JsonNode fixture = new ObjectMapper().readTree(Files.readString(file));
        assertEquals(ACCOUNT, fixture.get("account").asText());
        assertEquals("orders", fixture.at("/regions/eu-west-1/dynamodb/tables/0/Table/TableName").asText());
        assertEquals(List.of(dir.resolve("t.db").toString(), "closed"), opened);
        assertTrue(err().contains("Scan 7 written"), err());
    }

    @Test
    void masksAccountIdsOnRequest() throws IOException {
        Path file = dir.resolve("masked.json");
        String db = dir.resolve("t.db").toString();
        int code = run(memory, "fixture", "export", "--db", db, "7", "--output", file.toString(),
                "--mask-account-ids", "--mask-as", "111100002222");

        assertEquals(ExitCodes.OK, code, err());
        String text = Files.readString(file);
        assertFalse(text.contains(ACCOUNT));
        assertTrue(text.contains("arn:aws:dynamodb:eu-west-1:111100002222:table/orders"), text);
        assertEquals(List.of(db, "closed"), opened);
    }

    @Test
    void anUnknownScanIsAUsageErrorAndAMissingDatabaseOrDatabaseSupportExitOne() {
        Path file = dir.resolve("none.json");
        String db = dir.resolve("t.db").toString();
        assertEquals(ExitCodes.USAGE, run(memory, "fixture", "export", "--db", db, "8", "--output",
                file.toString()));
        assertTrue(err().contains("tablewarden: there is no scan 8 in " + db), err());
        assertFalse(Files.exists(file));

        err.reset();
        assertEquals(ExitCodes.NOT_RUN, run(memory, "fixture", "export", "7", "--output", file.toString()));
        assertEquals("tablewarden: no scan database: name one with --db FILE", err().strip());

        err.reset();
        assertEquals(ExitCodes.NOT_RUN, run(null, "fixture", "export", "--db", db, "7", "--output",
                file.toString()));
        assertEquals("tablewarden: no database support in this build", err().strip());
    }

    @Test
    void maskOptionsAreCheckedAsUsage() {
        String file = dir.resolve("x.json").toString();
        assertEquals(ExitCodes.USAGE, run(memory, "fixture", "export", "7", "--output", file, "--mask-as",
                "111100002222"));
        assertTrue(err().contains("--mask-as needs --mask-account-ids"), err());
        assertEquals(ExitCodes.USAGE, run(memory, "fixture", "export", "7", "--output", file, "--mask-account-ids",
                "--mask-as", "12"));
        assertEquals(ExitCodes.USAGE, run(memory, "fixture", "export", "7"));
        assertTrue(opened.isEmpty());
    }
}
