package io.tablewarden.ui.help;

import io.tablewarden.report.BuildInfo;
import io.tablewarden.ui.shell.Dialogs;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.util.List;

/**
 * The About box: what was built, where the workbench keeps its data, and the licences of what it bundles.
 * Opening a folder goes through {@link Dialogs#openFolder}, so tests open nothing.
 */
public final class AboutViewModel {

    private final BuildInfo build;
    private final Path databaseFile;
    private final Path dataFolder;
    private final Path logFolder;
    private final Dialogs dialogs;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    /**
     * @param databaseFile the scan database, or null when none is open
     * @param dataFolder   where preferences and, by default, the database live
     * @param logFolder    where the log file is written
     */
    public AboutViewModel(BuildInfo build, Path databaseFile, Path dataFolder, Path logFolder, Dialogs dialogs) {
        this.build = build;
        this.databaseFile = databaseFile;
        this.dataFolder = dataFolder;
        this.logFolder = logFolder;
        this.dialogs = dialogs;
    }

    // properties

    /** What the last folder command could not do, or an empty string. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public String version() {
        return build.version();
    }

    /** When and from which commit the program was built. */
    public String build() {
        return "built " + build.time() + ", commit " + build.commit();
    }

    /** The database's file, or a sentence saying scans are not kept. */
    public String database() {
        return databaseFile == null ? "none: scans are not kept" : databaseFile.toString();
    }

    public Path dataFolder() {
        return dataFolder;
    }

    public Path logFolder() {
        return logFolder;
    }

    public List<BundledLibraries.Library> libraries() {
        return BundledLibraries.all();
    }

    // commands

    /** Opens the About dialog. */
    public void show() {
        dialogs.open(this);
    }

    /** Shows the data folder in the file manager. */
    public void openDataFolder() {
        open(dataFolder);
    }

    /** Shows the log folder in the file manager. */
    public void openLogFolder() {
        open(logFolder);
    }

    private void open(Path folder) {
        problem.set(dialogs.openFolder(folder) ? ""
                : "The desktop could not open " + folder + "; open it in your file manager.");
    }
}
