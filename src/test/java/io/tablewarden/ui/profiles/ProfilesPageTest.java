package io.tablewarden.ui.profiles;

import io.tablewarden.engine.aws.credentials.ProfileTestResult;
import io.tablewarden.engine.aws.credentials.ProfileTestStore;
import io.tablewarden.profiles.ProfileEnvironment;
import io.tablewarden.profiles.ProfileSummary;
import io.tablewarden.ui.Screenshots;
import io.tablewarden.ui.TestWorkbenchContext;
import io.tablewarden.ui.shell.Stylesheets;
import io.tablewarden.ui.tasks.FxTaskExecutor;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Profiles page in a real (headless) window: listing, adding a profile through the form, screenshots. */
@ExtendWith(ApplicationExtension.class)
class ProfilesPageTest {

    static final String CONFIG = String.join("\n",
            "# consultant profiles",
            "[default]", "region = eu-west-1", "",
            "[profile landing]", "region = eu-central-1", "",
            "[profile client-admin]",
            "role_arn = arn:aws:iam::111111111111:role/Admin",
            "source_profile = landing",
            "mfa_serial = arn:aws:iam::000000000000:mfa/consultant", "",
            "[profile client-audit]",
            "role_arn = arn:aws:iam::222222222222:role/SecurityAudit",
            "source_profile = client-admin",
            "external_id = client-xyz-4711",
            "region = eu-central-1", "",
            "[profile sso-readonly]",
            "sso_session = corp",
            "sso_account_id = 444455556666",
            "sso_role_name = ReadOnly",
            "region = us-east-1", "",
            "[profile orphan]",
            "role_arn = arn:aws:iam::555555555555:role/Orphan",
            "source_profile = gone", "",
            "[sso-session corp]",
            "sso_start_url = https://corp.awsapps.com/start",
            "sso_region = eu-west-1", "");
    static final String CREDENTIALS = String.join("\n",
            "[default]",
            "aws_access_key_id = AKIAEXAMPLEDEFAULT01",
            "aws_secret_access_key = exampleDefaultSecretNeverShown", "",
            "[landing]",
            "aws_access_key_id = AKIAEXAMPLELANDING02",
            "aws_secret_access_key = exampleLandingSecretNeverShown", "");

    @TempDir
    static Path dir;

    private FxTaskExecutor executor;
    private ProfileServices services;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory(dir, "home");
        ProfilesFixture.home(home, CONFIG, CREDENTIALS);
        ProfileEnvironment env = new ProfileEnvironment(Map.of("AWS_PROFILE", "client-audit"), home);
        ProfileTestStore store = new ProfileTestStore(home.resolve("tests.json"));
        store.put(new ProfileTestResult("client-audit", Instant.parse("2026-11-21T16:42:00Z"), true,
                "222222222222", "arn:aws:sts::222222222222:assumed-role/SecurityAudit/tablewarden",
                "client-prod", null));
        services = new ProfileServices(env, null, store, m -> { }, Clock.systemUTC());
        executor = new FxTaskExecutor(1);
        TestWorkbenchContext context = new TestWorkbenchContext().withExecutor(executor).withProfileEnvironment(env);
        Screenshots.theme(false);
        scene = new Scene(new StackPane(new ProfilesPage(c -> services).createView(context)), 1100, 680);
        Stylesheets.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    private ListView<ProfileSummary> list(FxRobot robot) throws Exception {
        ListView<ProfileSummary> list = robot.lookup("#profile-list").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 6);
        return list;
    }

    @Test
    void listsTheProfilesAndShowsOneInLightAndDark(FxRobot robot) throws Exception {
        ListView<ProfileSummary> list = list(robot);
        assertEquals("default", list.getItems().get(0).name());
        robot.clickOn("client-audit");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#test-card").tryQuery().isPresent());
        assertTrue(robot.lookup("client-prod").tryQuery().isPresent());
        Screenshots.write(robot, scene, "profiles-page-light");
        robot.interact(() -> Screenshots.theme(true));
        robot.clickOn("default");
        Screenshots.write(robot, scene, "profiles-page-dark");
        robot.interact(() -> Screenshots.theme(false));
        assertFalse(robot.lookup("exampleDefaultSecretNeverShown").tryQuery().isPresent());
        assertTrue(robot.lookup("…LT01").tryQuery().isPresent());
    }

    @Test
    void editFormAndSignInDialogInLightAndDark(FxRobot robot) throws Exception {
        list(robot);
        robot.clickOn("client-audit");
        robot.clickOn("#edit-profile");
        WaitForAsyncUtils.waitForFxEvents();
        Scene form = robot.lookup("#save-profile").query().getScene();
        assertEquals("arn:aws:iam::222222222222:role/SecurityAudit",
                robot.lookup("#role-arn").queryTextInputControl().getText());
        Screenshots.write(robot, form, "profile-form-edit-light");
        robot.interact(() -> Screenshots.theme(true));
        Screenshots.write(robot, form, "profile-form-edit-dark");
        robot.interact(() -> form.getWindow().hide());

        SsoLoginViewModel vm = new SsoLoginViewModel(services, executor, "sso-readonly");
        AtomicReference<SsoLoginDialog> dialog = new AtomicReference<>();
        robot.interact(() -> {
            // the state the portal's answer puts it in, without waiting for a real portal
            vm.stateProperty().set(SsoLoginViewModel.State.WAITING);
            vm.verificationUrlProperty().set("https://device.sso.eu-west-1.amazonaws.com/?user_code=QWER-TYUI");
            vm.userCodeProperty().set("QWER-TYUI");
            vm.messageProperty().set("Waiting for the request to be approved in the browser…");
            dialog.set(new SsoLoginDialog(vm, scene.getWindow(), executor));
            dialog.get().show();
        });
        Scene sso = dialog.get().getDialogPane().getScene();
        assertTrue(robot.lookup("#sso-user-code").tryQuery().isPresent());
        Screenshots.write(robot, sso, "sso-dialog-dark");
        robot.interact(() -> Screenshots.theme(false));
        Screenshots.write(robot, sso, "sso-dialog-light");
        robot.interact(() -> dialog.get().close());
        assertEquals(SsoLoginViewModel.State.CANCELLED, vm.stateProperty().get());
    }

    @Test
    void addsAStaticKeyProfileThroughTheForm(FxRobot robot) throws Exception {
        list(robot);
        Path config = services.profiles().configFile();
        Path credentials = services.profiles().credentialsFile();
        robot.clickOn("#add-profile");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#profile-name").write("client-new");
        robot.clickOn("#access-key-id").write("AKIAEXAMPLENEW000042");
        robot.clickOn("#secret-access-key").write("exampleNewSecret");
        robot.interact(() -> robot.lookup("#profile-region").<ComboBox<String>>query().setValue("eu-west-3"));
        Window dialog = robot.lookup("#save-profile").query().getScene().getWindow();
        Screenshots.write(robot, dialog.getScene(), "profile-form-add-light");
        robot.clickOn("#save-profile");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> Files.readString(credentials).contains("[client-new]"));
        assertEquals(CONFIG + "\n[profile client-new]\nregion = eu-west-3\n", Files.readString(config));
        assertEquals(CREDENTIALS + "\n[client-new]\naws_access_key_id = AKIAEXAMPLENEW000042\n"
                + "aws_secret_access_key = exampleNewSecret\n", Files.readString(credentials));
        ListView<ProfileSummary> list = robot.lookup("#profile-list").queryListView();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> list.getItems().size() == 7);
    }
}
