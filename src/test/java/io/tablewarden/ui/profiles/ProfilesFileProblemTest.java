package io.tablewarden.ui.profiles;

import io.tablewarden.engine.aws.credentials.ProfileTestStore;
import io.tablewarden.profiles.ProfileEnvironment;
import io.tablewarden.profiles.ProfileSummary;
import io.tablewarden.ui.Screenshots;
import io.tablewarden.ui.TestWorkbenchContext;
import io.tablewarden.ui.shell.Stylesheets;
import io.tablewarden.ui.tasks.FxTaskExecutor;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A config file the AWS tools reject: the page says where and why, lists the other file, and edits nothing. */
@ExtendWith(ApplicationExtension.class)
class ProfilesFileProblemTest {

    private static final String BROKEN = "[default]\nregion = eu-west-1\nthis line has no equals sign\n";

    @TempDir
    static Path dir;

    private FxTaskExecutor executor;
    private Scene scene;
    private Path config;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory(dir, "home");
        ProfilesFixture.home(home, BROKEN, ProfilesPageTest.CREDENTIALS);
        config = ProfilesFixture.config(home);
        ProfileEnvironment env = new ProfileEnvironment(Map.of(), home);
        ProfileServices services = new ProfileServices(env, null, new ProfileTestStore(home.resolve("t.json")),
                m -> { }, Clock.systemUTC());
        executor = new FxTaskExecutor(1);
        Screenshots.theme(false);
        scene = new Scene(new StackPane(new ProfilesPage(c -> services)
                .createView(new TestWorkbenchContext().withExecutor(executor).withProfileEnvironment(env))), 1100, 560);
        Stylesheets.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @Test
    void showsTheProblemAndLeavesTheFileAlone(FxRobot robot) throws Exception {
        ListView<ProfileSummary> list = robot.lookup("#profile-list").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 2);
        assertTrue(robot.lookup("Cannot read " + config + ", line 3").tryQuery().isPresent());
        robot.clickOn("landing");
        assertTrue(robot.lookup("#edit-profile").queryButton().isDisabled());
        assertTrue(robot.lookup("#add-profile").queryButton().isDisabled());
        Screenshots.write(robot, scene, "profiles-file-problem-light");
        robot.interact(() -> Screenshots.theme(true));
        Screenshots.write(robot, scene, "profiles-file-problem-dark");
        robot.interact(() -> Screenshots.theme(false));
        assertArrayEquals(BROKEN.getBytes(java.nio.charset.StandardCharsets.UTF_8), Files.readAllBytes(config));
    }
}
