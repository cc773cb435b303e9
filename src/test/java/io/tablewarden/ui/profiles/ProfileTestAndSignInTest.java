package io.tablewarden.ui.profiles;

import io.tablewarden.engine.aws.credentials.MfaCodeSupplier;
import io.tablewarden.simulator.AccountSimulator;
import io.tablewarden.ui.shell.ScriptedDialogs;
import io.tablewarden.ui.tasks.DirectTaskExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Testing a profile and signing in to IAM Identity Center against the simulator, without a toolkit. */
class ProfileTestAndSignInTest {

    private static final String SECRET = "ui-tester-secret-key";
    private static final String CONFIG = String.join("\n",
            "[profile base]", "region = eu-west-1", "",
            "[profile guarded]",
            "role_arn = arn:aws:iam::111122223333:role/Guarded",
            "source_profile = base",
            "mfa_serial = arn:aws:iam::111122223333:mfa/auditor", "",
            "[profile sso-new]",
            "sso_session = corp",
            "sso_account_id = 444455556666",
            "sso_role_name = ReadOnly", "",
            "[sso-session corp]",
            "sso_start_url = https://corp.awsapps.com/start",
            "sso_region = eu-west-1",
            "sso_registration_scopes = sso:account:access", "");
    private static final String CREDENTIALS = "[base]\naws_access_key_id = AKIATESTER0000000001\n"
            + "aws_secret_access_key = " + SECRET + "\n";

    private static AccountSimulator sim;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        sim = ProfilesFixture.simulator();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private ProfilesViewModel page(ProfileServices services) {
        ProfilesViewModel vm = new ProfilesViewModel(services, new DirectTaskExecutor(), new ScriptedDialogs(),
                MfaCodeSupplier.NONE);
        vm.load();
        return vm;
    }

    @Test
    void showsAccountAliasAndArnAndRemembersTheTest() throws Exception {
        Path home = ProfilesFixture.home(dir, CONFIG, CREDENTIALS);
        ProfileServices services = ProfilesFixture.services(home, sim.endpoint());
        ProfilesViewModel vm = page(services);
        vm.select("base");
        assertNull(vm.lastTestProperty().get());
        vm.testSelected(MfaCodeSupplier.NONE);
        assertTrue(vm.lastTestProperty().get().ok(), vm.lastTestProperty().get().error());
        assertEquals("111122223333", vm.lastTestProperty().get().account());
        assertEquals("corp-audit", vm.lastTestProperty().get().accountAlias());
        assertEquals("arn:aws:iam::111122223333:user/auditor", vm.lastTestProperty().get().arn());
        assertFalse(vm.messageProperty().get().contains(SECRET));
        assertFalse(Files.readString(services.testStore().file()).contains(SECRET));

        // a new page remembers the last test of the profile
        ProfilesViewModel again = page(services);
        again.select("base");
        assertEquals("111122223333", again.lastTestProperty().get().account());
    }

    @Test
    void asksForTheMfaCodeOfARole() {
        Path home = ProfilesFixture.home(dir, CONFIG, CREDENTIALS);
        ProfilesViewModel vm = page(ProfilesFixture.services(home, sim.endpoint()));
        vm.select("guarded");
        List<String> asked = new ArrayList<>();
        vm.testSelected((profile, serial) -> {
            asked.add(profile + " " + serial);
            return "123456";
        });
        assertEquals(List.of("guarded arn:aws:iam::111122223333:mfa/auditor"), asked);
        assertTrue(vm.lastTestProperty().get().ok(), vm.lastTestProperty().get().error());
        assertTrue(vm.lastTestProperty().get().arn().contains("assumed-role/Guarded/"));

        vm.testSelected(MfaCodeSupplier.NONE);
        assertFalse(vm.lastTestProperty().get().ok());
        assertFalse(vm.signInNeededProperty().get());
    }

    @Test
    void anSsoProfileWithoutSignInOffersToSignInThenWorks() {
        Path home = ProfilesFixture.home(dir, CONFIG, CREDENTIALS);
        ProfileServices services = ProfilesFixture.services(home, sim.endpoint());
        ProfilesViewModel vm = page(services);
        vm.select("sso-new");
        vm.testSelected(MfaCodeSupplier.NONE);
        assertFalse(vm.lastTestProperty().get().ok());
        assertTrue(vm.signInNeededProperty().get());

        SsoLoginViewModel login = new SsoLoginViewModel(services, new DirectTaskExecutor(), "sso-new");
        List<SsoLoginViewModel.State> states = new ArrayList<>();
        login.stateProperty().addListener((o, a, b) -> states.add(b));
        login.start();
        assertEquals(List.of(SsoLoginViewModel.State.STARTING, SsoLoginViewModel.State.WAITING,
                SsoLoginViewModel.State.SIGNED_IN), states);
        assertNotNull(login.userCodeProperty().get());
        assertTrue(login.verificationUrlProperty().get().startsWith("http"), login.verificationUrlProperty().get());

        vm.testSelected(MfaCodeSupplier.NONE);
        assertTrue(vm.lastTestProperty().get().ok(), vm.lastTestProperty().get().error());
        assertEquals("444455556666", vm.lastTestProperty().get().account());
        assertFalse(vm.signInNeededProperty().get());
    }

    @Test
    void aSignInNotApprovedInTimeExpires() {
        Path home = ProfilesFixture.home(dir, CONFIG, CREDENTIALS);
        // each reading of the clock is ten minutes later, so the device code expires while it is polled
        Clock racing = new Clock() {
            private Instant now = Instant.parse("2026-01-01T00:00:00Z");

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public synchronized Instant instant() {
                now = now.plusSeconds(600);
                return now;
            }
        };
        SsoLoginViewModel login = new SsoLoginViewModel(ProfilesFixture.services(home, sim.endpoint(), racing),
                new DirectTaskExecutor(), "sso-new");
        login.start();
        assertEquals(SsoLoginViewModel.State.EXPIRED, login.stateProperty().get());
        assertFalse(login.active());
    }

    @Test
    void aProfileWithoutIdentityCenterCannotSignIn() {
        Path home = ProfilesFixture.home(dir, CONFIG, CREDENTIALS);
        SsoLoginViewModel login = new SsoLoginViewModel(ProfilesFixture.services(home, sim.endpoint()),
                new DirectTaskExecutor(), "base");
        login.start();
        assertEquals(SsoLoginViewModel.State.FAILED, login.stateProperty().get());
        assertTrue(login.messageProperty().get().contains("base"), login.messageProperty().get());
    }
}
