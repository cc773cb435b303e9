package io.tablewarden.ui.profiles;

import io.tablewarden.engine.checks.Check;
import io.tablewarden.profiles.ProfileEnvironment;
import io.tablewarden.store.TablewardenStore;
import io.tablewarden.ui.app.WorkbenchContext;
import io.tablewarden.ui.model.ScanSnapshot;
import io.tablewarden.ui.tasks.TaskExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.ArrayList;
import java.util.List;

/** A workbench context for page tests: temporary profile files, no store, notifications collected. */
final class TestWorkbenchContext implements WorkbenchContext {

    private final ObjectProperty<ScanSnapshot> scan = new SimpleObjectProperty<>();
    private final TaskExecutor executor;
    private final ProfileEnvironment environment;
    final List<String> notices = new ArrayList<>();

    TestWorkbenchContext(TaskExecutor executor, ProfileEnvironment environment) {
        this.executor = executor;
        this.environment = environment;
    }

    @Override
    public ObjectProperty<ScanSnapshot> currentScan() {
        return scan;
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
        return List.of();
    }

    @Override
    public ProfileEnvironment profileEnvironment() {
        return environment;
    }

    @Override
    public void notify(String message) {
        notices.add(message);
    }

    @Override
    public void showError(String title, String message, Throwable details) {
        notices.add(title + ": " + message);
    }

    @Override
    public void showPage(String pageId) {
    }

    @Override
    public void openResource(String resourceArn) {
    }
}
