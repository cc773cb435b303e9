package io.tablewarden.ui.app;

import io.tablewarden.store.TablewardenStore;
import io.tablewarden.ui.Screenshots;
import io.tablewarden.ui.history.RecordedScans;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.tablewarden.ui.app.TestWorkbenchWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workbench as it starts: the last stored scan is on screen again; with none, the result pages offer to open
 * it; the banner that invites to add a profile goes as soon as one exists.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchStartFxTest {

    @TempDir
    Path dir;

    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closeStore(FxRobot robot) {
        TestWorkbenchWindow.close(robot, stage, workbench);
    }

    @Test
    void theLastStoredScanIsOpenAgainOnStart(FxRobot robot) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        long scanId;
        try (TablewardenStore store = TablewardenStore.open(dir.resolve("data/tablewarden.db"))) {
            scanId = RecordedScans.recordBoth(store)[1];
        }
        workbench = TestWorkbenchWindow.open(robot, stage, dir, TestWorkbenchWindow.engineBackend(), "Adwaita");
        waitFor(() -> workbench.currentScan().get() != null, 20);
        assertEquals(scanId, workbench.currentScan().get().scanId());
        robot.interact(() -> workbench.showPage(WorkbenchPages.FINDINGS));
        assertTrue(robot.lookup("#findings-table").query().isVisible(), "the findings of the last scan");
    }

    @Test
    void withoutAScanTheFindingsPageOffersTheLastOneAndTheBannerGoesOnceAProfileExists(FxRobot robot)
            throws Exception {
        workbench = TestWorkbenchWindow.open(robot, stage, dir, TestWorkbenchWindow.engineBackend(), "Adwaita");
        waitFor(() -> robot.lookup("#first-run-banner").tryQuery().isPresent(), 10);
        assertNull(workbench.currentScan().get());

        robot.interact(() -> workbench.showPage(WorkbenchPages.FINDINGS));
        Node open = robot.lookup(".open-last-scan").query();
        assertTrue(open.isVisible() && !open.isDisabled(), "the empty page offers the last scan");
        Screenshots.write(robot, stage.getScene(), "workbench-findings-empty-light");
        robot.clickOn(open);
        waitFor(() -> workbench.lastNoticeProperty().get() != null, 10);
        assertEquals("No scan is stored yet. Run one on the Scans page.", workbench.lastNoticeProperty().get());

        // A profile is added (here by another program) and the Profiles page reads it: the banner that says
        // there is none goes at once, without a visit to the Scans page.
        Files.createDirectories(dir.resolve("aws"));
        Files.writeString(dir.resolve("aws/config"), "[profile audit]\nregion = eu-west-1\n");
        robot.interact(() -> workbench.showPage(WorkbenchPages.PROFILES));
        waitFor(() -> robot.lookup("#first-run-banner").tryQuery().isEmpty()
                && robot.lookup("#demo-scanned-banner").tryQuery().isEmpty(), 10);
        assertTrue(workbench.scans().targets().stream().anyMatch(t -> "audit".equals(t.profile())),
                "the scan choices list the new profile");
    }
}
