package io.tablewarden.ui.app;

import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.model.Status;
import io.tablewarden.profiles.ProfileEnvironment;
import io.tablewarden.store.StoredResult;
import io.tablewarden.ui.export.ExportViewModel;
import io.tablewarden.ui.mute.MuteViewModel;
import io.tablewarden.ui.mute.MutesViewModel;
import io.tablewarden.ui.profiles.MfaCodeDialog;
import io.tablewarden.ui.profiles.ProfileServices;
import io.tablewarden.ui.profiles.SsoLoginViewModel;
import io.tablewarden.ui.scan.ScanViewModel;
import io.tablewarden.ui.shell.Dialogs;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The workbench under a real X server and window manager, started by {@link WindowManagerSmokeTest} in a JVM of
 * its own (the GTK toolkit, not Monocle). It opens the window on the demo account, scans it, opens every dialog
 * the way the workbench does, and writes one line per observation to the report file given as its argument:
 * {@code MAIN …}, {@code DIALOG <title> …} and {@code PROBLEM <what>}; the test reads the file and judges.
 * Geometry is read twice: from JavaFX and from the X server ({@code xwininfo}), which is what the user sees.
 */
public final class WindowManagerSmoke {

    private static Path dir;
    /** Where to write a picture of the screen at each step (docs/images/window-screenshots.sh), or null. */
    private static final String SHOTS = System.getProperty("tablewarden.smoke.shots");
    private static String theme = "light";
    private static final List<String> lines = new ArrayList<>();

    private WindowManagerSmoke() {
    }

    /** @param args the report file, then the folder for the AWS files, the home folder and the data */
    public static void main(String[] args) throws Exception {
        Path report = Path.of(args[0]);
        dir = Path.of(args[1]);
        Thread driver = new Thread(() -> {
            try {
                drive();
            } catch (Throwable e) {
                line("PROBLEM the smoke run stopped: " + e + " at " + java.util.Arrays.toString(e.getStackTrace()));
            } finally {
                write(report);
                Platform.exit();
            }
        }, "smoke-driver");
        driver.setDaemon(true);
        SmokeApp.started = driver;
        Application.launch(SmokeApp.class);
        System.exit(0);
    }

    /** The JavaFX application: opens the workbench and hands over to the driver thread. */
    public static final class SmokeApp extends Application {
        static Thread started;
        static volatile Workbench workbench;
        static volatile Stage main;

        @Override
        public void start(Stage stage) {
            ProfileEnvironment profiles = new ProfileEnvironment(Map.of(
                    "AWS_CONFIG_FILE", dir.resolve("aws/config").toString(),
                    "AWS_SHARED_CREDENTIALS_FILE", dir.resolve("aws/credentials").toString(),
                    "HOME", dir.resolve("home").toString(),
                    "TABLEWARDEN_DATA_DIR", dir.resolve("data").toString()), dir.resolve("home"));
            WorkbenchEnvironment environment = WorkbenchEnvironment.withStore(dir.resolve("data"),
                    dir.resolve("data/tablewarden.db"), profiles, CheckRegistry.builtIn().all(),
                    TestWorkbenchWindow.engineBackend(), Map.of("GTK_THEME", "Adwaita"));
            main = stage;
            workbench = Workbench.open(stage, environment);
            started.start();
        }
    }

    private static void drive() throws Exception {
        Stage stage = SmokeApp.main;
        Workbench workbench = SmokeApp.workbench;
        waitFor(stage::isShowing, 30);
        settle(stage);
        WindowSize intended = onFx(workbench::intendedSize);
        String mainTitle = onFx(stage::getTitle);
        line("MAIN intended " + intended.width() + "x" + intended.height() + " maximized=" + intended.maximized()
                + " " + describe(stage) + " " + xGeometry(mainTitle) + " wmState=" + wmState(mainTitle));

        onFx(() -> {
            workbench.runScan();
            return null;
        });
        waitFor(() -> workbench.scans().stateProperty().get() == ScanViewModel.State.COMPLETED, 90);
        StoredResult failure = onFx(() -> workbench.currentScan().get().rows().stream()
                .filter(r -> r.result().status() == Status.FAIL).findFirst().orElseThrow());

        Dialogs dialogs = workbench.dialogs();
        Map<String, Runnable> openers = new LinkedHashMap<>();
        openers.put("Add profile", () -> {
            workbench.showPage(WorkbenchPages.PROFILES);
            // After the page's first layout, as a click would come.
            Platform.runLater(() -> {
                Node add = stage.getScene().lookup("#add-profile");
                if (add == null) {
                    line("PROBLEM the Profiles page has no Add button");
                } else {
                    clickWhenEnabled((Button) add);
                }
            });
        });
        openers.put("Mute", () -> new MuteViewModel(workbench, failure.result()).ask());
        openers.put("Mutes", () -> new MutesViewModel(workbench).show());
        openers.put("Export", () -> ExportViewModel.exportCurrentScan(workbench));
        openers.put("Delete profile", () -> dialogs.confirm(new Dialogs.Confirmation("Delete profile",
                "Delete the profile audit?", "Its section is removed from the AWS config file; a backup is kept.",
                "Delete")));
        openers.put("Rename profile", () -> dialogs.askText(new Dialogs.TextRequest("Rename profile", "New name",
                "audit", text -> "")));
        openers.put("Sign in to IAM Identity Center", () -> dialogs.open(new SsoLoginViewModel(
                ProfileServices.of(workbench.profileEnvironment()), workbench.executor(), "no-such-profile")));
        openers.put("MFA code", () -> new Thread(() -> new MfaCodeDialog(() -> stage)
                .mfaCode("client-audit", "arn:aws:iam::111122223333:mfa/consultant"), "mfa-question").start());
        openers.put("The scan could not run", () -> workbench.showError("The scan could not run",
                "The profile's credentials were refused by AWS. Test the profile on the Profiles page.",
                new IllegalStateException("example details")));
        openers.put("Keyboard shortcuts", () -> workbench.shell().shortcuts().show());
        openers.put("About Tablewarden", () -> workbench.about().show());

        for (Map.Entry<String, Runnable> opener : openers.entrySet()) {
            check(stage, mainTitle, intended, opener.getKey(), opener.getValue());
        }
        if (SHOTS != null) {
            shootEverything(workbench, stage, mainTitle, intended, openers);
        }
    }

    /** Pictures of every page and dialog, light and dark, and of a menu and a drop-down in the dark theme. */
    private static void shootEverything(Workbench workbench, Stage stage, String mainTitle, WindowSize intended,
                                        Map<String, Runnable> openers) throws Exception {
        for (String look : List.of("light", "dark")) {
            theme = look;
            onFx(() -> {
                workbench.darkProperty().set(look.equals("dark"));
                return null;
            });
            for (String page : List.of(WorkbenchPages.PROFILES, WorkbenchPages.SCANS, WorkbenchPages.FINDINGS,
                    WorkbenchPages.COMPLIANCE, WorkbenchPages.HISTORY)) {
                onFx(() -> {
                    workbench.showPage(page);
                    return null;
                });
                Thread.sleep(1200);
                shoot(page);
            }
            // The findings' other tabs: the posture matrix, and a failing resource's detail.
            javafx.scene.control.TabPane findingsTabs = onFx(() -> {
                workbench.showPage(WorkbenchPages.FINDINGS);
                javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) workbench.shell()
                        .pageView(WorkbenchPages.FINDINGS).lookup(".tab-pane");
                tabs.getSelectionModel().select(1);
                return tabs;
            });
            Thread.sleep(1200);
            shoot("matrix");
            onFx(() -> {
                String failing = workbench.currentScan().get().rows().stream()
                        .filter(r -> r.result().status() == Status.FAIL).findFirst().orElseThrow()
                        .result().resource().arn();
                ((io.tablewarden.ui.results.FindingsView) workbench.shell().pageView(WorkbenchPages.FINDINGS))
                        .openResource(failing, null);
                return null;
            });
            Thread.sleep(1200);
            shoot("resource");
            onFx(() -> {
                findingsTabs.getSelectionModel().select(0);
                return null;
            });
            if (look.equals("dark")) {
                onFx(() -> {
                    workbench.showPage(WorkbenchPages.SCANS);
                    ((javafx.scene.control.ComboBox<?>) stage.getScene().lookup(".combo-box")).show();
                    return null;
                });
                Thread.sleep(1000);
                shoot("popup-dropdown");
                onFx(() -> {
                    ((javafx.scene.control.ComboBox<?>) stage.getScene().lookup(".combo-box")).hide();
                    ((javafx.scene.control.MenuBar) stage.getScene().lookup(".menu-bar")).getMenus().get(0).show();
                    return null;
                });
                Thread.sleep(1000);
                shoot("popup-menu");
                onFx(() -> {
                    ((javafx.scene.control.MenuBar) stage.getScene().lookup(".menu-bar")).getMenus().get(0).hide();
                    return null;
                });
            }
            for (Map.Entry<String, Runnable> opener : openers.entrySet()) {
                check(stage, mainTitle, intended, opener.getKey(), opener.getValue());
            }
        }
    }

    private static void shoot(String name) throws Exception {
        Path folder = Path.of(SHOTS);
        Files.createDirectories(folder);
        String file = folder.resolve(name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-" + theme
                + ".png").toString();
        run("import", "-window", "root", file);
    }

    /**
     * Clicks {@code button} now, or as soon as it is enabled: the Profiles page disables Add while it reads the
     * profiles, which it does again when it is shown, and a click on a disabled button does nothing.
     */
    private static void clickWhenEnabled(Button button) {
        if (!button.isDisabled()) {
            button.fire();
            return;
        }
        button.disabledProperty().addListener(new javafx.beans.value.ChangeListener<Boolean>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> value, Boolean was,
                                Boolean disabled) {
                if (!disabled) {
                    button.disabledProperty().removeListener(this);
                    button.fire();
                }
            }
        });
    }

    /** Opens one dialog, waits until the window manager has placed it, records what it sees, closes it. */
    private static void check(Stage main, String mainTitle, WindowSize intended, String name, Runnable open)
            throws Exception {
        List<Window> before = onFx(() -> new ArrayList<>(Window.getWindows()));
        Platform.runLater(() -> {
            try {
                open.run();
            } catch (RuntimeException e) {
                line("PROBLEM " + name + " could not be opened: " + e);
            }
        });
        Stage[] dialog = new Stage[1];
        waitFor(() -> {
            dialog[0] = onFxQuietly(() -> Window.getWindows().stream()
                    .filter(w -> !before.contains(w) && w.isShowing() && w instanceof Stage)
                    .map(w -> (Stage) w).findFirst().orElse(null));
            return dialog[0] != null;
        }, 40);
        settle(dialog[0]);
        String title = onFx(dialog[0]::getTitle);
        String measured = onFx(() -> measure(dialog[0]));
        if (SHOTS != null) {
            shoot("dialog-" + name);
        }
        line("DIALOG " + name + " | title=" + title + " " + measured + " " + xGeometry(title)
                + " | main " + describe(main) + " wmState=" + wmState(mainTitle));
        onFx(() -> {
            close(dialog[0]);
            return null;
        });
        waitFor(() -> !onFxQuietly(dialog[0]::isShowing), 10);
        // The owner's size or maximized state, once the dialog is gone.
        Thread.sleep(400);
        line("AFTER " + name + " | main " + describe(main) + " wmState=" + wmState(mainTitle)
                + " intendedMaximized=" + intended.maximized());
    }

    /** The dialog's size against its content's preferred size, and its buttons against its window. */
    private static String measure(Stage window) {
        StringBuilder out = new StringBuilder();
        out.append(describe(window));
        DialogPane pane = window.getScene().getRoot() instanceof DialogPane p ? p : null;
        if (pane == null) {
            return out.append(" pane=none").toString();
        }
        double prefWidth = pane.prefWidth(-1);
        double prefHeight = pane.prefHeight(prefWidth);
        out.append(String.format(Locale.ROOT, " scene=%.0fx%.0f pref=%.0fx%.0f", window.getScene().getWidth(),
                window.getScene().getHeight(), prefWidth, prefHeight));
        List<String> buttons = new ArrayList<>();
        for (ButtonType type : pane.getButtonTypes()) {
            Node button = pane.lookupButton(type);
            if (button == null || !button.isVisible()) {
                continue;
            }
            Bounds b = button.localToScene(button.getBoundsInLocal());
            boolean inside = b.getMinX() >= 0 && b.getMinY() >= 0 && b.getMaxX() <= window.getScene().getWidth() + 0.5
                    && b.getMaxY() <= window.getScene().getHeight() + 0.5 && b.getWidth() > 10 && b.getHeight() > 10;
            buttons.add(type.getText().replace(' ', '_') + (inside ? ":inside" : ":outside"));
        }
        out.append(" buttons=").append(String.join(",", buttons));
        return out.toString();
    }

    private static void close(Stage window) {
        if (window.getScene().getRoot() instanceof DialogPane pane) {
            for (ButtonType type : pane.getButtonTypes()) {
                if (type.getButtonData() == ButtonBar.ButtonData.CANCEL_CLOSE) {
                    ((Button) pane.lookupButton(type)).fire();
                    return;
                }
            }
        }
        window.close();
    }

    private static String describe(Window w) {
        boolean maximized = w instanceof Stage s && s.isMaximized();
        return String.format(Locale.ROOT, "fx=%.0f,%.0f,%.0fx%.0f fxMaximized=%s", w.getX(), w.getY(), w.getWidth(),
                w.getHeight(), maximized);
    }

    /** Where the X server has the window titled {@code title}: {@code x=… y=… w=… h=… screen=WxH}. */
    private static String xGeometry(String title) throws Exception {
        String id = windowId(title);
        if (id.isBlank()) {
            return "x=none";
        }
        String info = run("xwininfo", "-id", id.trim());
        String root = run("xwininfo", "-root");
        return "x=" + field(info, "Absolute upper-left X:") + " y=" + field(info, "Absolute upper-left Y:")
                + " w=" + field(info, "Width:") + " h=" + field(info, "Height:")
                + " screen=" + field(root, "Width:") + "x" + field(root, "Height:");
    }

    private static String wmState(String title) throws Exception {
        String id = windowId(title);
        if (id.isBlank()) {
            return "none";
        }
        String state = run("xprop", "-id", id.trim(), "_NET_WM_STATE");
        return state.contains("_NET_WM_STATE_MAXIMIZED_HORZ") && state.contains("_NET_WM_STATE_MAXIMIZED_VERT")
                ? "maximized" : "normal";
    }

    private static String windowId(String title) throws Exception {
        String pattern = "^" + title.replaceAll("[.*+?()\\[\\]{}|^$\\\\]", "\\\\$0") + "$";
        return run("xdotool", "search", "--onlyvisible", "--name", pattern).lines().findFirst().orElse("");
    }

    private static String field(String text, String name) {
        return text.lines().map(String::trim).filter(l -> l.startsWith(name)).findFirst()
                .map(l -> l.substring(name.length()).trim()).orElse("?");
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    /** Waits until the window's size and place stop changing (the window manager has answered). */
    private static void settle(Window window) throws Exception {
        // DialogPlacement looks at a shown dialog again after 0.3 s and 1.2 s; judge it after that
        Thread.sleep(1500);
        String last = "";
        for (int i = 0; i < 40; i++) {
            Thread.sleep(250);
            String now = onFx(() -> describe(window));
            if (now.equals(last)) {
                return;
            }
            last = now;
        }
    }

    private static void waitFor(BooleanSupplier condition, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("waited " + seconds + " s in vain");
            }
            Thread.sleep(100);
        }
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(20, TimeUnit.SECONDS);
    }

    private static <T> T onFxQuietly(Callable<T> work) {
        try {
            return onFx(work);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void line(String text) {
        lines.add(text);
        System.out.println(text);
    }

    private static synchronized void write(Path report) {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(report, StandardCharsets.UTF_8))) {
            lines.forEach(out::println);
        } catch (IOException e) {
            System.err.println("cannot write " + report + ": " + e);
        }
    }
}
