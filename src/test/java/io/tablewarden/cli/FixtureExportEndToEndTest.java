package io.tablewarden.cli;

import io.tablewarden.app.ScanRunner;
import io.tablewarden.app.SimulatedAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole path with the real wiring: a stored scan of a fixture, exported with {@code fixture export}, then
 * scanned with {@code scan --fixture}, reports the same findings.
 */
class FixtureExportEndToEndTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        CliContext ctx = new CliContext(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, CliContext::availableChecks,
                ScanRunner.engine(), new SimulatedAccounts(), Interrupts.none(), Clock.systemUTC(),
                System::nanoTime, false);
        return Cli.run(ctx, args);
    }

    @Test
    void anExportedScanReplaysWithTheSameFindings(@TempDir Path dir) throws Exception {
        Path original = dir.resolve("example-account.json");
        try (InputStream in = FixtureExportEndToEndTest.class.getResourceAsStream("/cli/example-account.json")) {
            Files.copy(in, original);
        }
        String db = dir.resolve("scans.db").toString();
        Path first = dir.resolve("first.json");
        Path exported = dir.resolve("exported.json");
        Path second = dir.resolve("second.json");

        int code = run("scan", "--fixture", original.toString(), "--db", db, "--no-progress", "--output-format",
                "json", "--output", first.toString());
        assertEquals(ExitCodes.FINDINGS, code, err.toString(StandardCharsets.UTF_8));
        assertEquals(ExitCodes.OK, run("fixture", "export", "--db", db, "1", "--output", exported.toString()),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(ExitCodes.FINDINGS, run("scan", "--fixture", exported.toString(), "--no-store", "--no-progress",
                "--output-format", "json", "--output", second.toString()), err.toString(StandardCharsets.UTF_8));

        List<String> before = findings(first);
        assertTrue(before.size() > 10, before.toString());
        assertEquals(before, findings(second));
    }

    private static List<String> findings(Path report) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode r : new ObjectMapper().readTree(report.toFile()).get("results")) {
            out.add(r.get("checkId").asText() + " | " + r.at("/resource/arn").asText() + " | "
                    + r.get("status").asText() + " | " + r.get("statusText").asText());
        }
        out.sort(null);
        return out;
    }
}
