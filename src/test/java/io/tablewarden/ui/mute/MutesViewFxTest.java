package io.tablewarden.ui.mute;

import io.tablewarden.store.StoredResult;
import io.tablewarden.store.TablewardenStore;
import io.tablewarden.ui.Screenshots;
import io.tablewarden.ui.TestWorkbenchContext;
import io.tablewarden.ui.history.ExampleScanStore;
import io.tablewarden.ui.history.RecordedScans;
import io.tablewarden.ui.shell.Stylesheets;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The list of mutes: an unmute clears the flag of the current scan. */
@ExtendWith(ApplicationExtension.class)
class MutesViewFxTest {

    @RegisterExtension
    static final ExampleScanStore EXAMPLE = new ExampleScanStore();

    private TestWorkbenchContext context;
    private Scene scene;

    @BeforeAll
    static void mute() {
        TablewardenStore store = EXAMPLE.store();
        store.mutes().add(RecordedScans.PITR, RecordedScans.SCRATCH, "scratch data, rebuilt nightly", "auditor", null);
        store.mutes().add("dynamodb_table_tagged", "arn:aws:dynamodb:eu-north-1:" + RecordedScans.ACCOUNT
                + ":table/tmp-*", "temporary tables are never tagged", "auditor", Instant.parse("2026-01-31T23:00:00Z"));
    }

    @Start
    void start(Stage stage) {
        Screenshots.theme(false);
        context = EXAMPLE.context();
        MutesViewModel model = new MutesViewModel(context);
        model.load();
        scene = new Scene(new MutesView(model));
        Stylesheets.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void listsMutesAndUnmutes(FxRobot robot) {
        assertTrue(row().muted());
        TableView<?> table = robot.lookup("#mutes-table").queryAs(TableView.class);
        assertEquals(2, table.getItems().size());
        Screenshots.write(robot, scene, "mutes-light");

        // Titles, not raw ids; every cell's text shown whole; no unnamed filler column; rows shown whole.
        java.util.List<String> checks = new java.util.ArrayList<>();
        for (javafx.scene.Node node : table.lookupAll(".table-cell")) {
            javafx.scene.control.TableCell<?, ?> cell = (javafx.scene.control.TableCell<?, ?>) node;
            if (cell.getText() == null || cell.getText().isEmpty() || !cell.isVisible()) {
                continue;
            }
            javafx.scene.text.Text shown = (javafx.scene.text.Text) cell.lookup(".text");
            assertEquals(cell.getText(), shown.getText(), "cut: " + cell.getText());
            if ("Check".equals(cell.getTableColumn().getText())) {
                checks.add(cell.getText());
            }
        }
        assertTrue(checks.contains("DynamoDB table has point-in-time recovery enabled"), checks.toString());
        assertFalse(checks.contains(RecordedScans.PITR), checks.toString());
        double columns = table.getColumns().stream().mapToDouble(javafx.scene.control.TableColumn::getWidth).sum();
        javafx.scene.Node header = table.lookup(".column-header-background");
        assertTrue(header.getLayoutBounds().getWidth() - columns < 20,
                "no empty column: " + columns + " of " + header.getLayoutBounds().getWidth());
        for (javafx.scene.Node node : table.lookupAll(".table-row-cell")) {
            javafx.scene.control.TableRow<?> row = (javafx.scene.control.TableRow<?>) node;
            if (row.getItem() != null) {
                javafx.geometry.Bounds inTable = table.sceneToLocal(row.localToScene(row.getLayoutBounds()));
                assertTrue(inTable.getMaxY() <= table.getHeight(), "a whole row: " + inTable);
            }
        }
        robot.interact(() -> Screenshots.theme(true));
        Screenshots.write(robot, scene, "mutes-dark");
        robot.interact(() -> Screenshots.theme(false));

        robot.clickOn(robot.lookup("#mutes-table .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        robot.clickOn("#mutes-unmute");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, table.getItems().size());
        assertFalse(row().muted());
    }

    private StoredResult row() {
        return context.currentScan().get().rows().stream()
                .filter(r -> r.result().checkId().equals(RecordedScans.PITR)
                        && r.result().resource().arn().equals(RecordedScans.SCRATCH))
                .findFirst().orElseThrow();
    }
}
