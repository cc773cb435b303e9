package io.tablewarden.ui.profiles;

import io.tablewarden.ui.Screenshots;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The MFA dialog asked from a worker thread, which waits while the JavaFX thread shows it. */
@ExtendWith(ApplicationExtension.class)
class MfaCodeDialogTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Screenshots.theme(false);
        stage.setScene(new Scene(new StackPane(new Label("workbench")), 400, 200));
        stage.show();
    }

    @Test
    void aWorkerWaitsForTheCodeTypedInTheDialog(FxRobot robot) throws Exception {
        MfaCodeDialog prompt = new MfaCodeDialog(() -> stage);
        CompletableFuture<String> code = CompletableFuture.supplyAsync(
                () -> prompt.mfaCode("client-admin", "arn:aws:iam::000000000000:mfa/consultant"));
        waitForDialog(robot);
        robot.clickOn("#mfa-code").write("12a345");
        assertEquals("12345", robot.lookup("#mfa-code").queryTextInputControl().getText());
        robot.write("6");
        Screenshots.write(robot, robot.lookup("#mfa-code").query().getScene(), "mfa-dialog-light");
        robot.interact(() -> Screenshots.theme(true));
        Screenshots.write(robot, robot.lookup("#mfa-code").query().getScene(), "mfa-dialog-dark");
        robot.interact(() -> Screenshots.theme(false));
        robot.clickOn("OK");
        assertEquals("123456", code.get(10, TimeUnit.SECONDS));
    }

    private static void waitForDialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#mfa-code").tryQuery()
                .map(n -> n.getScene() != null && n.getScene().getWindow() != null
                        && n.getScene().getWindow().isShowing()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void cancellingGivesNoCodeAndTheFxThreadNeverWaits(FxRobot robot) throws Exception {
        MfaCodeDialog prompt = new MfaCodeDialog(() -> stage);
        AtomicReference<String> onFx = new AtomicReference<>("unset");
        robot.interact(() -> onFx.set(prompt.mfaCode("p", "serial-0001")));
        assertNull(onFx.get());
        CompletableFuture<String> code = CompletableFuture.supplyAsync(() -> prompt.mfaCode("p", "serial-0001"));
        waitForDialog(robot);
        robot.clickOn("Cancel");
        assertNull(code.get(10, TimeUnit.SECONDS));
        assertTrue(robot.lookup("#mfa-code").tryQuery().isEmpty());
    }
}
