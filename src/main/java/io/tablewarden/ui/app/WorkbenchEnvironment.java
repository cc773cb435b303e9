package io.tablewarden.ui.app;

import io.tablewarden.app.ScanService;
import io.tablewarden.engine.aws.credentials.ProfileTestStore;
import io.tablewarden.engine.checks.Check;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.platform.DataFolder;
import io.tablewarden.profiles.ProfileEnvironment;
import io.tablewarden.store.DatabaseLocation;
import io.tablewarden.store.TablewardenStore;
import io.tablewarden.ui.profiles.MfaCodeDialog;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything the workbench takes from the machine: folders, the scan database, the AWS profile files, the
 * checks and the application layer's scan service (the engine and the demo account behind it). Production uses
 * {@link #system()}; tests point every part at temporary folders and may serve the demo account differently.
 *
 * @param dataFolder    where the workbench keeps its preferences
 * @param databaseFile  the scan database's file (shown in the status bar)
 * @param store         the open scan database, or null when it could not be opened
 * @param storeProblem  why {@code store} is null, or null
 * @param profiles      where the AWS config and credentials files are
 * @param checks        every available check
 * @param scanService   connects, runs scans and region discovery, and records scans
 * @param variables     environment variables (theme detection)
 */
public record WorkbenchEnvironment(Path dataFolder, Path databaseFile, TablewardenStore store, String storeProblem,
                                   ProfileEnvironment profiles, List<Check> checks, ScanService scanService,
                                   Map<String, String> variables) {

    public WorkbenchEnvironment {
        checks = List.copyOf(checks);
        variables = Map.copyOf(variables);
    }

    /** The user's folders, database and profiles. Opens the database, so call it off the UI thread. */
    public static WorkbenchEnvironment system() {
        Map<String, String> env = System.getenv();
        List<Check> checks = CheckRegistry.builtIn().all();
        Path database = DatabaseLocation.resolve(null);
        // The MFA dialog belongs to whichever workbench window has the focus when the code is needed.
        MfaCodeDialog mfa = new MfaCodeDialog(() -> Window.getWindows().stream().filter(Window::isFocused)
                .findFirst().orElse(null));
        return withStore(dataFolder(env), database, ProfileEnvironment.system(), checks,
                ScanService.standard(checks).withMfaCodes(mfa), env);
    }

    /** Opens {@code database}; when that fails the workbench runs without history and says why. */
    public static WorkbenchEnvironment withStore(Path dataFolder, Path database, ProfileEnvironment profiles,
                                                 List<Check> checks, ScanService scanService,
                                                 Map<String, String> env) {
        TablewardenStore store = null;
        String problem = null;
        try {
            store = TablewardenStore.open(database);
        } catch (RuntimeException e) {
            problem = "The scan database " + database + " could not be opened, so scans are not kept: "
                    + e.getMessage();
        }
        return new WorkbenchEnvironment(dataFolder, database, store, problem, profiles, checks, scanService, env);
    }

    /** Tablewarden's per-user data folder ({@code TABLEWARDEN_DATA_DIR} overrides it). */
    public static Path dataFolder(Map<String, String> env) {
        return DataFolder.resolve(env);
    }
}
