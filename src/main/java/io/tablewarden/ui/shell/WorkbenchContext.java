package io.tablewarden.ui.shell;

import io.tablewarden.engine.checks.Check;
import io.tablewarden.profiles.ProfileEnvironment;
import io.tablewarden.store.TablewardenStore;
import io.tablewarden.ui.model.ScanSnapshot;
import io.tablewarden.ui.tasks.TaskExecutor;
import javafx.beans.property.ObjectProperty;

import java.nio.file.Path;
import java.util.List;

/**
 * What every page of the workbench shares: the scan being looked at, background execution, the store, the
 * checks, the AWS profile files and the ways to talk to the user. Pages receive it when they are created and
 * never reach for globals. It lives below every feature package, so features depend on it and never on the
 * composition root that implements it.
 */
public interface WorkbenchContext {

    /** The scan the Findings and Compliance pages show; null before any scan is opened. */
    ObjectProperty<ScanSnapshot> currentScan();

    /** Background work; callbacks arrive on the UI thread. */
    TaskExecutor executor();

    /** The scan database; null when it could not be opened (the user was told why). */
    TablewardenStore store();

    /** Every available check. */
    List<Check> checks();

    /** Where the AWS config and credentials files are. */
    ProfileEnvironment profileEnvironment();

    /** The dialogs view models open: questions, file choices and the dialogs of forms. */
    Dialogs dialogs();

    /** A short, non-blocking notification. */
    void notify(String message);

    /** A human error message with the next step; {@code details} goes behind a "Details" expander. */
    void showError(String title, String message, Throwable details);

    /** Shows the page with {@code pageId} (see {@link WorkbenchPage#id()}). */
    void showPage(String pageId);

    /** Opens the detail of one resource (table or DAX cluster) of the current scan. */
    void openResource(String resourceArn);

    /** The folder the last export was written to, remembered between runs; null before the first export. */
    default Path lastExportFolder() {
        return null;
    }

    /** Remembers {@code folder} as the one the next export starts in. */
    default void rememberExportFolder(Path folder) {
    }

    /** Tells the window that profiles were added, renamed or deleted (its scan choices and banner follow). */
    default void profilesChanged() {
    }
}
