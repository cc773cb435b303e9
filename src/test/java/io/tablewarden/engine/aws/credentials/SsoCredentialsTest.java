package io.tablewarden.engine.aws.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.aws.AwsClientFactory;
import io.tablewarden.engine.aws.CallMetrics;
import io.tablewarden.engine.aws.ClientTuning;
import io.tablewarden.simulator.AccountSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.tablewarden.engine.aws.credentials.CredentialsTestSupport.home;
import static io.tablewarden.engine.aws.credentials.CredentialsTestSupport.whoAmI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SsoCredentialsTest {

    private static final String CONFIG = String.join("\n",
            "[profile sso-new]",
            "sso_session = corp",
            "sso_account_id = 444455556666",
            "sso_role_name = ReadOnly",
            "region = eu-west-1",
            "",
            "[sso-session corp]",
            "sso_start_url = https://corp.awsapps.com/start",
            "sso_region = eu-west-1",
            "sso_registration_scopes = sso:account:access",
            "",
            "[profile sso-legacy]",
            "sso_start_url = https://legacy.awsapps.com/start",
            "sso_region = us-east-1",
            "sso_account_id = 444455556666",
            "sso_role_name = ReadOnly",
            "",
            "[profile lost-session]",
            "sso_session = gone",
            "sso_account_id = 444455556666",
            "sso_role_name = ReadOnly",
            "",
            "[profile no-role]",
            "sso_session = corp",
            "",
            "[profile sso-then-role]",
            "role_arn = arn:aws:iam::111122223333:role/Hop",
            "source_profile = sso-new",
            "external_id = hop-external-id",
            "");

    private static AccountSimulator sim;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        sim = CredentialsTestSupport.startSimulator();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private CredentialsEnvironment environment() {
        return home(dir, CONFIG, "", Map.of());
    }

    /** A cache file as the AWS CLI v2 writes it. */
    private void writeAsTheAwsCli(String key, String accessToken, Instant expiresAt) throws IOException {
        Path cacheDir = Files.createDirectories(environment().ssoCacheDir());
        Files.writeString(cacheDir.resolve(SsoTokenCache.fileName(key)), "{\n"
                + "  \"startUrl\": \"https://corp.awsapps.com/start\",\n"
                + "  \"region\": \"eu-west-1\",\n"
                + "  \"accessToken\": \"" + accessToken + "\",\n"
                + "  \"expiresAt\": \"" + expiresAt.toString().replaceAll("\\.\\d+Z$", "Z") + "\",\n"
                + "  \"clientId\": \"cli-client\",\n"
                + "  \"clientSecret\": \"cli-client-secret\",\n"
                + "  \"registrationExpiresAt\": \"2099-01-01T00:00:00Z\",\n"
                + "  \"refreshToken\": \"cli-refresh-token\"\n"
                + "}");
    }

    @Test
    void cacheFileIsNamedLikeTheAwsClis() {
        // sha1("corp"): the AWS CLI stores the sign-in of [sso-session corp] under this name
        assertEquals("ee0bfd2552fbd840c02cc48b6e823320543c450f.json", SsoTokenCache.fileName("corp"));
    }

    @Test
    void tokenWrittenByTheAwsCliIsReadAndScanClientsWork() throws IOException {
        writeAsTheAwsCli("corp", "token-written-by-the-aws-cli", Instant.now().plusSeconds(3600));
        ConnectionSettings settings = new ConnectionSettings("sso-new", sim.endpoint(), null, null);
        try (AwsClientFactory clients = new AwsClientFactory(settings,
                ClientTuning.of(4, Duration.ofSeconds(10), 2), new CallMetrics(), environment())) {
            assertEquals("eu-west-1", clients.defaultRegion());
            assertEquals("444455556666", clients.sts().getCallerIdentity().account());
            assertTrue(clients.dynamoDb("eu-west-1").listTables().tableNames().isEmpty());
        }
    }

    @Test
    void roleOnTopOfAnSsoProfile() throws IOException {
        writeAsTheAwsCli("corp", "token-written-by-the-aws-cli", Instant.now().plusSeconds(3600));
        try (ProfileCredentials r = new ProfileCredentials(environment(), sim.endpoint(), null, null, null)) {
            assertTrue(whoAmI(r.provider("sso-then-role"), sim.endpoint()).arn().contains(":assumed-role/Hop/"));
        }
    }

    @Test
    void expiredOrMissingSignInSaysSignInAgain() throws IOException {
        try (ProfileCredentials r = new ProfileCredentials(environment(), sim.endpoint(), null, null, null)) {
            SsoLoginRequiredException missing = assertThrows(SsoLoginRequiredException.class,
                    () -> r.provider("sso-legacy").resolveCredentials());
            // Never signed in on this machine: nothing expired, and the message does not say so.
            assertEquals("profile sso-legacy has not been signed in to IAM Identity Center on this machine yet"
                    + " — sign in (tablewarden profiles login sso-legacy)", missing.getMessage());
        }
        writeAsTheAwsCli("corp", "token-written-by-the-aws-cli", Instant.now().minusSeconds(60));
        try (ProfileCredentials r = new ProfileCredentials(environment(), sim.endpoint(), null, null, null)) {
            SsoLoginRequiredException e = assertThrows(SsoLoginRequiredException.class,
                    () -> r.provider("sso-new").resolveCredentials());
            assertEquals("the SSO sign-in of profile sso-new has expired — sign in again"
                    + " (tablewarden profiles login sso-new)", e.getMessage());
        }
        // a token the portal does not know (revoked, or from another directory) reads the same way
        writeAsTheAwsCli("corp", "revoked-token", Instant.now().plusSeconds(3600));
        try (ProfileCredentials r = new ProfileCredentials(environment(), sim.endpoint(), null, null, null)) {
            SsoLoginRequiredException e = assertThrows(SsoLoginRequiredException.class,
                    () -> r.provider("sso-new").resolveCredentials());
            assertFalse(e.getMessage().contains("revoked-token"));
        }
    }

    @Test
    void deviceFlowWritesTheCacheInTheAwsCliFormat() throws Exception {
        CredentialsEnvironment env = environment();
        List<String> shown = new ArrayList<>();
        List<Long> sleeps = new ArrayList<>();
        try (ProfileCredentials r = new ProfileCredentials(env, sim.endpoint(), null, null, null)) {
            SsoProfile profile = r.ssoProfile("sso-legacy");
            SsoDeviceLogin login = new SsoDeviceLogin(new SsoTokenCache(env.ssoCacheDir()), sim.endpoint(), null,
                    sleeps::add, null);
            login.login(profile, (uri, complete, code) -> shown.add(uri + " " + code));
            assertEquals(1, shown.size());
            assertEquals(3, sleeps.size(), "two authorization_pending answers, then the token");

            Path file = env.ssoCacheDir().resolve(SsoTokenCache.fileName("https://legacy.awsapps.com/start"));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            JsonNode json = new ObjectMapper().readTree(file.toFile());
            for (String member : List.of("accessToken", "expiresAt", "refreshToken", "clientId", "clientSecret",
                    "registrationExpiresAt", "region", "startUrl")) {
                assertNotNull(json.get(member), member);
            }
            assertTrue(json.get("expiresAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
            assertEquals("us-east-1", json.get("region").asText());

            assertEquals("444455556666", whoAmI(r.provider("sso-legacy"), sim.endpoint()).account());
        }
    }

    @Test
    void expiredTokenWithARefreshTokenIsRenewedLikeTheAwsCliDoes() throws Exception {
        CredentialsEnvironment env = environment();
        SsoTokenCache cache = new SsoTokenCache(env.ssoCacheDir());
        try (ProfileCredentials r = new ProfileCredentials(env, sim.endpoint(), null, null, null)) {
            SsoProfile profile = r.ssoProfile("sso-new");
            SsoTokenCache.SsoToken signedIn = new SsoDeviceLogin(cache, sim.endpoint(), null, millis -> { }, null)
                    .login(profile, (uri, complete, code) -> { });
            SsoTokenCache.SsoToken stale = new SsoTokenCache.SsoToken(signedIn.accessToken(),
                    Instant.now().minusSeconds(5), signedIn.refreshToken(), signedIn.clientId(),
                    signedIn.clientSecret(), signedIn.registrationExpiresAt(), signedIn.region(), signedIn.startUrl());
            cache.write("corp", stale);
            assertEquals("444455556666", whoAmI(r.provider("sso-new"), sim.endpoint()).account());
            SsoTokenCache.SsoToken renewed = cache.read("corp").orElseThrow();
            assertFalse(renewed.expired(Instant.now()));
            assertFalse(renewed.accessToken().equals(signedIn.accessToken()));
        }
    }

    @Test
    void incompleteSsoProfilesAreNamed() {
        try (ProfileCredentials r = new ProfileCredentials(environment(), sim.endpoint(), null, null, null)) {
            assertEquals("sso_session gone of profile lost-session does not exist",
                    assertThrows(ProfileCredentialsException.class, () -> r.provider("lost-session")).getMessage());
            assertEquals("profile no-role needs both sso_account_id and sso_role_name",
                    assertThrows(ProfileCredentialsException.class, () -> r.provider("no-role")).getMessage());
            // signing in needs no account or role
            assertEquals("corp", r.ssoProfile("no-role").cacheKey());
            assertTrue(assertThrows(ProfileCredentialsException.class, () -> r.ssoProfile("sso-then-role"))
                    .getMessage().contains("is not an IAM Identity Center profile"));
        }
    }

    @Test
    void tokenToStringHidesSecrets() {
        SsoTokenCache.SsoToken t = new SsoTokenCache.SsoToken("access-secret", Instant.now(), "refresh-secret",
                "client", "client-secret", Instant.now(), "eu-west-1", "https://x/start");
        assertFalse(t.toString().contains("secret"), t.toString());
    }
}
