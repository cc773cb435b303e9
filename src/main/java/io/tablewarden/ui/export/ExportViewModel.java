package io.tablewarden.ui.export;

import io.tablewarden.engine.checks.Check;
import io.tablewarden.model.CheckResult;
import io.tablewarden.report.AtomicFiles;
import io.tablewarden.report.ReportWriter;
import io.tablewarden.report.ScanReport;
import io.tablewarden.store.StoredResult;
import io.tablewarden.store.TablewardenStore;
import io.tablewarden.ui.app.WorkbenchContext;
import io.tablewarden.ui.history.ScanSnapshots;
import io.tablewarden.ui.history.StoreProblems;
import io.tablewarden.ui.model.ScanSnapshot;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * State of the export dialog: the format and the file. Exporting writes the report of the current scan with the
 * same writers and the same facts as {@code tablewarden report}, atomically, in the background.
 */
public final class ExportViewModel {

    private final WorkbenchContext context;
    private final ScanSnapshot snapshot;
    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(ExportFormat.OCSF);
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final BooleanProperty writing = new SimpleBooleanProperty();
    private final BooleanBinding ready;

    public ExportViewModel(WorkbenchContext context, ScanSnapshot snapshot) {
        this.context = context;
        this.snapshot = snapshot;
        ready = file.isNotNull().and(format.isNotNull()).and(writing.not());
    }

    // Properties

    /** The format to write. */
    public ObjectProperty<ExportFormat> format() {
        return format;
    }

    /** The file to write. */
    public ObjectProperty<Path> file() {
        return file;
    }

    /** True while the file is written. */
    public BooleanProperty writing() {
        return writing;
    }

    /** Whether {@link #export} may be called. */
    public BooleanBinding ready() {
        return ready;
    }

    /** A file name to suggest: the scan id and the format's extension. */
    public String suggestedFileName() {
        String id = snapshot.scanId() == null ? "current" : String.valueOf(snapshot.scanId());
        return "tablewarden-scan-" + id + "." + format.get().extension();
    }

    // Commands

    /** Writes the report in the background; tells the user how it went and calls {@code done} with the outcome. */
    public void export(Consumer<Boolean> done) {
        Path target = file.get();
        ExportFormat chosen = format.get();
        if (target == null || chosen == null) {
            done.accept(false);
            return;
        }
        TablewardenStore store = context.store();
        List<Check> checks = context.checks();
        writing.set(true);
        context.executor().submit(() -> {
            ScanReport report = report(store, checks);
            ReportWriter writer = chosen.outputFormat().writer();
            AtomicFiles.write(target, out -> writer.write(report, out));
            return target;
        }, written -> {
            writing.set(false);
            context.notify("Report written to " + written);
            done.accept(true);
        }, failure -> {
            writing.set(false);
            context.showError("The report could not be written", describe(target, failure), failure);
            done.accept(false);
        });
    }

    /** A stored scan is read back whole (with its call figures), exactly as the command line reports it. */
    private ScanReport report(TablewardenStore store, List<Check> checks) {
        if (snapshot.scanId() != null && store != null) {
            long id = snapshot.scanId();
            return new ScanReport(ScanSnapshots.info(store.scans().require(id)), store.scans().results(id),
                    store.scans().stats(id), ScanSnapshots.metadata(checks),
                    io.tablewarden.model.RegionError.of(store.scans().inventory(id)));
        }
        List<CheckResult> results = new ArrayList<>();
        for (StoredResult row : snapshot.rows()) {
            results.add(row.result());
        }
        return new ScanReport(snapshot.info(), results, null, snapshot.metadata());
    }

    static String describe(Path target, Throwable failure) {
        if (failure instanceof IOException) {
            Path folder = target.toAbsolutePath().getParent();
            String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            if (folder != null && !Files.isDirectory(folder)) {
                return "The folder " + folder + " does not exist. Choose another folder and export again.";
            }
            if (folder != null && !Files.isWritable(folder)) {
                return "The folder " + folder + " is not writable. Choose another folder and export again.";
            }
            return "Writing " + target + " failed (" + reason + "). Check the free space and that the file is not"
                    + " open in another program, then export again.";
        }
        return StoreProblems.describe("build the report", failure);
    }
}
