package io.tablewarden.ui;

import io.tablewarden.engine.checks.Check;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.profiles.ProfileEnvironment;
import io.tablewarden.store.TablewardenStore;
import io.tablewarden.ui.app.WorkbenchDialogs;
import io.tablewarden.ui.history.ScanSnapshots;
import io.tablewarden.ui.model.ScanSnapshot;
import io.tablewarden.ui.results.ResultsNavigation;
import io.tablewarden.ui.shell.Dialogs;
import io.tablewarden.ui.shell.WorkbenchContext;
import io.tablewarden.ui.tasks.DirectTaskExecutor;
import io.tablewarden.ui.tasks.TaskExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A workbench context for page and view-model tests: records what it was asked to show. Unless set otherwise it
 * has no store and no profile files, runs work at once, offers the built-in checks and opens the real dialogs
 * (give view-model tests {@link io.tablewarden.ui.shell.ScriptedDialogs}).
 */
public final class TestWorkbenchContext implements WorkbenchContext {

    /** Notifications, in order. */
    public final List<String> notices = new CopyOnWriteArrayList<>();
    /** Errors shown, each as "title: message". */
    public final List<String> errors = new CopyOnWriteArrayList<>();
    /** Pages asked for, by id. */
    public final List<String> shownPages = new CopyOnWriteArrayList<>();
    /** Resources asked to be opened, by ARN. */
    public final List<String> openedResources = new CopyOnWriteArrayList<>();

    private final ObjectProperty<ScanSnapshot> currentScan = new SimpleObjectProperty<>();
    private TaskExecutor executor = new DirectTaskExecutor();
    private TablewardenStore store;
    private ProfileEnvironment profileEnvironment;
    private boolean resourcesOnFindingsPage;
    private Dialogs dialogs;
    private final ResultsNavigation navigation = new ResultsNavigation();
    private java.nio.file.Path exportFolder;
    /** How many times a page said that the profiles changed. */
    public int profileChanges;

    /** Uses {@code store} as the scan database. */
    public TestWorkbenchContext withStore(TablewardenStore store) {
        this.store = store;
        return this;
    }

    /** Runs background work on {@code executor}. */
    public TestWorkbenchContext withExecutor(TaskExecutor executor) {
        this.executor = executor;
        return this;
    }

    /** Uses the profile files of {@code environment}. */
    public TestWorkbenchContext withProfileEnvironment(ProfileEnvironment environment) {
        this.profileEnvironment = environment;
        return this;
    }

    /** Uses the profile files under {@code home}, without environment variables. */
    public TestWorkbenchContext withProfileHome(Path home) {
        return withProfileEnvironment(new ProfileEnvironment(Map.of(), home));
    }

    /** Makes scan {@code scanId} of the store, with the checks of this context, the current scan. */
    public TestWorkbenchContext withCurrentScan(long scanId) {
        currentScan.set(ScanSnapshots.load(store, scanId, checks()));
        return this;
    }

    /** Answers the questions of dialog flows with {@code dialogs}. */
    public TestWorkbenchContext withDialogs(Dialogs dialogs) {
        this.dialogs = dialogs;
        return this;
    }

    /** The navigation of this context's result pages, as the workbench window owns one. */
    public ResultsNavigation navigation() {
        return navigation;
    }

    /** Also sends each opened resource to the Findings page, as the workbench does. */
    public TestWorkbenchContext openingResourcesOnFindingsPage() {
        this.resourcesOnFindingsPage = true;
        return this;
    }

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
        return store;
    }

    @Override
    public List<Check> checks() {
        return CheckRegistry.builtIn().all();
    }

    @Override
    public ProfileEnvironment profileEnvironment() {
        return profileEnvironment;
    }

    @Override
    public Dialogs dialogs() {
        if (dialogs == null) {
            dialogs = WorkbenchDialogs.create(() -> null, executor);
        }
        return dialogs;
    }

    @Override
    public void notify(String message) {
        notices.add(message);
    }

    @Override
    public void showError(String title, String message, Throwable details) {
        errors.add(title + ": " + message);
    }

    @Override
    public void showPage(String pageId) {
        shownPages.add(pageId);
    }

    @Override
    public void openResource(String resourceArn) {
        openedResources.add(resourceArn);
        if (resourcesOnFindingsPage) {
            navigation.openResource(this, resourceArn);
        }
    }

    @Override
    public java.nio.file.Path lastExportFolder() {
        return exportFolder;
    }

    @Override
    public void rememberExportFolder(java.nio.file.Path folder) {
        exportFolder = folder;
    }

    @Override
    public void profilesChanged() {
        profileChanges++;
    }
}
