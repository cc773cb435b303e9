package io.tablewarden.ui.app;

import io.tablewarden.ui.shell.ErrorDialog;
import javafx.scene.control.Alert;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The workbench window and the dialogs opened from it carry the application icon set. */
@ExtendWith(ApplicationExtension.class)
class AppIconsTest {

    @TempDir
    Path dir;

    private Stage stage;
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close(FxRobot robot) {
        TestWorkbenchWindow.close(robot, stage, workbench);
    }

    @Test
    void theWindowAndEveryDialogShowTheIconSet(FxRobot robot) {
        workbench = TestWorkbenchWindow.open(robot, stage, dir, TestWorkbenchWindow.engineBackend(), "Adwaita");
        List<Image> icons = List.copyOf(stage.getIcons());
        assertEquals(AppIcons.SIZES.length, icons.size());
        for (int i = 0; i < icons.size(); i++) {
            assertEquals(AppIcons.SIZES[i], icons.get(i).getWidth(), "width of icon " + i);
            assertEquals(AppIcons.SIZES[i], icons.get(i).getHeight(), "height of icon " + i);
            assertFalse(icons.get(i).isError(), "icon " + i + " loaded");
        }

        // A dialog made the way the pages make them, and a plain stage: both get the set as they open.
        AtomicReference<Alert> alert = new AtomicReference<>();
        AtomicReference<Stage> plain = new AtomicReference<>();
        robot.interact(() -> {
            alert.set(ErrorDialog.create(stage, "Test", "A dialog", null));
            alert.get().show();
            plain.set(new Stage());
            plain.get().show();
        });
        Stage dialogStage = (Stage) alert.get().getDialogPane().getScene().getWindow();
        assertEquals(icons, List.copyOf(dialogStage.getIcons()));
        assertEquals(icons, List.copyOf(plain.get().getIcons()));
        // Loaded once and shared, not decoded again for each window.
        assertSame(icons.get(0), plain.get().getIcons().get(0));
        robot.interact(() -> {
            alert.get().close();
            plain.get().close();
        });
        assertFalse(Window.getWindows().contains(plain.get()));
    }
}
