package io.tablewarden.ui.mute;

import io.tablewarden.model.CheckResult;
import io.tablewarden.store.StoredResult;
import io.tablewarden.ui.Screenshots;
import io.tablewarden.ui.TestWorkbenchContext;
import io.tablewarden.ui.history.ExampleScanStore;
import io.tablewarden.ui.history.RecordedScans;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Muting a finding through the real dialog marks its row of the current scan as muted. */
@ExtendWith(ApplicationExtension.class)
class MuteDialogFxTest {

    @RegisterExtension
    static final ExampleScanStore EXAMPLE = new ExampleScanStore();

    private TestWorkbenchContext context;

    @Start
    void start(Stage stage) {
        Screenshots.theme(false);
        context = EXAMPLE.context();
        stage.setScene(new Scene(new StackPane(new Label("Findings")), 600, 400));
        stage.show();
    }

    @Test
    void mutingThroughTheDialogMarksTheRow(FxRobot robot) throws Exception {
        CheckResult finding = row().result();
        assertFalse(row().muted());
        AtomicReference<Boolean> outcome = new AtomicReference<>();
        Platform.runLater(() -> outcome.set(new MuteViewModel(context, finding).ask()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#mute-save").tryQuery().isPresent());

        assertTrue(robot.lookup("#mute-save").query().isDisabled());
        // The ARN is broken after its last colon, never inside a word, and shown whole.
        Label arn = robot.lookup("#mute-arn").queryAs(Label.class);
        int colon = RecordedScans.SCRATCH.lastIndexOf(':');
        assertEquals(RecordedScans.SCRATCH.substring(0, colon + 1) + "\n" + RecordedScans.SCRATCH.substring(colon + 1),
                arn.getText());
        assertFalse(arn.isWrapText());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(arn.getWidth() >= arn.prefWidth(-1) - 0.5, "not cut: " + arn.getWidth() + " < " + arn.prefWidth(-1));
        robot.clickOn("#mute-reason").write("Scratch data, rebuilt every night");
        assertFalse(robot.lookup("#mute-save").query().isDisabled());
        Scene dialog = robot.lookup("#mute-dialog").query().getScene();
        robot.interact(() -> Screenshots.theme(false));
        Screenshots.write(robot, dialog, "mute-dialog-light");
        robot.interact(() -> Screenshots.theme(true));
        Screenshots.write(robot, dialog, "mute-dialog-dark");
        robot.interact(() -> Screenshots.theme(false));

        robot.clickOn("#mute-save");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> outcome.get() != null);
        assertEquals(Boolean.TRUE, outcome.get());
        assertTrue(row().muted());
        assertEquals("Scratch data, rebuilt every night", EXAMPLE.store().mutes().all().get(0).reason());
    }

    private StoredResult row() {
        return context.currentScan().get().rows().stream()
                .filter(r -> r.result().checkId().equals(RecordedScans.PITR)
                        && r.result().resource().arn().equals(RecordedScans.SCRATCH))
                .findFirst().orElseThrow();
    }
}
