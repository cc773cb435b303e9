package io.tablewarden.ui.history;

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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A workbench context for tests: runs work at once and records what it was asked to show. */
public final class TestContext implements WorkbenchContext {

    public final List<String> notices = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();
    public final List<String> pages = new ArrayList<>();
    public final List<String> openedResources = new ArrayList<>();
    private final ObjectProperty<ScanSnapshot> current = new SimpleObjectProperty<>();
    private final TablewardenStore store;
    private final TaskExecutor executor;
    private final Path home;

    public TestContext(TablewardenStore store, Path home) {
        this(store, home, new DirectTaskExecutor());
    }

    public TestContext(TablewardenStore store, Path home, TaskExecutor executor) {
        this.store = store;
        this.home = home;
        this.executor = executor;
    }

    @Override
    public ObjectProperty<ScanSnapshot> currentScan() {
        return current;
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
        return new ProfileEnvironment(Map.of(), home);
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
        pages.add(pageId);
    }

    @Override
    public void openResource(String resourceArn) {
        openedResources.add(resourceArn);
    }
}
