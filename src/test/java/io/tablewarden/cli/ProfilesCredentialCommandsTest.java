package io.tablewarden.cli;

import io.tablewarden.engine.aws.credentials.CredentialsEnvironment;
import io.tablewarden.engine.aws.credentials.ProfileTestStore;
import io.tablewarden.engine.aws.credentials.SsoTokenCache;
import io.tablewarden.simulator.AccountSimulator;
import io.tablewarden.simulator.SimulatorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code profiles test} and {@code profiles login} against the simulator, with a temporary home. */
class ProfilesCredentialCommandsTest {

    private static final String SECRET = "cli-test-secret-access-key";
    private static AccountSimulator sim;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws IOException {
        try (InputStream in = ProfilesCredentialCommandsTest.class.getResourceAsStream("/credentials/identity-account.json")) {
            sim = AccountSimulator.startFromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    SimulatorOptions.builder().build());
        }
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private CredentialsEnvironment environment() throws IOException {
        Path aws = Files.createDirectories(dir.resolve(".aws"));
        Files.writeString(aws.resolve("config"), String.join("\n",
                "[profile guarded]",
                "role_arn = arn:aws:iam::111122223333:role/Guarded",
                "source_profile = base",
                "mfa_serial = arn:aws:iam::111122223333:mfa/auditor",
                "",
                "[profile portal]",
                "sso_session = corp",
                "sso_account_id = 444455556666",
                "sso_role_name = ReadOnly",
                "",
                "[sso-session corp]",
                "sso_start_url = https://corp.awsapps.com/start",
                "sso_region = eu-west-1",
                ""));
        Files.writeString(aws.resolve("credentials"),
                "[base]\naws_access_key_id = AKIACLITEST000000001\naws_secret_access_key = " + SECRET + "\n");
        return new CredentialsEnvironment(aws.resolve("config"), aws.resolve("credentials"),
                CredentialsEnvironment.ssoCacheDir(dir), Map.of());
    }

    private int run(Callable<Integer> command, String... args) {
        CommandLine cmd = new CommandLine(command);
        cmd.setOut(new PrintWriter(new PrintStream(out, true, StandardCharsets.UTF_8), true));
        cmd.setErr(new PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
        cmd.setExecutionExceptionHandler(new Cli.ExecutionErrors(false));
        return cmd.execute(args);
    }

    private CliContext context() {
        return new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, CliContext::availableChecks, null, null,
                // the real clock: the sign-in's expiry is compared with the time now
                Interrupts.none(), Clock.systemUTC(), System::nanoTime, false);
    }

    @Test
    void testShowsIdentityAndRemembersItWithoutSecrets() throws IOException {
        ProfileTestStore store = new ProfileTestStore(dir.resolve("data").resolve(ProfileTestStore.FILE_NAME));
        int code = run(new ProfilesTestCommand(context(), environment(), store),
                "guarded", "--mfa-code", "123456", "--endpoint-url", sim.endpoint().toString());
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        String shown = out.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("111122223333 (corp-audit)"), shown);
        assertTrue(shown.contains("assumed-role/Guarded/"), shown);
        assertFalse(shown.contains(SECRET));
        assertTrue(store.get("guarded").orElseThrow().ok());
        assertFalse(Files.readString(store.file()).contains(SECRET));
    }

    @Test
    void testWithoutMfaCodeFailsWithTheReason() throws IOException {
        ProfileTestStore store = new ProfileTestStore(dir.resolve(ProfileTestStore.FILE_NAME));
        int code = run(new ProfilesTestCommand(context(), environment(), store),
                "guarded", "--endpoint-url", sim.endpoint().toString());
        assertEquals(ExitCodes.NOT_RUN, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("tablewarden: profile guarded needs an MFA code"),
                err.toString(StandardCharsets.UTF_8));
        assertFalse(store.get("guarded").orElseThrow().ok());
    }

    @Test
    void loginThenTest() throws IOException {
        CredentialsEnvironment env = environment();
        int login = run(new ProfilesLoginCommand(context(), env, millis -> { }),
                "portal", "--no-browser", "--endpoint-url", sim.endpoint().toString());
        assertEquals(0, login, err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("enter the code "));
        assertTrue(Files.exists(env.ssoCacheDir().resolve(SsoTokenCache.fileName("corp"))));
        ProfileTestStore store = new ProfileTestStore(dir.resolve(ProfileTestStore.FILE_NAME));
        assertEquals(0, run(new ProfilesTestCommand(context(), env, store), "portal", "--endpoint-url",
                sim.endpoint().toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("444455556666"));
    }
}
