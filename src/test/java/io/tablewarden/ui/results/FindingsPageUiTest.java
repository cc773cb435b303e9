package io.tablewarden.ui.results;

import io.tablewarden.store.StoredResult;
import io.tablewarden.ui.Screenshots;
import io.tablewarden.ui.TestWorkbenchContext;
import io.tablewarden.ui.shell.Stylesheets;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the Findings page in a window: filter, open a finding, copy its filled CLI remediation. */
@ExtendWith(ApplicationExtension.class)
class FindingsPageUiTest {

    private final TestWorkbenchContext context = new TestWorkbenchContext().openingResourcesOnFindingsPage();
    private FindingsView page;

    @Start
    void start(Stage stage) {
        Screenshots.theme(false);
        page = new FindingsView(context, context.navigation());
        Scene scene = new Scene(page, 1280, 800);
        Stylesheets.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void filtersOpensAFindingAndCopiesItsFilledCommand(FxRobot robot) throws Exception {
        assertTrue(page.lookup(".empty-state").isVisible(), "no scan yet: the hint shows");
        robot.interact(() -> context.currentScan().set(TestSnapshots.small()));
        assertFalse(page.lookup(".empty-state").isVisible());

        robot.clickOn("#findings-search").write("audit-log");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> page.findingsModel().visibleCountProperty().get() == 4);

        @SuppressWarnings("unchecked")
        TableView<StoredResult> table = (TableView<StoredResult>) page.lookup("#findings-table");
        robot.interact(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).result().checkId().equals(TestSnapshots.PITR)) {
                    table.getSelectionModel().clearAndSelect(i);
                }
            }
            table.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Resource", page.tabs().getSelectionModel().getSelectedItem().getText());
        assertEquals("audit-log", page.detailView().lookup(".title-3") instanceof javafx.scene.control.Label l
                ? l.getText() : "");

        CodeView cli = page.detailView().codeView("CLI");
        robot.clickOn(cli.copyButton());
        AtomicReference<String> copied = new AtomicReference<>();
        robot.interact(() -> copied.set(Clipboard.getSystemClipboard().getString()));
        assertEquals(cli.text(), copied.get(), "exactly the text shown");
        assertTrue(copied.get().contains("--table-name audit-log"), copied.get());
        assertTrue(copied.get().contains("--region us-east-1"));
        assertFalse(copied.get().contains("{{"));
    }

    @Test
    void sortingByAColumnSortsTheRowsAndTheFilterKeepsThatOrder(FxRobot robot) throws Exception {
        robot.interact(() -> context.currentScan().set(TestSnapshots.small()));
        @SuppressWarnings("unchecked")
        TableView<StoredResult> table = (TableView<StoredResult>) page.lookup("#findings-table");
        java.util.function.Supplier<java.util.List<String>> names = () -> table.getItems().stream()
                .map(r -> r.result().resource().name()).toList();
        assertEquals(io.tablewarden.model.Status.FAIL, table.getItems().get(0).result().status(),
                "opens on the failures");

        javafx.scene.control.TableColumn<StoredResult, ?> resource = table.getColumns().stream()
                .filter(c -> "Resource".equals(c.getText())).findFirst().orElseThrow();
        // what a click on the column's header does
        robot.interact(() -> table.getSortOrder().setAll(java.util.List.of(resource)));
        java.util.List<String> ascending = names.get();
        assertEquals(ascending.stream().sorted().toList(), ascending, "sorted by resource");
        assertTrue(ascending.size() > 4);

        robot.interact(() -> page.findingsModel().statuses().add(io.tablewarden.model.Status.FAIL));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> page.findingsModel().visibleCountProperty().get() < ascending.size());
        WaitForAsyncUtils.waitForFxEvents();
        java.util.List<String> filtered = names.get();
        assertEquals(filtered.stream().sorted().toList(), filtered, "still sorted after filtering");

        robot.interact(() -> resource.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING));
        java.util.List<String> descending = names.get();
        assertEquals(descending.stream().sorted(java.util.Comparator.reverseOrder()).toList(), descending,
                "a second click reverses the order");
    }

    @Test
    void ctrlCCopiesTheSelectedFindingsCliAndCtrlFFocusesSearch(FxRobot robot) {
        robot.interact(() -> context.currentScan().set(TestSnapshots.small()));
        @SuppressWarnings("unchecked")
        TableView<StoredResult> table = (TableView<StoredResult>) page.lookup("#findings-table");
        robot.interact(() -> {
            table.getSelectionModel().clearAndSelect(0);
            table.requestFocus();
        });
        StoredResult selected = table.getSelectionModel().getSelectedItem();
        robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
        AtomicReference<String> copied = new AtomicReference<>();
        robot.interact(() -> copied.set(Clipboard.getSystemClipboard().getString()));
        assertEquals(page.findingsModel().cliFor(selected), copied.get());

        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(page.lookup("#findings-search"), page.getScene().getFocusOwner());
    }

    @Test
    void copiesOneScriptForTheSelectedFailures(FxRobot robot) {
        robot.interact(() -> context.currentScan().set(TestSnapshots.small()));
        @SuppressWarnings("unchecked")
        TableView<StoredResult> table = (TableView<StoredResult>) page.lookup("#findings-table");
        robot.interact(() -> table.getSelectionModel().selectAll());
        robot.clickOn("#copy-selected-script");
        AtomicReference<String> copied = new AtomicReference<>();
        robot.interact(() -> copied.set(Clipboard.getSystemClipboard().getString()));
        assertEquals(page.findingsModel().scriptFor(table.getSelectionModel().getSelectedItems()), copied.get());
        assertTrue(copied.get().contains("# --- table orders: " + TestSnapshots.PITR), copied.get());
        assertTrue(copied.get().contains("# --- DAX cluster session-cache: "), copied.get());
        assertFalse(copied.get().contains("payments"), "passing resources need no fix");
    }

    @Test
    void ctrlCWithSeveralRowsSelectedCopiesTheirFailuresAsOneScript(FxRobot robot) {
        robot.interact(() -> context.currentScan().set(TestSnapshots.small()));
        @SuppressWarnings("unchecked")
        TableView<StoredResult> table = (TableView<StoredResult>) page.lookup("#findings-table");
        robot.interact(() -> {
            Clipboard.getSystemClipboard().clear();
            table.getSelectionModel().selectAll();
            table.requestFocus();
        });
        robot.press(KeyCode.SHORTCUT).type(KeyCode.C).release(KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<String> copied = new AtomicReference<>();
        robot.interact(() -> copied.set(Clipboard.getSystemClipboard().getString()));
        assertEquals(page.findingsModel().scriptFor(table.getSelectionModel().getSelectedItems()), copied.get());
        assertTrue(copied.get().contains("# --- table orders: " + TestSnapshots.PITR), copied.get());
    }

    @Test
    void searchesA150000ResultScanInTheWindow(FxRobot robot) throws Exception {
        robot.interact(() -> context.currentScan().set(TestSnapshots.large(150_000)));
        assertEquals(150_000, page.findingsModel().visibleCountProperty().get());
        robot.clickOn("#findings-search").write("table-1234");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "table-1234".equals(page.findingsModel().searchTextProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<StoredResult> table = (TableView<StoredResult>) page.lookup("#findings-table");
        long expected = context.currentScan().get().rows().stream()
                .filter(r -> r.result().resource().name().contains("table-1234")).count();
        assertEquals(expected, table.getItems().size());
        assertTrue(table.getItems().stream().allMatch(r -> r.result().resource().name().contains("table-1234")));
        Screenshots.write(robot, page.getScene(), "results-findings-search-light");
    }

    @Test
    void theOverviewLinkShowsTheFailuresOfOneCheck(FxRobot robot) {
        robot.interact(() -> {
            context.currentScan().set(TestSnapshots.small());
            page.findingsModel().searchTextProperty().set("orders");
            context.navigation().showFailuresOf(context, TestSnapshots.PITR);
        });
        assertEquals(FindingsPage.ID, context.shownPages.get(context.shownPages.size() - 1));
        assertEquals(2, page.findingsModel().visibleCountProperty().get());

        robot.interact(() -> context.openResource(TestSnapshots.tableArn("eu-west-1", "payments")));
        assertEquals("Resource", page.tabs().getSelectionModel().getSelectedItem().getText());
    }

    @Test
    void opensOnTheWorstFailuresAndItsFilterTitlesReadAsWords(FxRobot robot) throws Exception {
        io.tablewarden.ui.model.ScanSnapshot demo = DemoScan.snapshot();
        robot.interact(() -> context.currentScan().set(demo));
        @SuppressWarnings("unchecked")
        TableView<StoredResult> table = (TableView<StoredResult>) page.lookup("#findings-table");
        assertEquals(io.tablewarden.model.Status.FAIL, table.getItems().get(0).result().status());
        org.controlsfx.control.CheckComboBox<?> status =
                (org.controlsfx.control.CheckComboBox<?>) page.lookup("#status-filter");
        assertEquals("Status: any", status.getTitle());
        robot.interact(() -> page.findingsModel().statuses().add(io.tablewarden.model.Status.FAIL));
        assertEquals("Status: FAIL", status.getTitle());
        Screenshots.write(robot, page.getScene(), "results-findings-opening-light");
    }
}
