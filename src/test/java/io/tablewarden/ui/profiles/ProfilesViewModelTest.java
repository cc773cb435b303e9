package io.tablewarden.ui.profiles;

import io.tablewarden.engine.aws.credentials.MfaCodeSupplier;
import io.tablewarden.profiles.ProfileKind;
import io.tablewarden.profiles.ProfileSummary;
import io.tablewarden.ui.shell.ScriptedDialogs;
import io.tablewarden.ui.tasks.DirectTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static io.tablewarden.ui.profiles.ProfilesFixture.config;
import static io.tablewarden.ui.profiles.ProfilesFixture.corpusHome;
import static io.tablewarden.ui.profiles.ProfilesFixture.credentials;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page's model on copies of the profiles corpus: listing, masking and every edit, without a toolkit. */
class ProfilesViewModelTest {

    @TempDir
    Path dir;

    private ProfilesViewModel loaded(String corpusCase) {
        Path home = corpusHome(dir, corpusCase);
        ProfilesViewModel vm = new ProfilesViewModel(ProfilesFixture.services(home, null), new DirectTaskExecutor(),
                new ScriptedDialogs(), MfaCodeSupplier.NONE);
        vm.load();
        return vm;
    }

    private static List<String> names(List<ProfileSummary> list) {
        return list.stream().map(ProfileSummary::name).collect(Collectors.toList());
    }

    @Test
    void listsEveryProfileAndSearches() {
        ProfilesViewModel vm = loaded("role-chains");
        assertEquals(14, vm.profiles().size());
        assertTrue(vm.fileErrors().isEmpty());
        vm.searchProperty().set("LOOP");
        assertEquals(List.of("loop-a", "loop-b", "loop-c"), names(vm.visibleProfiles()));
        vm.searchProperty().set("222222222222");
        assertEquals(List.of("client-audit"), names(vm.visibleProfiles()));
        vm.searchProperty().set("static");
        assertEquals(List.of("base"), names(vm.visibleProfiles()));
        vm.searchProperty().set(" ");
        assertEquals(14, vm.visibleProfiles().size());
        vm.select("client-audit");
        assertEquals("client-audit → admin → base", ProfilesViewModel.chainLabel(vm.selectedProperty().get()));
        assertEquals("config + credentials", ProfilesViewModel.sourcesLabel(vm.profiles().get(0)));
    }

    @Test
    void secretsAreNeverShown() throws Exception {
        ProfilesViewModel vm = loaded("basic");
        String credentialsText = Files.readString(credentials(dir));
        vm.select("default");
        assertFalse(vm.settings().isEmpty());
        for (ProfilesViewModel.Setting s : vm.settings()) {
            assertFalse(s.value().length() > 5 && credentialsText.contains(s.value()), s.toString());
        }
        ProfilesViewModel.Setting keyId = vm.settings().stream()
                .filter(s -> s.key().equals("aws_access_key_id")).findFirst().orElseThrow();
        assertEquals("…LT01", keyId.value());
        ProfilesViewModel.Setting secret = vm.settings().stream()
                .filter(s -> s.key().equals("aws_secret_access_key")).findFirst().orElseThrow();
        assertEquals("hidden", secret.value());
        assertTrue(secret.secret());
        assertEquals("hidden", ProfilesViewModel.setting("aws_session_token", "IQoJb3JpZ2luX2VjEXAMPLE").value());
    }

    @Test
    void addsAStaticKeyProfileAndKeepsTheRestByteForByte() throws Exception {
        ProfilesViewModel vm = loaded("crlf");
        byte[] configBefore = Files.readAllBytes(config(dir));
        byte[] credentialsBefore = Files.readAllBytes(credentials(dir));
        ProfileFormViewModel form = new ProfileFormViewModel(null, vm.names(), List.of());
        form.nameProperty().set("client-new");
        form.regionProperty().set("eu-west-3");
        form.accessKeyIdProperty().set("AKIAEXAMPLENEW00042");
        assertEquals("Enter the secret access key.", form.problemProperty().get());
        form.secretAccessKeyProperty().set("newSecretExample");
        assertTrue(form.validProperty().get(), form.problemProperty().get());
        vm.save(form::applyTo, "client-new", "Added.");

        assertEquals("Added.", vm.messageProperty().get());
        assertEquals("client-new", vm.selectedProperty().get().name());
        assertEquals(ProfileKind.STATIC_KEYS, vm.selectedProperty().get().kind());
        String config = Files.readString(config(dir));
        String creds = Files.readString(credentials(dir));
        assertTrue(startsWith(Files.readAllBytes(config(dir)), configBefore));
        assertTrue(startsWith(Files.readAllBytes(credentials(dir)), credentialsBefore));
        assertTrue(config.contains("[profile client-new]\r\nregion = eu-west-3\r\n"), config);
        assertTrue(creds.contains("[client-new]\r\naws_access_key_id = AKIAEXAMPLENEW00042\r\n"
                + "aws_secret_access_key = newSecretExample\r\n"), creds);
        assertTrue(Files.exists(dir.resolve(".aws").resolve("config.bak")));
    }

    @Test
    void renameDuplicateDeleteRoundTripsLeaveTheFilesAsTheyWere() throws Exception {
        ProfilesViewModel vm = loaded("role-chains");
        byte[] configBefore = Files.readAllBytes(config(dir));
        byte[] credentialsBefore = Files.readAllBytes(credentials(dir));

        vm.rename("admin", "landing-admin");
        assertEquals(List.of("client-audit", "landing-admin", "base"),
                vm.profiles().stream().filter(p -> p.name().equals("client-audit")).findFirst().orElseThrow().chain());
        vm.rename("landing-admin", "admin");
        assertArrayEquals(configBefore, Files.readAllBytes(config(dir)));

        vm.duplicate("base", "base-copy");
        assertEquals("base-copy", vm.selectedProperty().get().name());
        assertTrue(Files.readString(credentials(dir)).contains("[base-copy]"));
        vm.delete("base-copy");
        assertNull(vm.selectedProperty().get());
        assertArrayEquals(configBefore, Files.readAllBytes(config(dir)));
        assertArrayEquals(credentialsBefore, Files.readAllBytes(credentials(dir)));
    }

    @Test
    void editsARoleThroughTheForm() throws Exception {
        ProfilesViewModel vm = loaded("role-chains");
        vm.select("client-audit");
        ProfileFormViewModel form = new ProfileFormViewModel(vm.selectedProperty().get(), vm.names(), List.of());
        assertEquals("admin", form.sourceProfileProperty().get());
        assertTrue(form.validProperty().get(), form.problemProperty().get());
        form.roleArnProperty().set("arn:aws:iam::2222:role/SecurityAudit");
        assertEquals("The role ARN looks like arn:aws:iam::123456789012:role/NAME.", form.problemProperty().get());
        form.roleArnProperty().set("arn:aws:iam::222222222222:role/ReadOnlyAudit");
        form.sourceProfileProperty().set("nobody");
        assertEquals("Choose the source profile whose credentials assume the role.", form.problemProperty().get());
        form.sourceProfileProperty().set("base");
        form.regionProperty().set("mars-1");
        assertEquals("Choose a region from the list.", form.problemProperty().get());
        form.regionProperty().set("");
        form.externalIdProperty().set("");
        assertTrue(form.validProperty().get(), form.problemProperty().get());
        String before = Files.readString(config(dir));
        vm.save(form::applyTo, "client-audit", "Saved.");

        String after = Files.readString(config(dir));
        String expected = before.replace("role_arn = arn:aws:iam::222222222222:role/SecurityAudit\n"
                        + "source_profile = admin\nexternal_id = client-xyz-4711\n",
                "role_arn = arn:aws:iam::222222222222:role/ReadOnlyAudit\nsource_profile = base\n")
                .replace("role_session_name = tablewarden\nregion = eu-central-1\n", "role_session_name = tablewarden\n");
        assertEquals(expected, after);
        assertEquals(List.of("client-audit", "base"), vm.selectedProperty().get().chain());
    }

    @Test
    void editingStaticKeysKeepsTheSecretsUnlessReplaced() throws Exception {
        ProfilesViewModel vm = loaded("basic");
        String credentialsBefore = Files.readString(credentials(dir));
        vm.select("acme-prod");
        ProfileFormViewModel form = new ProfileFormViewModel(vm.selectedProperty().get(), vm.names(), List.of());
        assertEquals("", form.secretAccessKeyProperty().get());
        assertTrue(form.validProperty().get(), form.problemProperty().get());
        form.regionProperty().set("eu-north-1");
        vm.save(form::applyTo, "acme-prod", "Saved.");
        assertEquals(credentialsBefore, Files.readString(credentials(dir)));
        assertEquals("eu-north-1", vm.selectedProperty().get().region());

        vm.select("acme-prod");
        ProfileFormViewModel replace = new ProfileFormViewModel(vm.selectedProperty().get(), vm.names(), List.of());
        replace.accessKeyIdProperty().set("AKIAEXAMPLEREPLACED1");
        assertEquals("Enter the secret access key.", replace.problemProperty().get());
        replace.secretAccessKeyProperty().set("replacedSecretExample");
        vm.save(replace::applyTo, "acme-prod", "Saved.");
        assertEquals(credentialsBefore.replace("aws_access_key_id=AKIAEXAMPLEACMEPRD1", "aws_access_key_id=AKIAEXAMPLEREPLACED1")
                .replace("abcdEXAMPLEsecretACMEprod0123456789abcd", "replacedSecretExample"),
                Files.readString(credentials(dir)));
    }

    @Test
    void addsAnSsoProfileWithANewSession() throws Exception {
        ProfilesViewModel vm = loaded("role-chains");
        String configBefore = Files.readString(config(dir));
        ProfileFormViewModel form = new ProfileFormViewModel(null, vm.names(), vm.catalog().ssoSessionNames());
        form.kindProperty().set(ProfileKind.SSO);
        form.nameProperty().set("client-sso");
        form.ssoSessionProperty().set("client");
        assertTrue(form.newSsoSessionProperty().get());
        form.ssoStartUrlProperty().set("https://client.awsapps.com/start");
        form.ssoRegionProperty().set("eu-west-1");
        form.ssoAccountIdProperty().set("44445555666");
        assertEquals("The account id has 12 digits.", form.problemProperty().get());
        form.ssoAccountIdProperty().set("444455556666");
        form.ssoRoleNameProperty().set("ReadOnly");
        assertTrue(form.validProperty().get(), form.problemProperty().get());
        vm.save(form::applyTo, "client-sso", "Added.");
        String after = Files.readString(config(dir));
        assertTrue(after.startsWith(configBefore), after);
        assertTrue(after.contains("[sso-session client]\nsso_start_url = https://client.awsapps.com/start\n"
                + "sso_region = eu-west-1\nsso_registration_scopes = sso:account:access\n"), after);
        assertTrue(after.contains("[profile client-sso]\nsso_session = client\nsso_account_id = 444455556666\n"
                + "sso_role_name = ReadOnly\n"), after);
        assertEquals(ProfileKind.SSO, vm.selectedProperty().get().kind());
    }

    @Test
    void aFileChangedOnDiskIsNotOverwritten() throws Exception {
        ProfilesViewModel vm = loaded("role-chains");
        String theirs = Files.readString(config(dir)) + "\n[profile added-elsewhere]\nregion = us-east-1\n";
        Files.writeString(config(dir), theirs);
        vm.delete("orphan");
        assertTrue(vm.conflictProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("config was changed by another program"),
                vm.messageProperty().get());
        assertEquals(theirs, Files.readString(config(dir)));
        vm.load();
        assertFalse(vm.conflictProperty().get());
        vm.delete("orphan");
        assertFalse(Files.readString(config(dir)).contains("[profile orphan]"));
        assertTrue(Files.readString(config(dir)).contains("[profile added-elsewhere]"));
    }

    @Test
    void aMalformedFileIsShownAndNeverWritten() throws Exception {
        ProfilesViewModel vm = loaded("malformed-no-equals");
        byte[] configBefore = Files.readAllBytes(config(dir));
        assertEquals(1, vm.fileErrors().size());
        assertTrue(vm.fileErrors().get(0).line() > 0);
        assertFalse(vm.editable());
        String name = vm.profiles().isEmpty() ? "default" : vm.profiles().get(0).name();
        vm.delete(name);
        assertTrue(vm.messageProperty().get().contains("The file was not changed"), vm.messageProperty().get());
        assertArrayEquals(configBefore, Files.readAllBytes(config(dir)));
        assertFalse(Files.exists(dir.resolve(".aws").resolve("config.bak")));
    }

    private static boolean startsWith(byte[] all, byte[] prefix) {
        if (all.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (all[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
