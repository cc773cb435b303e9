package io.tablewarden.ui.results;

import io.tablewarden.engine.checks.Check;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.profiles.ProfileEnvironment;
import io.tablewarden.store.TablewardenStore;
import io.tablewarden.ui.app.WorkbenchContext;
import io.tablewarden.ui.model.ScanSnapshot;
import io.tablewarden.ui.tasks.DirectTaskExecutor;
import io.tablewarden.ui.tasks.TaskExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A workbench context for page tests: no store, work runs at once, messages and page requests are recorded. */
final class TestWorkbenchContext implements WorkbenchContext {

    final List<String> notifications = new CopyOnWriteArrayList<>();
    final List<String> errors = new CopyOnWriteArrayList<>();
    final List<String> shownPages = new CopyOnWriteArrayList<>();
    private final ObjectProperty<ScanSnapshot> currentScan = new SimpleObjectProperty<>();
    private final TaskExecutor executor = new DirectTaskExecutor();

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
        return null;
    }

    @Override
    public List<Check> checks() {
        return CheckRegistry.builtIn().all();
    }

    @Override
    public ProfileEnvironment profileEnvironment() {
        return null;
    }

    @Override
    public void notify(String message) {
        notifications.add(message);
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
        ResultsNavigation.of(this).openResource(this, resourceArn);
    }
}
