package io.tablewarden.ui.app;

import io.tablewarden.app.ScanConnector;
import io.tablewarden.app.ScanRunner;
import io.tablewarden.app.ScanService;
import io.tablewarden.app.ScanTarget;
import io.tablewarden.app.SimulatedAccounts;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.scenarios.DemoAccount;
import io.tablewarden.simulator.FaultSettings;
import io.tablewarden.simulator.SimulatorOptions;
import io.tablewarden.ui.Screenshots;
import io.tablewarden.ui.scan.ScanViewModel;
import javafx.scene.Node;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.tablewarden.ui.app.TestWorkbenchWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real window, headless, on a machine without AWS profiles: it opens on the demo account, scans it from the
 * banner, and cancels a slow scan within seconds. Every folder is a temporary one.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchWindowTest {

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

    /** Scans with the real engine, the demo account served with {@code options}. */
    private static ScanService demoServedWith(SimulatorOptions options) {
        return new ScanService(CheckRegistry.builtIn().all(), ScanRunner.engine(),
                new ScanConnector(new SimulatedAccounts(options)), java.time.Clock.systemUTC());
    }

    private Workbench open(FxRobot robot, ScanService backend) {
        return open(robot, backend, "Adwaita");
    }

    private Workbench open(FxRobot robot, ScanService backend, String gtkTheme) {
        workbench = TestWorkbenchWindow.open(robot, stage, dir, backend, gtkTheme);
        return workbench;
    }

    @Test
    void withProfilesThereIsNoBannerAndTheLastProfileAndADarkDesktopAreFollowed(FxRobot robot) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("aws"));
        java.nio.file.Files.writeString(dir.resolve("aws/config"), "[profile audit]\nregion = eu-west-1\n\n"
                + "[profile prod]\nregion = us-east-1\n");
        java.nio.file.Files.createDirectories(dir.resolve("data"));
        java.nio.file.Files.writeString(dir.resolve("data/workbench.json"), "{\"lastProfile\": \"prod\"}");
        open(robot, TestWorkbenchWindow.engineBackend(), "Adwaita:dark");
        waitFor(() -> workbench.scans().targets().size() == 3 && workbench.darkProperty().get(), 10);
        assertEquals(ScanTarget.profile("prod"), workbench.scans().targetProperty().get());
        assertTrue(robot.lookup("#first-run-banner").tryQuery().isEmpty());
        Screenshots.write(robot, stage.getScene(), "workbench-profiles-dark");
        robot.interact(() -> workbench.darkProperty().set(false));
    }

    @Test
    void addARealProfileOpensTheProfilesPage(FxRobot robot) throws Exception {
        open(robot, TestWorkbenchWindow.engineBackend());
        waitFor(() -> robot.lookup("#first-run-banner").tryQuery().isPresent(), 10);
        robot.clickOn("#first-run-profiles");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(WorkbenchPages.PROFILES, workbench.shell().currentPageProperty().get());
        Screenshots.write(robot, stage.getScene(), "workbench-profiles-page-light");
    }

    @Test
    void aMalformedSettingsFileIsANoticeNotACrash(FxRobot robot) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("data"));
        java.nio.file.Files.writeString(dir.resolve("data/workbench.json"), "{ not json");
        open(robot, TestWorkbenchWindow.engineBackend());
        assertTrue(workbench.lastNoticeProperty().get().contains("could not be read"));
        robot.interact(() -> stage.hide());
        assertTrue(java.nio.file.Files.readString(dir.resolve("data/workbench.json")).contains("\"theme\""),
                "saved again on close");
    }

    @Test
    void aFileThatIsNotADatabaseIsLeftUntouchedAndTheWindowStillOpens(FxRobot robot) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("data"));
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        java.nio.file.Files.write(dir.resolve("data/tablewarden.db"), garbage);
        open(robot, TestWorkbenchWindow.engineBackend());
        assertTrue(stage.isShowing());
        assertNull(workbench.store(), "a file that is not ours is not used");
        String notice = workbench.lastNoticeProperty().get();
        assertNotNull(notice);
        assertTrue(notice.contains("is not a Tablewarden scan database") && notice.contains("left untouched"), notice);
        assertTrue(!notice.contains("Exception") && !notice.contains("\tat "), notice);
        assertArrayEquals(garbage, java.nio.file.Files.readAllBytes(dir.resolve("data/tablewarden.db")));
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir.resolve("data"))) {
            assertTrue(files.noneMatch(f -> !f.getFileName().toString().equals("tablewarden.db")
                    && f.getFileName().toString().startsWith("tablewarden.db")), "nothing moved or added");
        }
        Screenshots.write(robot, stage.getScene(), "workbench-database-moved-light");
    }

    @Test
    void aProfileWithoutCredentialsFailsWithAHumanMessage(FxRobot robot) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("aws"));
        java.nio.file.Files.writeString(dir.resolve("aws/config"), "[profile ghost]\nregion = eu-west-1\n");
        open(robot, TestWorkbenchWindow.engineBackend());
        waitFor(() -> workbench.scans().targets().contains(ScanTarget.profile("ghost")), 10);
        robot.interact(() -> workbench.scans().targetProperty().set(ScanTarget.profile("ghost")));
        robot.type(javafx.scene.input.KeyCode.F5);
        waitFor(() -> workbench.scans().stateProperty().get() != ScanViewModel.State.RUNNING, 60);
        String problem = workbench.scans().problemProperty().get();
        assertNotNull(problem, "the scan page says what went wrong");
        assertTrue(!problem.contains("Exception") && !problem.contains("\tat "), problem);
        // The scan reads the same files the workbench lists: the profile exists, it only lacks credentials.
        assertTrue(problem.startsWith("Profile ghost has no credentials"), problem);
        Screenshots.write(robot, stage.getScene(), "workbench-scan-no-credentials-light");
        robot.lookup(".dialog-pane").tryQuery().ifPresent(pane -> robot.interact(
                () -> pane.getScene().getWindow().hide()));
    }

    @Test
    void expiredKeysFailTheScanWithWhatToDoNext(FxRobot robot) throws Exception {
        try (io.tablewarden.simulator.AccountSimulator account = io.tablewarden.simulator.AccountSimulator
                .startDemo(SimulatorOptions.builder().build())) {
            java.nio.file.Files.createDirectories(dir.resolve("aws"));
            java.nio.file.Files.writeString(dir.resolve("aws/config"), "[profile stale]\nregion = us-east-1\n"
                    + "endpoint_url = " + account.endpoint() + "\n");
            java.nio.file.Files.writeString(dir.resolve("aws/credentials"), "[stale]\n"
                    + "aws_access_key_id = EXPIREDAKID000000000\naws_secret_access_key = not-a-secret\n");
            open(robot, TestWorkbenchWindow.engineBackend());
            waitFor(() -> workbench.scans().targets().contains(ScanTarget.profile("stale")), 10);
            robot.interact(() -> workbench.scans().targetProperty().set(ScanTarget.profile("stale")));
            robot.type(javafx.scene.input.KeyCode.F5);
            waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent(), 60);
            assertEquals(ScanViewModel.State.FAILED, workbench.scans().stateProperty().get());
            javafx.scene.control.DialogPane pane = robot.lookup(".dialog-pane").query();
            String text = pane.getContentText() == null ? "" : pane.getContentText();
            text += robot.from(pane).lookup(".label").queryAll().stream()
                    .filter(n -> n instanceof javafx.scene.control.Label)
                    .map(n -> ((javafx.scene.control.Label) n).getText()).collect(
                            java.util.stream.Collectors.joining("\n"));
            assertTrue(text.contains("ExpiredToken"), text);
            assertTrue(text.contains("Profile stale needs a sign-in or fresh credentials"), text);
            assertTrue(!text.contains("Exception:") && !text.contains("\tat "), text);
            Screenshots.write(robot, pane.getScene(), "workbench-scan-expired-dialog-light");
            robot.interact(() -> pane.getScene().getWindow().hide());
        }
    }

    @Test
    void anErrorDialogHasTheMessageAndFoldedDetails(FxRobot robot) throws Exception {
        open(robot, TestWorkbenchWindow.engineBackend());
        robot.interact(() -> workbench.showError("The scan could not start",
                "The profile needs a fresh sign-in. Open the Profiles page and sign in again.",
                new IllegalStateException("token expired")));
        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent(), 5);
        javafx.scene.control.DialogPane pane = robot.lookup(".dialog-pane").query();
        assertNotNull(pane.getExpandableContent());
        Screenshots.write(robot, pane.getScene(), "workbench-error-dialog-light");
        robot.interact(() -> ((Stage) pane.getScene().getWindow()).close());
        robot.interact(() -> workbench.darkProperty().set(true));
        robot.interact(() -> workbench.showError("The scan could not start",
                "The profile needs a fresh sign-in. Open the Profiles page and sign in again.",
                new IllegalStateException("token expired")));
        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent(), 5);
        javafx.scene.control.DialogPane darkPane = robot.lookup(".dialog-pane").query();
        Screenshots.write(robot, darkPane.getScene(), "workbench-error-dialog-dark");
        robot.interact(() -> ((Stage) darkPane.getScene().getWindow()).close());
        robot.interact(() -> workbench.darkProperty().set(false));
    }

    @Test
    void firstRunOpensOnTheDemoAccountAndScansItFromTheBanner(FxRobot robot) throws Exception {
        open(robot, TestWorkbenchWindow.engineBackend());
        waitFor(() -> robot.lookup("#first-run-banner").tryQuery().isPresent(), 10);
        assertEquals(ScanTarget.DEMO, workbench.scans().targetProperty().get());
        assertEquals(WorkbenchPages.SCANS, workbench.shell().currentPageProperty().get());
        Screenshots.write(robot, stage.getScene(), "workbench-first-run-light");

        robot.clickOn("#first-run-scan");
        waitFor(() -> workbench.scans().stateProperty().get() != ScanViewModel.State.RUNNING, 90);
        assertEquals(ScanViewModel.State.COMPLETED, workbench.scans().stateProperty().get(),
                workbench.scans().problemProperty().get());
        assertNotNull(workbench.currentScan().get());
        assertEquals(DemoAccount.results(), workbench.currentScan().get().rows().size());
        assertNotNull(workbench.currentScan().get().scanId(), "the scan was recorded");
        // The banner's first offer is done: it now points at the findings and still offers a real profile.
        assertTrue(robot.lookup("#first-run-banner").tryQuery().isEmpty());
        assertTrue(robot.lookup("#demo-scanned-banner").tryQuery().isPresent());
        assertTrue(robot.lookup("#first-run-profiles").tryQuery().isPresent());
        Screenshots.write(robot, stage.getScene(), "workbench-scan-light");

        robot.interact(() -> workbench.darkProperty().set(true));
        Screenshots.write(robot, stage.getScene(), "workbench-scan-dark");
        robot.clickOn("#demo-scanned-findings");
        assertEquals(WorkbenchPages.FINDINGS, workbench.shell().currentPageProperty().get());
        Node table = robot.lookup("#findings-table").query();
        assertTrue(table.isVisible(), "the Findings page shows the scan just made");
        Screenshots.write(robot, stage.getScene(), "workbench-findings-dark");
        robot.interact(() -> workbench.showPage(WorkbenchPages.COMPLIANCE));
        Screenshots.write(robot, stage.getScene(), "workbench-compliance-dark");
        robot.interact(() -> workbench.showPage(WorkbenchPages.HISTORY));
        assertEquals(WorkbenchPages.HISTORY, workbench.shell().currentPageProperty().get());
        Screenshots.write(robot, stage.getScene(), "workbench-history-dark");
        robot.interact(() -> workbench.darkProperty().set(false));
    }

    @Test
    void aRegionWhereListingIsDeniedShowsWhyWhileTheOtherRegionsFinish(FxRobot robot) throws Exception {
        // As a service control policy denying eu-west-1 would: every call there is refused, the rest answer.
        SimulatorOptions denied = SimulatorOptions.builder().shiftRecoveryPointsToNow(true)
                .faults(FaultSettings.NONE.withAccessDenied(java.util.List.of(
                        new FaultSettings.AccessRule("dynamodb:ListTables", null, "eu-west-1")))).build();
        open(robot, demoServedWith(denied));
        waitFor(() -> robot.lookup("#first-run-banner").tryQuery().isPresent(), 10);
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.R)
                .release(javafx.scene.input.KeyCode.CONTROL);
        waitFor(() -> workbench.scans().stateProperty().get() != ScanViewModel.State.RUNNING
                && workbench.scans().stateProperty().get() != ScanViewModel.State.IDLE, 90);
        assertEquals(ScanViewModel.State.COMPLETED, workbench.scans().stateProperty().get(),
                workbench.scans().problemProperty().get());

        Map<String, io.tablewarden.ui.scan.RegionStatus> rows = new java.util.TreeMap<>();
        workbench.scans().regionRows().forEach(r -> rows.put(r.region(), r));
        assertEquals(java.util.Set.of("ap-southeast-2", "eu-central-1", "eu-west-1", "us-east-1"), rows.keySet());
        io.tablewarden.ui.scan.RegionStatus west = rows.get("eu-west-1");
        // The region is scanned with a gap: its DAX clusters and backup settings answered, its tables could not
        // be listed.
        assertEquals(io.tablewarden.ui.scan.RegionStatus.Phase.INCOMPLETE, west.phaseProperty().get());
        assertEquals(DemoAccount.resultsWithoutTableList("eu-west-1") + " results", west.messageProperty().get());
        String detail = west.detailProperty().get();
        assertEquals("1 call failed: dynamodb:ListTables (AccessDeniedException); grant dynamodb:ListTables to"
                + " the scanning identity", detail);
        assertTrue(workbench.scans().activityProperty().get().contains("1 region has calls that failed"),
                workbench.scans().activityProperty().get());
        rows.forEach((region, row) -> {
            if (!region.equals("eu-west-1")) {
                assertEquals(io.tablewarden.ui.scan.RegionStatus.Phase.DONE, row.phaseProperty().get(), region);
            }
        });
        // The other regions' results are all there.
        assertEquals(DemoAccount.results() - DemoAccount.results("eu-west-1"),
                workbench.currentScan().get().rows().stream()
                .filter(r -> !r.result().resource().region().equals("eu-west-1")).count());

        // On screen: the failed row is marked and shows the reason.
        Node list = robot.lookup("#scan-region-rows").query();
        Node failedRow = robot.from(list).lookup(".region-row.incomplete").query();
        javafx.scene.control.Label shown = robot.from(failedRow).lookup(".region-detail").queryAs(
                javafx.scene.control.Label.class);
        assertEquals(detail, shown.getText());
        assertTrue(shown.isVisible());
        Screenshots.write(robot, stage.getScene(), "workbench-scan-region-denied-light");

        assertTrue(shown.getHeight() > 1.5 * shown.getFont().getSize(), "the reason wraps, it is not cut: "
                + shown.getHeight());
        robot.interact(() -> workbench.darkProperty().set(true));
        Screenshots.write(robot, stage.getScene(), "workbench-scan-region-denied-dark");
        robot.interact(() -> workbench.darkProperty().set(false));
    }

    @Test
    void keyboardSwitchesPagesAndCancelStopsASlowScanWithinSeconds(FxRobot robot) throws Exception {
        SimulatorOptions slow = SimulatorOptions.builder().shiftRecoveryPointsToNow(true)
                .faults(FaultSettings.NONE.withLatency(400, 0)).build();
        open(robot, demoServedWith(slow));
        waitFor(() -> robot.lookup("#first-run-banner").tryQuery().isPresent(), 10);

        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.DIGIT3)
                .release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(WorkbenchPages.FINDINGS, workbench.shell().currentPageProperty().get());

        robot.interact(() -> workbench.showPage(WorkbenchPages.SCANS));
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.F)
                .release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(WorkbenchPages.FINDINGS, workbench.shell().currentPageProperty().get(), "Ctrl+F");

        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT)
                .type(javafx.scene.input.KeyCode.D)
                .release(javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(workbench.darkProperty().get(), "Ctrl+Shift+D switches to the dark theme");
        robot.interact(() -> workbench.darkProperty().set(false));

        robot.type(javafx.scene.input.KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(WorkbenchPages.SCANS, workbench.shell().currentPageProperty().get());
        assertEquals(ScanViewModel.State.RUNNING, workbench.scans().stateProperty().get());
        waitFor(() -> !workbench.scans().regionRows().isEmpty(), 30);
        Screenshots.write(robot, stage.getScene(), "workbench-scan-running-light");

        long before = System.nanoTime();
        robot.clickOn("#scan-cancel");
        waitFor(() -> workbench.scans().stateProperty().get() != ScanViewModel.State.RUNNING, 15);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - before);
        assertEquals(ScanViewModel.State.CANCELLED, workbench.scans().stateProperty().get());
        assertTrue(seconds < 10, "cancelled after " + seconds + " s");
    }
}
