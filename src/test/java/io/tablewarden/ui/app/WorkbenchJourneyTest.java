package io.tablewarden.ui.app;

import io.tablewarden.scenarios.DemoAccount;
import io.tablewarden.store.StoredResult;
import io.tablewarden.ui.Screenshots;
import io.tablewarden.ui.scan.ScanViewModel;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static io.tablewarden.ui.app.TestWorkbenchWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journey a new user makes, through the real window: open on the demo account, scan it, open the posture
 * matrix, click a failing cell, copy the filled CLI fix, then mute a finding from the findings table.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchJourneyTest {

    private static final String TABLE = "anz-user-sessions";
    private static final String PITR = "dynamodb_tables_pitr_enabled";

    @TempDir
    Path dir;

    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close(FxRobot robot) {
        TestWorkbenchWindow.close(robot, stage, workbench);
    }

    @Test
    void fromFirstRunToACopiedFilledFixAndAMutedFinding(FxRobot robot) throws Exception {
        workbench = TestWorkbenchWindow.open(robot, stage, dir, TestWorkbenchWindow.engineBackend(), "Adwaita");

        // 1. First run: scan the demo account from the banner.
        waitFor(() -> robot.lookup("#first-run-scan").tryQuery().isPresent(), 10);
        robot.clickOn("#first-run-scan");
        waitFor(() -> workbench.scans().stateProperty().get() == ScanViewModel.State.COMPLETED
                && workbench.currentScan().get() != null
                && workbench.currentScan().get().rows().size() == DemoAccount.results(), 90);

        // 2. Findings page (Ctrl+3), posture matrix tab, the failing PITR cell of one table.
        robot.press(KeyCode.CONTROL).press(KeyCode.DIGIT3).release(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        waitFor(() -> WorkbenchPages.FINDINGS.equals(workbench.shell().currentPageProperty().get()), 10);
        robot.clickOn("Posture matrix");
        AtomicReference<Node> cell = new AtomicReference<>();
        waitFor(() -> {
            cell.set(robot.lookup(".matrix-cell").match(node -> isCell(node, TABLE, PITR)).tryQuery().orElse(null));
            return cell.get() != null;
        }, 10);
        robot.clickOn(cell.get());

        // 3. The detail shows the PITR fix for that table; Copy puts the filled, runnable command on the clipboard.
        waitFor(() -> robot.lookup("#code-cli").tryQuery().map(Node::isVisible).orElse(false), 10);
        Button copy = robot.from(robot.lookup("#code-cli").queryAll()).lookup(".button").queryButton();
        // Pressed through the button itself: a pointer click depends on where earlier tests left the window,
        // and the keyboard path to the same button is covered by WorkbenchKeyboardTest.
        robot.interact(copy::fire);
        AtomicReference<String> clipboard = new AtomicReference<>();
        robot.interact(() -> clipboard.set(Clipboard.getSystemClipboard().getString()));
        String command = clipboard.get();
        assertTrue(command.contains("aws dynamodb update-continuous-backups"), command);
        assertTrue(command.contains(TABLE) && command.contains("ap-southeast-2"), command);
        assertFalse(command.contains("{{"), "every token is filled: " + command);
        Screenshots.write(robot, stage.getScene(), "workbench-journey-detail-light");
        robot.interact(() -> workbench.darkProperty().set(true));
        Screenshots.write(robot, stage.getScene(), "workbench-journey-detail-dark");
        robot.interact(() -> workbench.darkProperty().set(false));

        // 4. Back to the findings table: select that finding and mute it with a reason.
        javafx.scene.control.TabPane tabs = robot.lookup("#findings-tabs").query();
        robot.interact(() -> tabs.getSelectionModel().select(0));
        TableView<StoredResult> table = robot.lookup("#findings-table").queryTableView();
        robot.interact(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                StoredResult row = table.getItems().get(i);
                if (row.result().checkId().equals(PITR) && row.result().resource().name().equals(TABLE)) {
                    table.getSelectionModel().clearAndSelect(i);
                    table.scrollTo(i);
                    break;
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        Button mute = robot.lookup("#mute-selected").queryButton();
        Screenshots.write(robot, stage.getScene(), "workbench-journey-findings-light");
        assertFalse(mute.isDisabled(), "a finding is selected");
        robot.clickOn(mute);
        waitFor(() -> robot.lookup("#mute-reason").tryQuery().isPresent(), 10);
        TextInputControl reason = robot.lookup("#mute-reason").query();
        robot.interact(() -> reason.setText("Scratch data; point-in-time recovery not needed"));
        robot.clickOn("#mute-save");
        waitFor(() -> workbench.currentScan().get().rows().stream().anyMatch(r -> r.muted()
                && r.result().checkId().equals(PITR) && r.result().resource().name().equals(TABLE)), 20);
        long muted = workbench.currentScan().get().rows().stream().filter(StoredResult::muted).count();
        assertEquals(1, muted, "exactly the chosen finding is muted");
        assertEquals(io.tablewarden.model.Status.FAIL, workbench.currentScan().get().rows().stream()
                .filter(StoredResult::muted).findFirst().orElseThrow().result().status(), "muting keeps the status");
    }

    private static boolean isCell(Node node, String resourceName, String checkId) {
        if (!(node instanceof TableCell) || !node.isVisible()) {
            return false;
        }
        TableCell<?, ?> cell = (TableCell<?, ?>) node;
        Object item = cell.getTableRow() == null ? null : cell.getTableRow().getItem();
        return item instanceof io.tablewarden.ui.results.MatrixRow
                && ((io.tablewarden.ui.results.MatrixRow) item).resource().name().equals(resourceName)
                && cell.getTableColumn() != null && ("matrix-" + checkId).equals(cell.getTableColumn().getId());
    }
}
