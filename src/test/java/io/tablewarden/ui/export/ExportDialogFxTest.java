package io.tablewarden.ui.export;

import io.tablewarden.report.OutputFormat;
import io.tablewarden.store.TablewardenStore;
import io.tablewarden.ui.Screenshots;
import io.tablewarden.ui.TestWorkbenchContext;
import io.tablewarden.ui.history.ExampleScanStore;
import io.tablewarden.ui.shell.Dialogs;
import io.tablewarden.ui.shell.ScriptedDialogs;
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

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Exporting through the real dialog, with the file chooser replaced by a fixed answer. */
@ExtendWith(ApplicationExtension.class)
class ExportDialogFxTest {

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
    void writesTheChosenFormatToTheChosenFile(FxRobot robot) throws Exception {
        Path target = EXAMPLE.dir().resolve("findings.csv");
        // The native file chooser is replaced by a fixed answer; the export dialog itself is the real one.
        ScriptedDialogs dialogs = new ScriptedDialogs().choosingFile(target).fallingBackTo(context.dialogs());
        context.withDialogs(dialogs);
        AtomicReference<Boolean> outcome = new AtomicReference<>();
        Platform.runLater(() -> outcome.set(ExportViewModel.exportCurrentScan(context)));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#export-save").tryQuery().isPresent());
        robot.clickOn("#export-format-csv");
        robot.clickOn("#export-choose");
        assertEquals("tablewarden-scan-" + EXAMPLE.scanId() + ".csv",
                dialogs.asked(Dialogs.SaveFileRequest.class).get(0).suggestedName());
        Screenshots.write(robot, robot.lookup("#export-dialog").query().getScene(), "export-dialog-light");
        robot.interact(() -> Screenshots.theme(true));
        Screenshots.write(robot, robot.lookup("#export-dialog").query().getScene(), "export-dialog-dark");
        robot.interact(() -> Screenshots.theme(false));
        robot.clickOn("#export-save");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> outcome.get() != null);

        assertEquals(Boolean.TRUE, outcome.get());
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        TablewardenStore store = EXAMPLE.store();
        long scanId = EXAMPLE.scanId();
        OutputFormat.CSV.writer().write(new io.tablewarden.app.StoredScans(store, context.checks()).report(scanId),
                expected);
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(target));
        assertEquals(1, context.notices.size());
    }
}
