package io.tablewarden.cli;

import io.tablewarden.app.SimulatedAccounts;
import io.tablewarden.engine.ScanEngine;
import io.tablewarden.engine.aws.credentials.CredentialsEnvironment;
import io.tablewarden.engine.aws.credentials.ProfileTestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One broken line in the AWS config file: the scans that need no profile ({@code --demo}, {@code --fixture}) run
 * as if the file were not there, and every command that needs a profile says which file and line, in the words of
 * {@code profiles list}. The offline scans run in a child JVM whose environment names the broken files, exactly as
 * a user's shell would.
 */
class BrokenAwsFilesTest {

    private static final String BROKEN_CONFIG = "[default]\nregion = eu-west-1\n\n[profile broken\nregion = x\n";
    private static final String REASON = ":4: section header has no closing ']'";

    @TempDir
    Path home;

    private Path brokenConfig() throws Exception {
        Path aws = Files.createDirectories(home.resolve(".aws"));
        Files.writeString(aws.resolve("config"), BROKEN_CONFIG);
        Files.writeString(aws.resolve("credentials"),
                "[default]\naws_access_key_id = AKIABROKENTEST000001\naws_secret_access_key = not-a-secret\n");
        return aws.resolve("config");
    }

    /** Runs the real command line in a child JVM with the AWS variables pointing at the broken files. */
    private Result child(String... args) throws Exception {
        Path config = brokenConfig();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "io.tablewarden.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("TABLEWARDEN_"));
        env.put("HOME", home.toString());
        env.put("AWS_CONFIG_FILE", config.toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve(".aws/credentials").toString());
        env.put("TABLEWARDEN_DATA_DIR", home.resolve("data").toString());
        pb.redirectOutput(home.resolve("out.txt").toFile()).redirectError(home.resolve("err.txt").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command did not finish");
        return new Result(p.exitValue(), Files.readString(home.resolve("out.txt")),
                Files.readString(home.resolve("err.txt")), config);
    }

    private record Result(int code, String out, String err, Path config) {
    }

    @Test
    void demoScanIgnoresABrokenConfigFileAndLeavesItAlone() throws Exception {
        Result r = child("scan", "--demo", "--no-store", "--no-progress");
        assertEquals(ExitCodes.FINDINGS, r.code(), r.err());
        assertFalse(r.err().contains("IllegalArgumentException"), r.err());
        assertTrue(r.out().contains("dynamodb_tables_pitr_enabled"), r.out());
        assertArrayEquals(BROKEN_CONFIG.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(r.config()));
    }

    @Test
    void fixtureScanIgnoresABrokenConfigFile() throws Exception {
        Path fixture = home.resolve("example-account.json");
        try (InputStream in = getClass().getResourceAsStream("/cli/example-account.json")) {
            Files.copy(in, fixture);
        }
        Result r = child("scan", "--fixture", fixture.toString(), "--no-store", "--no-progress");
        assertEquals(ExitCodes.FINDINGS, r.code(), r.err());
        assertFalse(r.err().contains("IllegalArgumentException"), r.err());
    }

    @Test
    void scanWithoutProfileNamesTheFileAndLineLikeProfilesList() throws Exception {
        Result list = child("profiles", "list");
        assertEquals(ExitCodes.NOT_RUN, list.code());
        String expected = "cannot read " + list.config() + REASON;
        assertTrue(list.err().contains(expected), list.err());
        // The default credential chain (no --profile) reads the same files and must say the same.
        Result scan = child("scan", "--no-store", "--no-progress", "--region", "eu-west-1");
        assertEquals(ExitCodes.NOT_RUN, scan.code(), scan.err());
        assertEquals("tablewarden: scan failed: " + expected + "\n", scan.err());
    }

    // In-process from here: the commands take their files from a CredentialsEnvironment.

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private CredentialsEnvironment environment() throws Exception {
        Path config = brokenConfig();
        return new CredentialsEnvironment(config, home.resolve(".aws/credentials"),
                CredentialsEnvironment.ssoCacheDir(home), Map.of());
    }

    @Test
    void scanWithAProfileNamesTheFileAndLine() throws Exception {
        CredentialsEnvironment env = environment();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, CliContext::availableChecks,
                (checks, request, listener, cancellation) -> new ScanEngine(checks).withProfiles(env)
                        .run(request, listener, cancellation),
                new SimulatedAccounts(), Interrupts.none(), Clock.systemUTC(), System::nanoTime, false);
        int code = Cli.run(ctx, "scan", "--profile", "default", "--no-store", "--no-progress",
                "--endpoint-url", "http://127.0.0.1:9", "--region", "eu-west-1");
        assertEquals(ExitCodes.NOT_RUN, code);
        assertEquals("tablewarden: scan failed: cannot read " + env.configFile() + REASON + "\n",
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void profilesTestNamesTheFileAndLine() throws Exception {
        CredentialsEnvironment env = environment();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, CliContext::availableChecks, null, null,
                Interrupts.none(), Clock.systemUTC(), System::nanoTime, false);
        CommandLine cmd = new CommandLine(new ProfilesTestCommand(ctx, env,
                new ProfileTestStore(home.resolve("data").resolve(ProfileTestStore.FILE_NAME))));
        cmd.setErr(new PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
        cmd.setExecutionExceptionHandler(new Cli.ExecutionErrors(false));
        assertEquals(ExitCodes.NOT_RUN, cmd.execute("default", "--endpoint-url", "http://127.0.0.1:9"));
        assertEquals("tablewarden: cannot read " + env.configFile() + REASON + "\n", err.toString(StandardCharsets.UTF_8));
    }
}
