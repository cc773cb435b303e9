package io.tablewarden.ui.results;

import io.tablewarden.model.ResourceType;
import io.tablewarden.model.Status;
import io.tablewarden.store.StoredResult;
import io.tablewarden.ui.Screenshots;
import io.tablewarden.ui.TestWorkbenchContext;
import io.tablewarden.ui.model.ScanSnapshot;
import io.tablewarden.ui.shell.Stylesheets;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo account scanned for real and shown by every result view, light and dark; each view is written to
 * {@code target/screenshots/results-<view>-<theme>.png}.
 */
@ExtendWith(ApplicationExtension.class)
class DemoAccountViewsTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.show();
    }

    @Test
    void theDemoScanFeedsEveryViewInBothThemes(FxRobot robot) throws Exception {
        ScanSnapshot scan = DemoScan.snapshot();
        assertFalse(scan.rows().isEmpty());
        TestWorkbenchContext context = new TestWorkbenchContext().openingResourcesOnFindingsPage();
        context.currentScan().set(scan);

        FindingsView[] findings = new FindingsView[1];
        ComplianceView[] compliance = new ComplianceView[1];
        robot.interact(() -> {
            findings[0] = new FindingsView(context, context.navigation());
            compliance[0] = new ComplianceView(context, context.navigation());
        });
        long resources = scan.rows().stream().map(StoredResult::result)
                .filter(r -> r.resource().type() != ResourceType.REGION).map(r -> r.resource().arn()).distinct().count();
        assertEquals(resources, findings[0].matrixModel().sortedRows().size());
        assertEquals(scan.rows().size(), findings[0].findingsModel().visibleCountProperty().get());
        assertEquals(scan.rows().size(), compliance[0].model().totalProperty().get());
        assertEquals(OverviewViewModel.CONTROLS.size(), compliance[0].model().controls().size());

        StoredResult failing = scan.rows().stream()
                .filter(r -> r.result().status() == Status.FAIL
                        && r.result().checkId().equals("dynamodb_tables_pitr_enabled"))
                .findFirst().orElseThrow();
        robot.interact(() -> findings[0].openResource(failing.result().resource().arn(), failing.result().checkId()));
        String cli = findings[0].detailView().codeView("CLI").text();
        assertTrue(cli.contains(failing.result().resource().name()), cli);
        assertFalse(cli.contains("{{"), cli);

        for (boolean dark : List.of(false, true)) {
            String theme = dark ? "dark" : "light";
            robot.interact(() -> Screenshots.theme(dark));
            shoot(robot, compliance[0], "results-overview-" + theme);
            robot.interact(() -> ((javafx.scene.control.ScrollPane) compliance[0].lookup(".scroll-pane")).setVvalue(1));
            Screenshots.write(robot, stage.getScene(), "results-overview-charts-" + theme);
            robot.interact(() -> findings[0].tabs().getSelectionModel().select(1));
            shoot(robot, findings[0], "results-matrix-" + theme);
            robot.interact(() -> findings[0].tabs().getSelectionModel().select(0));
            shoot(robot, findings[0], "results-findings-" + theme);
            robot.interact(() -> findings[0].tabs().getSelectionModel().select(2));
            shoot(robot, findings[0], "results-detail-" + theme);
        }
    }

    private void shoot(FxRobot robot, javafx.scene.Parent page, String name) throws Exception {
        robot.interact(() -> {
            if (page.getScene() != null) {
                page.getScene().setRoot(new javafx.scene.Group());
            }
            Scene scene = new Scene(page, 1280, 800);
            Stylesheets.install(scene);
            stage.setScene(scene);
        });
        Path png = Screenshots.write(robot, stage.getScene(), name);
        assertTrue(Files.size(png) > 10_000, name);
    }
}
