package io.tablewarden.ui.app;

import atlantafx.base.theme.Styles;
import io.tablewarden.engine.checks.Check;
import io.tablewarden.profiles.ProfileCatalog;
import io.tablewarden.profiles.ProfileEnvironment;
import io.tablewarden.store.TablewardenStore;
import io.tablewarden.ui.model.ScanSnapshot;
import io.tablewarden.ui.results.ResultsNavigation;
import io.tablewarden.app.ScanTarget;
import io.tablewarden.ui.scan.ScanViewModel;
import io.tablewarden.ui.history.LastScan;
import io.tablewarden.ui.shell.Dialogs;
import io.tablewarden.ui.shell.ErrorDialog;
import io.tablewarden.ui.shell.FxDialogs;
import io.tablewarden.ui.shell.Keys;
import io.tablewarden.ui.help.AboutViewModel;
import io.tablewarden.report.BuildInfo;
import io.tablewarden.logging.LogFolder;
import io.tablewarden.ui.shell.WorkbenchContext;
import io.tablewarden.ui.tasks.FxTaskExecutor;
import io.tablewarden.ui.tasks.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The running workbench: wires the shell, the pages, the scan page's model, the theme and the preferences to
 * one window, and is the {@link WorkbenchContext} every page receives.
 */
public final class Workbench implements WorkbenchContext {

    private final Stage stage;
    private final WorkbenchEnvironment environment;
    private final FxTaskExecutor executor = new FxTaskExecutor(3);
    private final ObjectProperty<ScanSnapshot> currentScan = new SimpleObjectProperty<>();
    private final ResultsNavigation navigation = new ResultsNavigation();
    private final FxDialogs dialogs;
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper lastNotice = new ReadOnlyStringWrapper();
    private final PreferencesFile preferencesFile;
    private final WorkbenchPreferences preferences;
    private final ScanViewModel scans;
    private final WorkbenchShell shell;
    private boolean followingSystem;
    private boolean applyingSystemTheme;
    private boolean firstRunShown;
    private WindowSize intendedSize;

    private Workbench(Stage stage, WorkbenchEnvironment environment) {
        this.stage = stage;
        this.environment = environment;
        this.preferencesFile = new PreferencesFile(environment.dataFolder().resolve(PreferencesFile.FILE_NAME));
        this.preferences = preferencesFile.load();
        this.dialogs = WorkbenchDialogs.create(() -> stage, executor);
        this.scans = new ScanViewModel(executor, environment.scanService().withProfiles(environment.profiles()),
                environment.checks(), environment.store(),
                currentScan, Clock.systemUTC());
        DoubleProperty scanDivider = new SimpleDoubleProperty(preferences.divider("scan", 0.5));
        scanDivider.addListener((o, was, now) -> preferences.dividers.put("scan", now.doubleValue()));
        this.shell = new WorkbenchShell(WorkbenchPages.all(scans, scanDivider, navigation), this,
                new WorkbenchShell.Actions(this::runScan, stage::close, () -> about().show(),
                        () -> about().openDataFolder()), dark);
    }

    /**
     * Builds the workbench into {@code stage} and shows it; folders are not opened in the file manager (tests).
     * Call on the UI thread.
     */
    public static Workbench open(Stage stage, WorkbenchEnvironment environment) {
        return open(stage, environment, null);
    }

    /**
     * Builds the workbench into {@code stage} and shows it. Call on the UI thread.
     *
     * @param showDocument opens a file or folder URI on the desktop (the application's host services), or null
     */
    public static Workbench open(Stage stage, WorkbenchEnvironment environment,
                                 java.util.function.Consumer<String> showDocument) {
        AppIcons.installOnEveryWindow();
        Workbench workbench = new Workbench(stage, environment);
        workbench.dialogs.openingDocumentsWith(showDocument);
        workbench.show();
        return workbench;
    }

    private void show() {
        setUpTheme();
        Scene scene = new Scene(shell.root());
        shell.install(scene);
        stage.setTitle("Tablewarden");
        stage.setScene(scene);
        placeWindow();
        stage.setOnHidden(e -> close());
        shell.setStoreStatus(environment.store() != null ? "Scans kept in " + environment.databaseFile()
                : "Scans are not kept (no database)");
        currentScan.addListener((o, was, now) -> shell.setScanStatus(describe(now)));
        scans.stateProperty().addListener((o, was, now) -> {
            if (now == ScanViewModel.State.COMPLETED && firstRunBannerShown()) {
                // "Scan the demo account" is done: point at the findings and keep the way to a real profile.
                shell.setBanner(scans.scopeProperty().get() == ScanViewModel.Scope.ORGANIZATION
                        ? demoOrganizationScannedBanner() : demoScannedBanner());
            }
            if (now == ScanViewModel.State.FAILED && scans.problemProperty().get() != null) {
                String problem = scans.problemProperty().get();
                String next = scans.nextStep();
                showError("The scan could not run", problem + "\n\n" + next, null);
            }
        });
        scans.targetProperty().addListener((o, was, now) -> {
            preferences.lastProfile = now == null || now.isDemo() ? null : now.profile();
        });
        shell.currentPageProperty().addListener((o, was, now) -> {
            preferences.lastPage = now;
            if (WorkbenchPages.SCANS.equals(now) && was != null) {
                // Profiles may have been added or renamed on the Profiles page meanwhile.
                loadProfiles();
            }
        });
        String firstPage = preferences.lastPage != null ? preferences.lastPage : WorkbenchPages.SCANS;
        shell.showPage(firstPage);
        if (shell.currentPageProperty().get() == null) {
            shell.showPage(WorkbenchPages.SCANS);
        }
        stage.show();
        loadProfiles();
        if (preferencesFile.notice() != null) {
            notify(preferencesFile.notice());
        }
        if (environment.storeProblem() != null) {
            notify(environment.storeProblem());
        } else if (environment.store() != null) {
            environment.store().notices().forEach(this::notify);
            // The last audit is on screen again, as it was left; a scan started meanwhile is not replaced.
            LastScan.open(this, true);
        }
    }

    // WorkbenchContext

    @Override
    public ObjectProperty<ScanSnapshot> currentScan() {
        return currentScan;
    }

    @Override
    public TaskExecutor executor() {
        return executor;
    }

    @Override
    public TablewardenStore store() {
        return environment.store();
    }

    @Override
    public List<Check> checks() {
        return environment.checks();
    }

    @Override
    public ProfileEnvironment profileEnvironment() {
        return environment.profiles();
    }

    @Override
    public Dialogs dialogs() {
        return dialogs;
    }

    @Override
    public void notify(String message) {
        lastNotice.set(message);
        shell.showNotice(message, 6);
    }

    @Override
    public void showError(String title, String message, Throwable details) {
        ErrorDialog.create(stage, title, message, details).show();
    }

    @Override
    public void showPage(String pageId) {
        shell.showPage(pageId);
    }

    @Override
    public void openResource(String resourceArn) {
        navigation.openResource(this, resourceArn);
    }

    @Override
    public Path lastExportFolder() {
        return preferences.lastExportFolder == null ? null : Path.of(preferences.lastExportFolder);
    }

    @Override
    public void rememberExportFolder(Path folder) {
        preferences.lastExportFolder = folder == null ? null : folder.toString();
    }

    @Override
    public void profilesChanged() {
        // The scan choices list the new profiles, and a banner inviting to add one goes once one exists.
        loadProfiles();
    }

    // for the window's own parts and tests

    public WorkbenchShell shell() {
        return shell;
    }

    public ScanViewModel scans() {
        return scans;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    /** The last message given to {@link #notify(String)}. */
    public ReadOnlyStringProperty lastNoticeProperty() {
        return lastNotice.getReadOnlyProperty();
    }

    /** The About box's model: this build, this window's database and folders. */
    public AboutViewModel about() {
        AboutViewModel about = new AboutViewModel(BuildInfo.current(), environment.store() != null
                ? environment.databaseFile() : null, environment.dataFolder(), LogFolder.folder(), dialogs);
        about.problemProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                notify(now);
            }
        });
        return about;
    }

    /** Shows the scan page and starts a scan with its current choices. */
    public void runScan() {
        shell.showPage(WorkbenchPages.SCANS);
        scans.start();
    }

    // internals

    private void setUpTheme() {
        WorkbenchPreferences.Theme chosen = preferences.theme;
        followingSystem = chosen == WorkbenchPreferences.Theme.SYSTEM;
        dark.set(chosen == WorkbenchPreferences.Theme.DARK);
        ThemeSupport.apply(dark.get());
        dark.addListener((o, was, now) -> {
            ThemeSupport.apply(now);
            if (!applyingSystemTheme) {
                // The user chose: from now on the desktop's answer no longer matters.
                followingSystem = false;
                preferences.theme = now ? WorkbenchPreferences.Theme.DARK : WorkbenchPreferences.Theme.LIGHT;
            }
        });
        if (followingSystem) {
            // Asking the desktop may start a process; the window opens light and turns dark when told so.
            executor.submit(() -> ThemeSupport.systemPrefersDark(environment.variables()), systemDark -> {
                if (followingSystem) {
                    applyingSystemTheme = true;
                    dark.set(systemDark);
                    applyingSystemTheme = false;
                }
            }, error -> followingSystem = false);
        }
    }

    private void loadProfiles() {
        executor.submit(() -> ProfileCatalog.load(environment.profiles()).names(), names -> {
            // Read first: refilling the list passes the selection through the demo account.
            String last = preferences.lastProfile;
            scans.setProfiles(names);
            if (last != null && names.contains(last)) {
                scans.targetProperty().set(ScanTarget.profile(last));
            }
            if (!names.isEmpty()) {
                shell.setBanner(null);
            } else if (!firstRunShown) {
                firstRunShown = true;
                scans.targetProperty().set(ScanTarget.DEMO);
                shell.setBanner(firstRunBanner());
                shell.setScanStatus("Demo account · no AWS profile on this machine");
            }
        }, error -> {
            scans.setProfiles(List.of());
            showError("The AWS profiles could not be read", "Tablewarden could not read "
                    + environment.profiles().configFile() + " or " + environment.profiles().credentialsFile()
                    + ". The demo account still works; check the files on the Profiles page.", error);
        });
    }

    private Node firstRunBanner() {
        Button scanDemo = new Button("Scan the demo account", new FontIcon(Feather.PLAY));
        scanDemo.setId("first-run-scan");
        scanDemo.getStyleClass().add(Styles.ACCENT);
        scanDemo.setTooltip(new Tooltip(Keys.hint("Scan the simulated account now", Keys.SCAN)));
        scanDemo.disableProperty().bind(scans.stateProperty().isEqualTo(ScanViewModel.State.RUNNING));
        scanDemo.setOnAction(e -> {
            scans.targetProperty().set(ScanTarget.DEMO);
            scans.scopeProperty().set(ScanViewModel.Scope.ONE_ACCOUNT);
            runScan();
        });
        Button scanOrganization = new Button("Scan the demo organisation", new FontIcon(Feather.USERS));
        scanOrganization.setId("first-run-scan-organization");
        scanOrganization.setMinWidth(Button.USE_PREF_SIZE);
        scanOrganization.setTooltip(new Tooltip("Scan a simulated organisation: a management account and four"
                + " members in two OUs, one of them without its audit role"));
        scanOrganization.disableProperty().bind(scans.stateProperty().isEqualTo(ScanViewModel.State.RUNNING));
        scanOrganization.setOnAction(e -> {
            scans.targetProperty().set(ScanTarget.DEMO);
            scans.scopeProperty().set(ScanViewModel.Scope.ORGANIZATION);
            runScan();
        });
        return banner("first-run-banner", "No AWS profile was found on this machine, so this is the built-in demo"
                + " account: simulated DynamoDB tables and DAX clusters in four regions.", scanDemo,
                scanOrganization);
    }

    private Node demoScannedBanner() {
        Button findings = new Button("Show the findings", new FontIcon(Feather.LIST));
        findings.setId("demo-scanned-findings");
        findings.getStyleClass().add(Styles.ACCENT);
        findings.setTooltip(new Tooltip(Keys.hint("Open the Findings page", Keys.page(3))));
        findings.setOnAction(e -> shell.showPage(WorkbenchPages.FINDINGS));
        return banner("demo-scanned-banner", "The demo account is scanned. Its findings show what a real audit looks"
                + " like; add a profile to scan your own account.", findings);
    }

    private Node demoOrganizationScannedBanner() {
        Button compliance = new Button("Show the accounts", new FontIcon(Feather.PIE_CHART));
        compliance.setId("demo-organization-scanned-compliance");
        compliance.getStyleClass().add(Styles.ACCENT);
        compliance.setTooltip(new Tooltip("Open the Compliance page: every account's pass rate, worst first"));
        compliance.setOnAction(e -> shell.showPage(WorkbenchPages.COMPLIANCE));
        return banner("demo-scanned-banner", "The demo organisation is scanned: one member's role is missing, so it"
                + " shows the account-level error a real organisation would. Add a profile to scan your own.",
                compliance);
    }

    private boolean firstRunBannerShown() {
        return stage.getScene() != null && stage.getScene().lookup("#first-run-banner") != null;
    }

    /** A first-run message with its main action, "Add a real profile" and a close button. */
    private Node banner(String id, String message, Button action, Button... more) {
        Label text = new Label(message);
        text.getStyleClass().add("banner-text");
        text.setWrapText(true);
        text.setMinWidth(0);
        text.setMaxWidth(Double.MAX_VALUE);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(text, Priority.ALWAYS);
        action.setMinWidth(Button.USE_PREF_SIZE);
        Button addProfile = new Button("Add a real profile", new FontIcon(Feather.USER_PLUS));
        addProfile.setId("first-run-profiles");
        addProfile.setMinWidth(Button.USE_PREF_SIZE);
        addProfile.setTooltip(new Tooltip("Open the Profiles page to add an AWS profile"));
        addProfile.setOnAction(e -> shell.showPage(WorkbenchPages.PROFILES));
        Button close = new Button(null, new FontIcon(Feather.X));
        close.setId("banner-close");
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        close.setTooltip(new Tooltip("Hide this message"));
        close.setOnAction(e -> shell.setBanner(null));
        FontIcon info = new FontIcon(Feather.INFO);
        info.setIconSize(20);
        info.getStyleClass().add("banner-icon");
        HBox banner = new HBox(info, text, action);
        banner.getChildren().addAll(more);
        banner.getChildren().addAll(addProfile, close);
        banner.setId(id);
        banner.getStyleClass().add("banner");
        return banner;
    }

    private static String describe(ScanSnapshot scan) {
        if (scan == null) {
            return "No scan open";
        }
        StringBuilder text = new StringBuilder();
        if (scan.organization() != null) {
            long scanned = scan.organization().accounts().stream().filter(a -> a.scanned()).count();
            text.append("Organisation ").append(scan.organization().organizationId()).append(" · ").append(scanned)
                    .append(scanned == 1 ? " account" : " accounts");
            if (scan.organization().organizationScanId() != null) {
                text.append(" · organisation scan ").append(scan.organization().organizationScanId());
            }
            text.append(" · ").append(scan.info().state().toLowerCase(java.util.Locale.ROOT));
            text.append(" · ").append(scan.rows().size()).append(" results");
            return text.toString();
        }
        text.append(scan.info().accountId() == null ? "Account unknown" : "Account " + scan.info().accountId());
        if (scan.info().accountAlias() != null) {
            text.append(" (").append(scan.info().accountAlias()).append(')');
        }
        if (scan.scanId() != null) {
            text.append(" · scan ").append(scan.scanId());
        }
        text.append(" · ").append(scan.info().state().toLowerCase(java.util.Locale.ROOT));
        text.append(" · ").append(scan.rows().size()).append(" results");
        return text.toString();
    }

    /**
     * Gives the window its size and place ({@link WindowSize}) before it is shown, and again once it is on screen:
     * under an X11 window manager such as openbox the JavaFX 21 toolkit's first request is lost and the window
     * opened at its minimum size (or 200×200 without one).
     */
    private void placeWindow() {
        Rectangle2D remembered = null;
        Screen screen = Screen.getPrimary();
        if (preferences.x != null && preferences.y != null && preferences.width != null && preferences.height != null) {
            remembered = new Rectangle2D(preferences.x, preferences.y, Math.max(0, valueOr(preferences.width, 0)),
                    Math.max(0, valueOr(preferences.height, 0)));
            // Only where a screen still is: a laptop undocked from its monitor must not open off-screen.
            List<Screen> screens = Screen.getScreensForRectangle(remembered);
            if (!screens.isEmpty()) {
                screen = screens.get(0);
            }
        }
        WindowSize size = WindowSize.choose(screen.getVisualBounds(), remembered,
                Boolean.TRUE.equals(preferences.maximized));
        intendedSize = size;
        stage.setX(size.x());
        stage.setY(size.y());
        stage.setWidth(size.width());
        stage.setHeight(size.height());
        stage.setMaximized(size.maximized());
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
            stage.setMinWidth(WindowSize.MIN_WIDTH);
            stage.setMinHeight(WindowSize.MIN_HEIGHT);
            applySize(size);
            // The window manager answers asynchronously; asking once more after it settles the size.
            Platform.runLater(() -> applySize(size));
        });
    }

    private void applySize(WindowSize size) {
        if (size.maximized()) {
            stage.setMaximized(true);
            return;
        }
        stage.setX(size.x());
        stage.setY(size.y());
        stage.setWidth(size.width());
        stage.setHeight(size.height());
    }

    /** The size and place the window was opened with. */
    public WindowSize intendedSize() {
        return intendedSize;
    }

    private void close() {
        scans.cancel();
        preferences.maximized = stage.isMaximized();
        if (!stage.isMaximized()) {
            preferences.x = stage.getX();
            preferences.y = stage.getY();
            preferences.width = stage.getWidth();
            preferences.height = stage.getHeight();
        }
        try {
            preferencesFile.save(preferences);
        } catch (IOException e) {
            // Losing the window's position is not worth a dialog on the way out: a notice and the log say it.
            org.slf4j.LoggerFactory.getLogger(Workbench.class).warn("the workbench settings could not be saved to {}",
                    preferencesFile.file(), e);
            notify("The workbench settings could not be saved: " + e.getMessage());
        }
        executor.close();
    }

    private static double valueOr(Double value, double fallback) {
        return value == null || value.isNaN() ? fallback : value;
    }
}
