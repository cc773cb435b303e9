package io.tablewarden.ui.app;

import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop application: opens the workbench window on the user's folders, database and profiles. */
public final class WorkbenchApp extends Application {

    private WorkbenchEnvironment environment;

    @Override
    public void init() {
        // Runs on the launcher thread: opening the database never holds up the UI thread.
        environment = WorkbenchEnvironment.system();
    }

    @Override
    public void start(Stage stage) {
        Workbench.open(stage, environment, getHostServices()::showDocument);
    }

    @Override
    public void stop() {
        if (environment != null && environment.store() != null) {
            environment.store().close();
        }
    }
}
