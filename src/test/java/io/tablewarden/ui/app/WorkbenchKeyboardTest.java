package io.tablewarden.ui.app;

import io.tablewarden.scenarios.DemoAccount;
import io.tablewarden.store.StoredResult;
import io.tablewarden.ui.scan.ScanViewModel;
import javafx.scene.Node;
import javafx.scene.control.TableView;
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
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import static io.tablewarden.ui.app.TestWorkbenchWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first-run journey without the mouse: scan the demo account with the shortcut, find a table's
 * point-in-time recovery finding from the search box, open it with Enter and copy its filled fix with the keyboard.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchKeyboardTest {

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

    private void open(FxRobot robot) throws TimeoutException {
        workbench = TestWorkbenchWindow.open(robot, stage, dir, TestWorkbenchWindow.engineBackend(), "Adwaita");
        waitFor(() -> robot.lookup("#first-run-banner").tryQuery().isPresent(), 10);
    }

    @Test
    void firstRunToACopiedFixWithTheKeyboardOnly(FxRobot robot) throws Exception {
        open(robot);
        robot.interact(() -> Clipboard.getSystemClipboard().clear());

        // Scan the demo account: Ctrl+R.
        robot.press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        waitFor(() -> workbench.scans().stateProperty().get() == ScanViewModel.State.COMPLETED
                && workbench.currentScan().get() != null
                && workbench.currentScan().get().rows().size() == DemoAccount.results(), 90);

        // The scan page's Start button is not the window's default button: Enter on any other page (a finding's
        // detail, a list) would otherwise start a new scan.
        javafx.scene.control.Button start = robot.lookup("#scan-start").queryButton();
        assertFalse(start.isDefaultButton(), "Enter anywhere in the window would start a scan");

        // Ctrl+F: the Findings page with the focus in its search box; type the table's name.
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        waitFor(() -> WorkbenchPages.FINDINGS.equals(workbench.shell().currentPageProperty().get()), 10);
        assertEquals("findings-search", focusedId(robot));
        robot.write(TABLE);
        TableView<StoredResult> table = robot.lookup("#findings-table").queryTableView();
        waitFor(() -> !table.getItems().isEmpty() && table.getItems().stream()
                .allMatch(r -> r.result().resource().name().contains(TABLE)), 10);

        // Tab reaches the table; the arrow keys reach the PITR finding.
        for (int i = 0; i < 20 && stage.getScene().getFocusOwner() != table; i++) {
            robot.type(KeyCode.TAB);
        }
        assertEquals(table, stage.getScene().getFocusOwner(), "Tab from the search box reaches the table");
        robot.type(KeyCode.HOME);
        for (int i = 0; i < table.getItems().size() && !isPitr(table.getSelectionModel().getSelectedItem()); i++) {
            robot.type(KeyCode.DOWN);
        }
        assertTrue(isPitr(table.getSelectionModel().getSelectedItem()), "the PITR finding is selected");

        // Enter opens the resource's detail.
        robot.type(KeyCode.ENTER);
        waitFor(() -> robot.lookup("#code-cli").tryQuery().map(Node::isVisible).orElse(false), 10);

        // Tab reaches the Copy button of the CLI fix; Space presses it.
        Node copy = robot.from(robot.lookup("#code-cli").queryAll()).lookup(".copy-button").query();
        for (int i = 0; i < 60 && stage.getScene().getFocusOwner() != copy; i++) {
            robot.type(KeyCode.TAB);
        }
        assertEquals(copy, stage.getScene().getFocusOwner(), "Tab reaches the Copy button");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<String> clipboard = new AtomicReference<>();
        robot.interact(() -> clipboard.set(Clipboard.getSystemClipboard().getString()));
        String command = clipboard.get();
        assertNotNull(command);
        assertTrue(command.contains("aws dynamodb update-continuous-backups"), command);
        assertTrue(command.contains(TABLE) && command.contains("ap-southeast-2"), command);
        assertFalse(command.contains("{{"), "every token is filled: " + command);

        // Ctrl+Tab moves through the remediation tabs to Terraform; Tab reaches its Copy button.
        javafx.scene.control.TabPane remediation = (javafx.scene.control.TabPane) ancestor(copy,
                javafx.scene.control.TabPane.class);
        assertNotNull(remediation);
        robot.press(KeyCode.CONTROL).type(KeyCode.TAB).type(KeyCode.TAB).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Terraform", remediation.getSelectionModel().getSelectedItem().getText());
        Node terraformCopy = robot.from(robot.lookup("#code-terraform").queryAll()).lookup(".copy-button").query();
        for (int i = 0; i < 10 && stage.getScene().getFocusOwner() != terraformCopy; i++) {
            robot.type(KeyCode.TAB);
        }
        assertEquals(terraformCopy, stage.getScene().getFocusOwner(), "Tab reaches the Terraform Copy button");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> clipboard.set(Clipboard.getSystemClipboard().getString()));
        String terraform = clipboard.get();
        assertTrue(terraform.contains("point_in_time_recovery") && terraform.contains(TABLE), terraform);
    }

    /** Visible, and so are all its parents (a hidden tab's content is not on screen). */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static Node ancestor(Node node, Class<?> type) {
        Node n = node;
        while (n != null && !type.isInstance(n)) {
            n = n.getParent();
        }
        return n;
    }

    @Test
    void everyButtonOnEveryPageCanBeReachedByTabAndEveryIconButtonSaysWhatItDoes(FxRobot robot) throws Exception {
        open(robot);
        robot.press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        waitFor(() -> workbench.scans().stateProperty().get() == ScanViewModel.State.COMPLETED, 90);
        robot.interact(() -> workbench.openResource(
                "arn:aws:dynamodb:ap-southeast-2:111122223333:table/" + TABLE));
        WaitForAsyncUtils.waitForFxEvents();
        java.util.List<String> problems = new java.util.ArrayList<>();
        examined = 0;
        for (String page : java.util.List.of(WorkbenchPages.PROFILES, WorkbenchPages.SCANS, WorkbenchPages.FINDINGS,
                WorkbenchPages.COMPLIANCE, WorkbenchPages.HISTORY)) {
            robot.interact(() -> workbench.showPage(page));
            WaitForAsyncUtils.waitForFxEvents();
            if (page.equals(WorkbenchPages.FINDINGS)) {
                // The findings page has three tabs; look at each.
                javafx.scene.control.TabPane tabs = robot.lookup("#findings-tabs").queryAs(
                        javafx.scene.control.TabPane.class);
                for (int t = 0; t < tabs.getTabs().size(); t++) {
                    int index = t;
                    robot.interact(() -> tabs.getSelectionModel().select(index));
                    WaitForAsyncUtils.waitForFxEvents();
                    problems.addAll(buttonProblems(page + "/" + tabs.getTabs().get(t).getText()));
                }
            } else {
                problems.addAll(buttonProblems(page));
            }
        }
        assertEquals(java.util.List.of(), problems);
        assertTrue(examined > 40, "buttons examined: " + examined);
    }

    private int examined;

    private java.util.List<String> buttonProblems(String where) {
        java.util.List<String> problems = new java.util.ArrayList<>();
        for (Node node : stage.getScene().getRoot().lookupAll(".button")) {
            if (!(node instanceof javafx.scene.control.ButtonBase) || !shown(node)) {
                continue;
            }
            javafx.scene.control.ButtonBase button = (javafx.scene.control.ButtonBase) node;
            examined++;
            String label = button.getText() == null || button.getText().isBlank()
                    ? "#" + button.getId() + " " + button.getStyleClass() : button.getText();
            if (!button.isFocusTraversable()) {
                problems.add(where + ": " + label + " cannot be reached with Tab");
            }
            boolean iconOnly = button.getText() == null || button.getText().isBlank();
            if (iconOnly && button.getTooltip() == null) {
                problems.add(where + ": icon button " + label + " has no tooltip");
            }
        }
        return problems;
    }

    private static boolean isPitr(StoredResult row) {
        return row != null && row.result().checkId().equals(PITR) && row.result().resource().name().equals(TABLE);
    }

    private String focusedId(FxRobot robot) {
        Node focused = stage.getScene().getFocusOwner();
        return focused == null ? null : focused.getId();
    }
}
