package io.tablewarden.cli;

import io.tablewarden.app.SimulatedAccounts;
import io.tablewarden.app.ScanRunner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tablewarden.engine.remediation.VisibleText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An account whose table has a hostile name and carries a hostile resource policy (a Sid with an escape sequence, a newline that fakes a
 * report line, a bidirectional override) and hostile tags, scanned through the simulator and the real SDK: the
 * text report sends no control or bidirectional character to the terminal, and the CLI remediation of the OCSF
 * report, run by bash with {@code aws} recording its arguments, passes the names as single arguments and runs
 * nothing from them.
 */
class HostileAccountEndToEndTest {

    /** AWS allows only [A-Za-z0-9_.-] in table names: served here as a hostile endpoint would. */
    private static final String NAME = "orders'$(touch pwned)`touch pwned`\u001b]0;owned\u0007\u202e";
    private static final String SID = "Evil\u001b]0;owned\u0007\nFAKE all clear\u202e";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ObjectMapper mapper = new ObjectMapper();

    private int run(String... args) {
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, CliContext::availableChecks,
                ScanRunner.engine(), SimulatedAccounts.allowingInvalidNamesForTests(), Interrupts.none(), Clock.systemUTC(),
                System::nanoTime, false);
        return Cli.run(ctx, args);
    }

    private Path hostileFixture(Path dir) throws Exception {
        JsonNode root;
        try (var in = HostileAccountEndToEndTest.class.getResourceAsStream("/cli/example-account.json")) {
            root = mapper.readTree(in);
        }
        ObjectNode orders = (ObjectNode) root.path("regions").path("eu-west-1").path("dynamodb").path("tables").get(0);
        String arn = "arn:aws:dynamodb:eu-west-1:123456789012:table/" + NAME;
        ((ObjectNode) orders.path("Table")).put("TableName", NAME).put("TableArn", arn);
        ObjectNode policy = mapper.createObjectNode().put("Version", "2012-10-17");
        ObjectNode statement = policy.putArray("Statement").addObject().put("Sid", SID).put("Effect", "Allow")
                .put("Action", "dynamodb:GetItem").put("Resource", arn);
        statement.putObject("Principal").put("AWS", "arn:aws:iam::999999999999:root");
        orders.put("Policy", mapper.writeValueAsString(policy));
        ArrayNode tags = orders.putArray("Tags");
        tags.addObject().put("Key", "owner\u001b[2J").put("Value", "\u202etxt.exe\u0000$(touch pwned)");
        Path target = dir.resolve("hostile-account.json");
        mapper.writeValue(target.toFile(), root);
        return target;
    }

    @Test
    void textReportShowsHostileSidsAndTagsVisibly(@TempDir Path dir) throws Exception {
        int code = run("scan", "--fixture", hostileFixture(dir).toString(), "--output-format", "text",
                "--no-progress");
        assertEquals(ExitCodes.FINDINGS, code, err.toString(StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            assertTrue(c == '\n' || c == '\r' || !VisibleText.isHidden(c),
                    String.format("U+%04X at %d reaches the terminal:%n%s", (int) c, i, VisibleText.of(text)));
        }
        assertTrue(text.contains("Evil\\e]0;owned\\a\\nFAKE all clear\\u202E"), text);
        assertTrue(text.contains("orders'$(touch pwned)`touch pwned`\\e]0;owned\\a\\u202E  [AWS::DynamoDB::Table"), text);
        assertFalse(text.lines().anyMatch(line -> line.startsWith("FAKE")), text);
    }

    @Test
    void copiedCliFixesRunNothingFromTheAccount(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("findings.ocsf.json");
        Path fixture = hostileFixture(dir);
        int code = run("scan", "--fixture", fixture.toString(), "--output-format", "ocsf",
                "--output", report.toString(), "--no-progress");
        assertEquals(ExitCodes.FINDINGS, code, err.toString(StandardCharsets.UTF_8));
        List<String> snippets = new ArrayList<>();
        for (JsonNode finding : mapper.readTree(report.toFile())) {
            String cli = finding.path("remediation").path("cli").asText("");
            if (!cli.isBlank()) {
                snippets.add(cli);
            }
        }
        assertFalse(snippets.isEmpty());
        StringBuilder script = new StringBuilder("aws() { printf '%s\\0' \"$@\" >> argv; echo v1; }\n");
        snippets.forEach(s -> script.append("(\n").append(s).append("\n) > /dev/null 2>&1\n"));
        Files.writeString(dir.resolve("fix.sh"), script, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("bash", "fix.sh").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertFalse(Files.exists(dir.resolve("pwned")), "a value from the account ran a command");
        String argv = Files.readString(dir.resolve("argv"), StandardCharsets.UTF_8);
        assertTrue(argv.contains("\0" + NAME + "\0"), "the table name is one argument");
        assertTrue(argv.contains("\0arn:aws:dynamodb:eu-west-1:123456789012:table/" + NAME + "\0"),
                "the table ARN is one argument");
    }
}
