package io.tablewarden.ui.app;

import io.tablewarden.app.ScanService;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.profiles.ProfileEnvironment;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Opens the real workbench window for tests. Every folder the pages may read or write is under one temporary
 * folder: the AWS files in {@code aws}, the home folder in {@code home}, the database and the profile test
 * results in {@code data}.
 */
final class TestWorkbenchWindow {

    private TestWorkbenchWindow() {
    }

    /** Opens the workbench in {@code stage} over the folders under {@code dir}. */
    static Workbench open(FxRobot robot, Stage stage, Path dir, ScanService backend, String gtkTheme) {
        ProfileEnvironment profiles = new ProfileEnvironment(Map.of(
                "AWS_CONFIG_FILE", dir.resolve("aws/config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", dir.resolve("aws/credentials").toString(),
                "HOME", dir.resolve("home").toString(),
                "TABLEWARDEN_DATA_DIR", dir.resolve("data").toString()), dir.resolve("home"));
        WorkbenchEnvironment environment = WorkbenchEnvironment.withStore(dir.resolve("data"),
                dir.resolve("data/tablewarden.db"), profiles, CheckRegistry.builtIn().all(), backend,
                Map.of("GTK_THEME", gtkTheme));
        AtomicReference<Workbench> opened = new AtomicReference<>();
        robot.interact(() -> opened.set(Workbench.open(stage, environment)));
        return opened.get();
    }

    /** Scans with the real engine and the built-in checks. */
    static ScanService engineBackend() {
        return ScanService.standard(CheckRegistry.builtIn().all());
    }

    /** Hides the window and closes the database the workbench opened, if any. */
    static void close(FxRobot robot, Stage stage, Workbench workbench) {
        robot.interact(() -> stage.hide());
        if (workbench != null && workbench.store() != null) {
            workbench.store().close();
        }
    }

    /** Waits until {@code condition} holds, then for the UI thread to settle. */
    static void waitFor(BooleanSupplier condition, int seconds) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
