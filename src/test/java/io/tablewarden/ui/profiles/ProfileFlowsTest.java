package io.tablewarden.ui.profiles;

import io.tablewarden.engine.aws.credentials.MfaCodeSupplier;
import io.tablewarden.profiles.ProfileKind;
import io.tablewarden.simulator.AccountSimulator;
import io.tablewarden.ui.shell.Dialogs;
import io.tablewarden.ui.shell.ScriptedDialogs;
import io.tablewarden.ui.tasks.DirectTaskExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.tablewarden.ui.profiles.ProfilesFixture.config;
import static io.tablewarden.ui.profiles.ProfilesFixture.corpusHome;
import static io.tablewarden.ui.profiles.ProfilesFixture.credentials;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dialog flows of the Profiles page, driven through the view model with scripted answers: which dialog
 * opens when, and what the answer does to the shared files. No toolkit; the files are real, and the test and
 * sign-in go to the identities simulator.
 */
class ProfileFlowsTest {

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
            + "aws_secret_access_key = ui-tester-secret-key\n";

    private static AccountSimulator sim;

    @TempDir
    Path dir;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<String> mfaAsked = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        sim = ProfilesFixture.simulator();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private ProfilesViewModel page(Path home) {
        MfaCodeSupplier mfa = (profile, serial) -> {
            mfaAsked.add(profile + " " + serial);
            return "123456";
        };
        ProfilesViewModel vm = new ProfilesViewModel(ProfilesFixture.services(home, sim.endpoint()),
                new DirectTaskExecutor(), dialogs, mfa);
        vm.load();
        return vm;
    }

    private ProfilesViewModel ownFiles() {
        return page(ProfilesFixture.home(dir, CONFIG, CREDENTIALS));
    }

    @Test
    void aCompletedAddFormIsSavedAndSelected() throws Exception {
        ProfilesViewModel vm = ownFiles();
        dialogs.completing(ProfileFormViewModel.class, form -> {
            assertFalse(form.editing());
            form.kindProperty().set(ProfileKind.STATIC_KEYS);
            form.nameProperty().set(" client-new ");
            form.regionProperty().set("eu-west-3");
            form.accessKeyIdProperty().set("AKIAEXAMPLENEW000042");
            form.secretAccessKeyProperty().set("exampleNewSecret");
            assertTrue(form.validProperty().get(), form.problems().toString());
            return true;
        });
        vm.addProfile();

        assertEquals("client-new", vm.selectedProperty().get().name());
        assertEquals("Added profile client-new.", vm.messageProperty().get());
        assertTrue(Files.readString(config(dir)).endsWith("[profile client-new]\nregion = eu-west-3\n"));
        assertTrue(Files.readString(credentials(dir)).endsWith(
                "[client-new]\naws_access_key_id = AKIAEXAMPLENEW000042\n"
                + "aws_secret_access_key = exampleNewSecret\n"));
    }

    @Test
    void aCredentialProcessProfileGoesToTheConfigFileAndLeavesTheCredentialsFileAlone() throws Exception {
        ProfilesViewModel vm = ownFiles();
        dialogs.completing(ProfileFormViewModel.class, form -> {
            assertTrue(ProfileFormViewModel.KINDS.contains(ProfileKind.CREDENTIAL_PROCESS));
            form.kindProperty().set(ProfileKind.CREDENTIAL_PROCESS);
            form.nameProperty().set("vault-prod");
            assertEquals("Enter the command that prints the credentials (credential_process).",
                    form.problemProperty().get());
            form.credentialProcessProperty().set("/opt/vault/bin/aws-creds\n[profile injected]");
            assertEquals("The command is one line, without control characters.", form.problemProperty().get());
            form.credentialProcessProperty().set("/opt/vault/bin/aws-creds --role \"audit prod\"");
            form.regionProperty().set("eu-west-1");
            assertTrue(form.validProperty().get(), form.problems().toString());
            return true;
        });
        vm.addProfile();

        assertEquals("vault-prod", vm.selectedProperty().get().name());
        assertEquals(ProfileKind.CREDENTIAL_PROCESS, vm.selectedProperty().get().kind());
        assertTrue(Files.readString(config(dir)).endsWith("[profile vault-prod]\n"
                + "credential_process = /opt/vault/bin/aws-creds --role \"audit prod\"\nregion = eu-west-1\n"),
                Files.readString(config(dir)));
        assertEquals(CREDENTIALS, Files.readString(credentials(dir)), "nothing of it in the credentials file");

        // Edited back: the form starts from the command in the file.
        dialogs.completing(ProfileFormViewModel.class, form -> {
            assertEquals(ProfileKind.CREDENTIAL_PROCESS, form.kindProperty().get());
            assertEquals("/opt/vault/bin/aws-creds --role \"audit prod\"", form.credentialProcessProperty().get());
            form.credentialProcessProperty().set("/opt/vault/bin/aws-creds-v2");
            return true;
        });
        vm.editProfile(vm.selectedProperty().get());
        assertTrue(Files.readString(config(dir)).contains("credential_process = /opt/vault/bin/aws-creds-v2\n"));
        assertEquals(CREDENTIALS, Files.readString(credentials(dir)));
    }

    @Test
    void aNewFormShowsNoProblemBeforeAnyInputButCannotBeSaved() {
        ProfileFormViewModel form = new ProfileFormViewModel(null, List.of("base"), List.of());
        assertFalse(form.validProperty().get());
        assertEquals("Enter a profile name.", form.problemProperty().get());
        assertNull(form.shownProblemProperty().get(), "no error before the user typed anything");
        form.kindProperty().set(ProfileKind.ROLE);
        assertNull(form.shownProblemProperty().get(), "choosing a kind is not an entry");
        form.nameProperty().set("b");
        assertEquals("The role ARN looks like arn:aws:iam::123456789012:role/NAME.",
                form.shownProblemProperty().get());
        form.nameProperty().set("");
        assertEquals("Enter a profile name.", form.shownProblemProperty().get(), "once typed, problems show");
    }

    @Test
    void aCancelledFormChangesNothing() throws Exception {
        ProfilesViewModel vm = ownFiles();
        vm.select("base");
        dialogs.cancelling().cancelling();
        vm.addProfile();
        vm.editProfile(vm.selectedProperty().get());

        assertEquals(2, dialogs.asked(ProfileFormViewModel.class).size());
        assertEquals(CONFIG, Files.readString(config(dir)));
        assertEquals(CREDENTIALS, Files.readString(credentials(dir)));
    }

    @Test
    void theEditFormStartsFromTheProfileAndSavesItsChanges() throws Exception {
        ProfilesViewModel vm = ownFiles();
        vm.select("base");
        dialogs.completing(ProfileFormViewModel.class, form -> {
            assertTrue(form.editing());
            assertEquals("base", form.nameProperty().get());
            assertEquals("eu-west-1", form.regionProperty().get());
            form.regionProperty().set("eu-north-1");
            return true;
        });
        vm.editProfile(vm.selectedProperty().get());

        assertEquals("Saved profile base.", vm.messageProperty().get());
        assertTrue(Files.readString(config(dir)).startsWith("[profile base]\nregion = eu-north-1\n"));
        assertEquals(CREDENTIALS, Files.readString(credentials(dir)), "the keys are kept when left empty");
    }

    @Test
    void noFormOpensWhileAFileCannotBeRead() {
        ProfilesViewModel vm = page(corpusHome(dir, "malformed-no-equals"));
        assertFalse(vm.editable());
        vm.addProfile();

        assertTrue(dialogs.asked.isEmpty());
        assertTrue(vm.messageProperty().get().startsWith("No profile can be added while a file cannot be read"));
    }

    @Test
    void renameAsksForAFreeNameAndRenames() throws Exception {
        ProfilesViewModel vm = ownFiles();
        vm.select("base");
        dialogs.answeringText("root-keys");
        vm.renameProfile(vm.selectedProperty().get());

        Dialogs.TextRequest asked = dialogs.asked(Dialogs.TextRequest.class).get(0);
        assertEquals("Rename base", asked.title());
        assertEquals("base", asked.initial());
        assertEquals("A profile named guarded already exists.", asked.problem().apply("guarded"));
        assertEquals("", asked.problem().apply("root-keys"));
        assertEquals("root-keys", vm.selectedProperty().get().name());
        String config = Files.readString(config(dir));
        assertTrue(config.contains("[profile root-keys]"), config);
        assertTrue(config.contains("source_profile = root-keys"), "the role follows: " + config);
    }

    @Test
    void duplicateOffersACopyNameAndACancelledAnswerDoesNothing() throws Exception {
        ProfilesViewModel vm = ownFiles();
        vm.select("base");
        dialogs.answeringText(null).answeringText("base-copy");
        vm.duplicateProfile(vm.selectedProperty().get());
        assertEquals(CONFIG, Files.readString(config(dir)));

        vm.duplicateProfile(vm.selectedProperty().get());
        assertEquals("base-copy", dialogs.asked(Dialogs.TextRequest.class).get(1).initial());
        assertEquals("base-copy", vm.selectedProperty().get().name());
        assertTrue(Files.readString(credentials(dir)).contains("[base-copy]"));
    }

    @Test
    void deleteNamesTheRolesThatStopWorkingAndDeletesOnlyWhenConfirmed() throws Exception {
        ProfilesViewModel vm = ownFiles();
        vm.select("base");
        dialogs.confirming(false).confirming(true);
        vm.deleteProfile(vm.selectedProperty().get());
        assertEquals(CREDENTIALS, Files.readString(credentials(dir)));

        Dialogs.Confirmation asked = dialogs.asked(Dialogs.Confirmation.class).get(0);
        assertEquals("Delete profile base?", asked.question());
        assertEquals("Delete", asked.confirmLabel());
        assertTrue(asked.details().contains("These roles use it and will stop working: guarded."), asked.details());

        vm.deleteProfile(vm.selectedProperty().get());
        assertEquals("Deleted base.", vm.messageProperty().get());
        assertFalse(Files.readString(credentials(dir)).contains("[base]"));
        assertNull(vm.selectedProperty().get());
    }

    @Test
    void testingARoleWithMfaAsksTheInjectedPrompt() {
        ProfilesViewModel vm = ownFiles();
        vm.select("guarded");
        vm.testSelected();

        assertEquals(List.of("guarded arn:aws:iam::111122223333:mfa/auditor"), mfaAsked);
        assertTrue(vm.lastTestProperty().get().ok(), vm.lastTestProperty().get().error());
    }

    @Test
    void aCompletedSignInTestsTheProfileAgain() {
        ProfilesViewModel vm = ownFiles();
        vm.select("sso-new");
        vm.testSelected();
        assertTrue(vm.signInNeededProperty().get());

        dialogs.completing(SsoLoginViewModel.class, login -> {
            assertEquals("sso-new", login.profile());
            // What the dialog does when it is shown; the simulator's portal approves at once.
            login.start();
            return login.stateProperty().get() == SsoLoginViewModel.State.SIGNED_IN;
        });
        vm.signIn("sso-new");

        assertTrue(vm.lastTestProperty().get().ok(), vm.lastTestProperty().get().error());
        assertEquals("444455556666", vm.lastTestProperty().get().account());
        assertFalse(vm.signInNeededProperty().get());
    }

    @Test
    void aSignInClosedEarlyDoesNotTestAgain() {
        ProfilesViewModel vm = ownFiles();
        vm.select("sso-new");
        vm.testSelected();
        String before = vm.messageProperty().get();
        dialogs.cancelling();
        vm.signIn("sso-new");

        assertEquals(1, dialogs.asked(SsoLoginViewModel.class).size());
        assertEquals(before, vm.messageProperty().get());
        assertTrue(vm.signInNeededProperty().get());
    }
}
