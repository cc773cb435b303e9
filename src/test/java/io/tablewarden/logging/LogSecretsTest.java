package io.tablewarden.logging;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.ScanEngine;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.aws.credentials.CredentialsEnvironment;
import io.tablewarden.engine.aws.credentials.SsoTokenCache;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.simulator.AccountSimulator;
import io.tablewarden.simulator.SimulatorOptions;
import io.tablewarden.store.NewScan;
import io.tablewarden.store.ScanRecorder;
import io.tablewarden.store.TablewardenStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scans of the simulator through every kind of credential, with planted secrets, at DEBUG (as with
 * {@code TABLEWARDEN_DEBUG=1}); the log file these scans wrote must hold none of the secrets.
 */
class LogSecretsTest {

    private static final String ACCESS_KEY_ID = "AKIAPLANTEDLOGKEY742";
    private static final String SECRET_KEY = "planted/Secret+Key/wJalrXUtnFEMI7K";
    private static final String SESSION_TOKEN = "FwoGZXIvYXdzEPlantedSessionToken9Qx";
    private static final String MFA_CODE = "739154";
    private static final String SSO_TOKEN = "aoaPlantedSsoAccessToken-5Kd";
    private static final String SSO_REFRESH = "aorPlantedSsoRefreshToken-2Jw";
    private static final String SSO_CLIENT_SECRET = "planted-sso-client-secret-8Hy";

    @TempDir
    Path dir;

    @Test
    void noPlantedSecretReachesTheLog() throws Exception {
        Path log = LogFolder.folder().resolve(LogFolder.FILE_NAME);
        ch.qos.logback.classic.Logger root =
                (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        root.setLevel(Level.DEBUG);
        long offset = Files.exists(log) ? Files.size(log) : 0;
        try (AccountSimulator sim = AccountSimulator.startFromJson(fixture(), SimulatorOptions.builder().build());
             TablewardenStore store = TablewardenStore.open(dir.resolve("scans.db"))) {
            assertFalse(LoggerFactory.getLogger("software.amazon.awssdk.request").isDebugEnabled(),
                    "the SDK stays at WARN even in debug mode: below that it logs request headers");
            CredentialsEnvironment env = profiles(sim);
            ScanEngine engine = new ScanEngine(CheckRegistry.builtIn().all()).withProfiles(env);

            // static keys with a session token, given outright
            scan(engine, store, new ConnectionSettings(null, sim.endpoint(), "eu-west-1",
                    new ConnectionSettings.StaticCredentials(ACCESS_KEY_ID, SECRET_KEY, SESSION_TOKEN)),
                    ScanOutcome.ScanState.COMPLETED);
            // a role that needs an MFA code, on top of a profile with keys and a session token
            scan(engine, store, new ConnectionSettings("guarded", null, null, null)
                    .withMfaCodes((profile, serial) -> MFA_CODE), ScanOutcome.ScanState.COMPLETED);
            // the same role with a wrong code: the failure is logged, the code is not
            scan(engine, store, new ConnectionSettings("guarded", null, null, null)
                    .withMfaCodes((profile, serial) -> "0" + MFA_CODE.substring(1)), ScanOutcome.ScanState.FAILED);
            // IAM Identity Center with a cached token
            scan(engine, store, new ConnectionSettings("sso", null, null, null), ScanOutcome.ScanState.COMPLETED);
        } finally {
            root.setLevel(before);
        }
        String written = Files.readString(log, StandardCharsets.UTF_8).substring((int) offset);
        assertTrue(written.contains("scan started"), "the scans were logged at all:\n" + written);
        assertTrue(written.contains("opened the scan database"), written);
        for (String secret : List.of(ACCESS_KEY_ID, SECRET_KEY, SESSION_TOKEN, MFA_CODE, SSO_TOKEN, SSO_REFRESH,
                SSO_CLIENT_SECRET)) {
            assertFalse(written.contains(secret), "the log holds a planted secret: " + secret);
        }
    }

    private static void scan(ScanEngine engine, TablewardenStore store, ConnectionSettings connection,
                             ScanOutcome.ScanState expected) {
        ScanRequest request = ScanRequest.of(connection);
        try (ScanRecorder recorder = ScanRecorder.start(store, new NewScan(connection.profile(), null, List.of(),
                List.of(), CheckParameters.defaults(), "test", Instant.now(), null))) {
            ScanOutcome outcome = engine.run(request, recorder, new CancellationToken());
            assertEquals(expected, outcome.state(), outcome.failureReason());
            recorder.finish(outcome, Instant.now());
        }
    }

    private CredentialsEnvironment profiles(AccountSimulator sim) throws IOException {
        Path aws = Files.createDirectories(dir.resolve(".aws"));
        Files.writeString(aws.resolve("config"), String.join("\n",
                "[profile base]",
                "region = eu-west-1",
                "endpoint_url = " + sim.endpoint(),
                "",
                "[profile guarded]",
                "role_arn = arn:aws:iam::123456789012:role/Guarded",
                "source_profile = base",
                "mfa_serial = arn:aws:iam::123456789012:mfa/auditor",
                "region = eu-west-1",
                "endpoint_url = " + sim.endpoint(),
                "",
                "[profile sso]",
                "sso_session = corp",
                "sso_account_id = 123456789012",
                "sso_role_name = ReadOnly",
                "region = eu-west-1",
                "endpoint_url = " + sim.endpoint(),
                "",
                "[sso-session corp]",
                "sso_start_url = https://corp.awsapps.com/start",
                "sso_region = eu-west-1",
                ""));
        Files.writeString(aws.resolve("credentials"), String.join("\n",
                "[base]",
                "aws_access_key_id = " + ACCESS_KEY_ID,
                "aws_secret_access_key = " + SECRET_KEY,
                "aws_session_token = " + SESSION_TOKEN,
                ""));
        Path cache = CredentialsEnvironment.ssoCacheDir(dir);
        new SsoTokenCache(cache).write("corp", new SsoTokenCache.SsoToken(SSO_TOKEN,
                Instant.now().plus(1, ChronoUnit.HOURS), SSO_REFRESH, "client-id", SSO_CLIENT_SECRET,
                Instant.now().plus(30, ChronoUnit.DAYS), "eu-west-1", "https://corp.awsapps.com/start"));
        return new CredentialsEnvironment(aws.resolve("config"), aws.resolve("credentials"), cache, Map.of());
    }

    /** The CLI's example account, with identities that accept the planted MFA code and SSO token. */
    private static String fixture() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = LogSecretsTest.class.getResourceAsStream("/cli/example-account.json")) {
            ObjectNode root = (ObjectNode) json.readTree(in);
            root.set("identities", json.readTree("{\"roles\": [{\"RoleArn\":"
                    + " \"arn:aws:iam::123456789012:role/Guarded\", \"MfaSerialNumber\":"
                    + " \"arn:aws:iam::123456789012:mfa/auditor\", \"MfaTokenCode\": \"" + MFA_CODE + "\"}],"
                    + " \"sso\": {\"accessTokens\": [\"" + SSO_TOKEN + "\"],"
                    + " \"roles\": [{\"accountId\": \"123456789012\", \"roleName\": \"ReadOnly\"}]}}"));
            return json.writeValueAsString(root);
        }
    }
}
