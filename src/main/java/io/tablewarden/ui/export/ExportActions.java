package io.tablewarden.ui.export;

import io.tablewarden.ui.app.WorkbenchContext;
import io.tablewarden.ui.model.ScanSnapshot;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;

/** What other pages call to export the current scan. Call on the UI thread. */
public final class ExportActions {

    private ExportActions() {
    }

    /** Asks for a format and a file with the system file chooser, then writes the report of the current scan. */
    public static boolean export(WorkbenchContext context, Window owner) {
        return export(context, owner, ExportActions::chooseFile);
    }

    /**
     * As {@link #export(WorkbenchContext, Window)} with another way to pick the file.
     *
     * @return whether a file was written
     */
    public static boolean export(WorkbenchContext context, Window owner, ExportDialog.FileChoice files) {
        ScanSnapshot snapshot = context.currentScan().get();
        if (snapshot == null) {
            context.showError("Nothing to export", "No scan is open. Run a scan, or open a stored one on the Scans"
                    + " page, then export it.", null);
            return false;
        }
        ExportDialog dialog = new ExportDialog(new ExportViewModel(context, snapshot), owner, files);
        return dialog.showAndWait().orElse(Boolean.FALSE);
    }

    private static Path chooseFile(Window owner, ExportFormat format, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export report");
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.toString(),
                "*." + format.extension()));
        File file = chooser.showSaveDialog(owner);
        return file == null ? null : file.toPath();
    }
}
