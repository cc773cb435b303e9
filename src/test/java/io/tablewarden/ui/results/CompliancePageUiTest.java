package io.tablewarden.ui.results;

import io.tablewarden.ui.Screenshots;
import io.tablewarden.ui.TestWorkbenchContext;
import io.tablewarden.ui.shell.Stylesheets;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Compliance page follows the current scan, and its top failing checks lead to the findings. */
@ExtendWith(ApplicationExtension.class)
class CompliancePageUiTest {

    private final TestWorkbenchContext context = new TestWorkbenchContext().openingResourcesOnFindingsPage();
    private ComplianceView compliance;
    private FindingsView findings;

    @Start
    void start(Stage stage) {
        Screenshots.theme(false);
        compliance = new ComplianceView(context, context.navigation());
        findings = new FindingsView(context, context.navigation());
        Scene scene = new Scene(compliance, 1280, 800);
        Stylesheets.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void followsTheScanAndLinksToTheFailuresOfACheck(FxRobot robot) {
        assertTrue(compliance.lookup(".empty-state").isVisible());
        Screenshots.write(robot, compliance.getScene(), "results-overview-empty-light");
        robot.interact(() -> context.currentScan().set(TestSnapshots.small()));
        assertFalse(compliance.lookup(".empty-state").isVisible());
        assertEquals(15, compliance.model().totalProperty().get());

        robot.clickOn("#top-" + TestSnapshots.PITR);
        assertEquals(FindingsPage.ID, context.shownPages.get(context.shownPages.size() - 1));
        assertEquals(2, findings.findingsModel().visibleCountProperty().get());

        robot.interact(() -> context.currentScan().set(null));
        assertTrue(compliance.lookup(".empty-state").isVisible());
    }

    @Test
    void aFindingsPageCreatedAfterTheRequestStillShowsTheFailures(FxRobot robot) {
        TestWorkbenchContext later = new TestWorkbenchContext().openingResourcesOnFindingsPage();
        later.currentScan().set(TestSnapshots.small());
        robot.interact(() -> later.navigation().showFailuresOf(later, TestSnapshots.PITR));
        FindingsView[] page = new FindingsView[1];
        robot.interact(() -> page[0] = new FindingsView(later, later.navigation()));
        assertEquals(2, page[0].findingsModel().visibleCountProperty().get());
    }
}
