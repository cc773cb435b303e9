package io.tablewarden.engine.aws.credentials;

import io.tablewarden.simulator.AccountSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static io.tablewarden.engine.aws.credentials.CredentialsTestSupport.home;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileTesterTest {

    private static final String SECRET = "profile-tester-secret-key";
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

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

    private ProfileTester tester() {
        String config = String.join("\n",
                "[profile base]", "region = eu-west-1", "",
                "[profile guarded]",
                "role_arn = arn:aws:iam::111122223333:role/Guarded",
                "source_profile = base",
                "mfa_serial = arn:aws:iam::111122223333:mfa/auditor", "",
                "[profile elsewhere]",
                "role_arn = arn:aws:iam::444455556666:role/Auditor",
                "source_profile = base", "");
        String credentials = "[base]\naws_access_key_id = AKIATESTER0000000001\naws_secret_access_key = " + SECRET + "\n";
        return new ProfileTester(home(dir, config, credentials, Map.of()), sim.endpoint(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void reportsAccountArnAndAlias() {
        ProfileTestResult r = tester().test("base", null);
        assertTrue(r.ok(), r.error());
        assertEquals("111122223333", r.account());
        assertEquals("arn:aws:iam::111122223333:user/auditor", r.arn());
        assertEquals("corp-audit", r.accountAlias());
        assertEquals(NOW, r.testedAt());

        ProfileTestResult other = tester().test("elsewhere", null);
        assertEquals("444455556666", other.account());
        assertNull(other.accountAlias());
    }

    @Test
    void mfaProfileWithAndWithoutCode() {
        ProfileTestResult ok = tester().test("guarded", MfaCodeSupplier.fixed("123456"));
        assertTrue(ok.ok(), ok.error());
        assertTrue(ok.arn().contains("assumed-role/Guarded/"));
        ProfileTestResult none = tester().test("guarded", null);
        assertFalse(none.ok());
        assertTrue(none.error().startsWith("profile guarded needs an MFA code"), none.error());
        ProfileTestResult missing = tester().test("ghost", null);
        assertEquals("profile ghost does not exist", missing.error());
    }

    @Test
    void storeKeepsTheLatestResultPerProfileWithoutSecrets() throws IOException {
        ProfileTestStore store = new ProfileTestStore(dir.resolve("data").resolve(ProfileTestStore.FILE_NAME));
        store.put(tester().test("base", null));
        store.put(tester().test("guarded", null));
        store.put(tester().test("guarded", MfaCodeSupplier.fixed("123456")));
        assertEquals(2, store.all().size());
        assertTrue(store.get("guarded").orElseThrow().ok());
        assertEquals("corp-audit", store.get("base").orElseThrow().accountAlias());
        String text = Files.readString(store.file());
        assertFalse(text.contains(SECRET));
        assertFalse(text.contains("AKIATESTER"));
        assertFalse(text.contains("123456\""));
    }
}
