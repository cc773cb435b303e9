package io.tablewarden.ui.history;

import io.tablewarden.store.TablewardenStore;
import io.tablewarden.ui.Screenshots;
import io.tablewarden.ui.TestWorkbenchContext;
import io.tablewarden.ui.shell.Stylesheets;
import io.tablewarden.ui.shell.WorkbenchPage;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Scans page in a real window: two recorded scans listed, selected together and compared. */
@ExtendWith(ApplicationExtension.class)
class HistoryPageFxTest {

    @TempDir
    static Path dir;
    private static TablewardenStore store;

    private Scene scene;

    @BeforeAll
    static void record() throws Exception {
        store = TablewardenStore.open(dir.resolve("tw.db"));
        RecordedScans.recordBoth(store);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Start
    void start(Stage stage) {
        Screenshots.theme(false);
        WorkbenchPage page = new HistoryPage();
        assertEquals("history", page.id());
        assertEquals("History", page.title());
        TestWorkbenchContext context = new TestWorkbenchContext().withStore(store).withProfileHome(dir);
        scene = new Scene((javafx.scene.Parent) page.createView(context), 1100, 520);
        Stylesheets.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void listsTwoScansAndComparesThem(FxRobot robot) {
        TableView<?> table = robot.lookup("#history-table").queryAs(TableView.class);
        assertEquals(2, table.getItems().size());
        shoot(robot, "history");

        robot.clickOn(robot.lookup("#history-table .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        robot.press(KeyCode.SHORTCUT).clickOn(robot.lookup("#history-table .table-row-cell").nth(1)
                .queryAs(javafx.scene.Node.class)).release(KeyCode.SHORTCUT);
        assertEquals(2, table.getSelectionModel().getSelectedItems().size());
        robot.clickOn("#history-compare");
        WaitForAsyncUtils.waitForFxEvents();

        TabPane tabs = robot.lookup("#compare-tabs").queryAs(TabPane.class);
        List<String> titles = tabs.getTabs().stream().map(Tab::getText).collect(Collectors.toList());
        assertEquals(List.of("New failures (1)", "Fixed (1)", "Still failing (11)", "Status changes (2)",
                "New resources (0)", "Removed resources (0)"), titles);
        shoot(robot, "compare");

        robot.clickOn("#compare-back");
        assertTrue(robot.lookup("#history-table").tryQuery().isPresent());
    }

    @Test
    void comparesTwoScansWithTheKeyboardOnly(FxRobot robot) {
        TableView<?> table = robot.lookup("#history-table").queryAs(TableView.class);
        // Tab from wherever the focus starts reaches the list.
        for (int i = 0; i < 15 && scene.getFocusOwner() != table; i++) {
            robot.type(KeyCode.TAB);
        }
        assertEquals(table, scene.getFocusOwner(), "Tab reaches the list of scans");
        robot.type(KeyCode.HOME);
        robot.press(KeyCode.SHIFT).type(KeyCode.DOWN).release(KeyCode.SHIFT);
        assertEquals(2, table.getSelectionModel().getSelectedItems().size());
        robot.type(KeyCode.ENTER);
        // The comparison is computed in the background; the view and the focus follow.
        waitFor(() -> robot.lookup("#compare-tabs").tryQuery().isPresent());
        TabPane tabs = robot.lookup("#compare-tabs").queryAs(TabPane.class);
        assertEquals(0, tabs.getSelectionModel().getSelectedIndex());
        waitFor(() -> tabs.getTabs().get(0).getContent().isFocused());
        robot.press(KeyCode.CONTROL).type(KeyCode.TAB).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, tabs.getSelectionModel().getSelectedIndex(), "Ctrl+Tab shows the fixed findings");
        TableView<?> fixed = (TableView<?>) tabs.getTabs().get(1).getContent();
        waitFor(fixed::isFocused);
        assertEquals(0, fixed.getSelectionModel().getSelectedIndex());

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#compare-tabs").tryQuery().isEmpty(), "Esc goes back to the list");
        waitFor(() -> scene.getFocusOwner() == table);
    }

    /** Waits up to ten seconds; a condition still false then fails the test with a timeout. */
    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("still not true after 10 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shoot(FxRobot robot, String name) {
        robot.interact(() -> Screenshots.theme(false));
        Screenshots.write(robot, scene, name + "-light");
        robot.interact(() -> Screenshots.theme(true));
        Screenshots.write(robot, scene, name + "-dark");
        robot.interact(() -> Screenshots.theme(false));
    }
}
