package io.tablewarden.ui.export;

import io.tablewarden.app.OrganizationReports;
import io.tablewarden.app.StoredScans;
import io.tablewarden.engine.checks.Check;
import io.tablewarden.model.CheckResult;
import io.tablewarden.platform.AtomicFiles;
import io.tablewarden.report.FixScript;
import io.tablewarden.report.OrganizationReport;
import io.tablewarden.report.OrganizationReportWriter;
import io.tablewarden.report.ReportWriter;
import io.tablewarden.report.ScanReport;
import io.tablewarden.store.StoredResult;
import io.tablewarden.store.TablewardenStore;
import io.tablewarden.ui.model.OrganizationContext;
import io.tablewarden.ui.model.ScanSnapshot;
import io.tablewarden.ui.shell.Dialogs;
import io.tablewarden.ui.shell.StoreProblems;
import io.tablewarden.ui.shell.WorkbenchContext;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
    public ObjectProperty<ExportFormat> formatProperty() {
        return format;
    }

    /** The file to write. */
    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    /** True while the file is written. */
    public BooleanProperty writingProperty() {
        return writing;
    }

    /** Whether {@link #export} may be called. */
    public BooleanBinding readyProperty() {
        return ready;
    }

    /** A file name to suggest: the scan id and the format's extension. */
    public String suggestedFileName() {
        if (snapshot.organization() != null) {
            Long org = snapshot.organization().organizationScanId();
            return "tablewarden-organization-" + (org == null ? "current" : String.valueOf(org)) + "."
                    + format.get().extension();
        }
        String id = snapshot.scanId() == null ? "current" : String.valueOf(snapshot.scanId());
        return "tablewarden-scan-" + id + "." + format.get().extension();
    }

    // Commands

    /**
     * Opens the export dialog for the scan on screen and waits until it closes. Without an open scan the user is
     * told what to do first, and no dialog opens.
     *
     * @return whether a file was written
     */
    public static boolean exportCurrentScan(WorkbenchContext context) {
        ScanSnapshot snapshot = context.currentScan().get();
        if (snapshot == null) {
            context.notify("Open or run a scan first; the export writes the scan on screen.");
            return false;
        }
        return context.dialogs().open(new ExportViewModel(context, snapshot));
    }

    /** Asks for the file to write, offering {@link #suggestedFileName()}; a cancelled choice changes nothing. */
    public void chooseFile() {
        ExportFormat chosen = format.get();
        context.dialogs().chooseFileToSave(new Dialogs.SaveFileRequest("Export report", suggestedFileName(),
                chosen.toString(), chosen.extension(), initialFolder())).ifPresent(file::set);
    }

    /**
     * Where the file chooser opens: the folder of the last export when it still exists, else the user's
     * documents folder, else the home folder; never the folder the program happened to start in.
     */
    public Path initialFolder() {
        Path last = context.lastExportFolder();
        if (last != null && Files.isDirectory(last)) {
            return last;
        }
        Path home = context.profileEnvironment() == null ? null : context.profileEnvironment().home();
        return home == null ? null : documentsFolder(home, context.profileEnvironment().variables());
    }

    /**
     * The user's documents folder: {@code XDG_DOCUMENTS_DIR} when set (Linux desktops), else {@code Documents}
     * in the home folder when it exists (Windows, macOS and most desktops), else the home folder itself.
     */
    static Path documentsFolder(Path home, java.util.Map<String, String> variables) {
        String xdg = variables == null ? null : variables.get("XDG_DOCUMENTS_DIR");
        if (xdg != null && !xdg.isBlank()) {
            Path folder = Path.of(xdg.replace("$HOME", home.toString()));
            if (Files.isDirectory(folder)) {
                return folder;
            }
        }
        Path documents = home.resolve("Documents");
        return Files.isDirectory(documents) ? documents : home;
    }

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
            if (snapshot.organization() != null) {
                // the organisation's one report (every account, a summary per account and OU), not one account's
                writeOrganization(target, chosen, store, checks);
                return target;
            }
            ScanReport report = report(store, checks);
            ReportWriter writer = chosen.outputFormat().writer();
            AtomicFiles.write(target, out -> writer.write(report, out));
            return target;
        }, written -> {
            writing.set(false);
            Path folder = written.toAbsolutePath().getParent();
            if (folder != null) {
                context.rememberExportFolder(folder);
            }
            context.notify("Report written to " + written);
            done.accept(true);
        }, failure -> {
            writing.set(false);
            context.showError("The report could not be written", describe(target, failure), failure);
            done.accept(false);
        });
    }

    /**
     * Writes the report of the organisation scan on screen: a stored one exactly as {@code tablewarden report
     * --organization} writes it; the fix script as one script of every account's unmuted failures, grouped by
     * account, each account saying which profile or role runs its fixes.
     */
    private void writeOrganization(Path target, ExportFormat chosen, TablewardenStore store, List<Check> checks)
            throws IOException {
        OrganizationContext org = snapshot.organization();
        if (chosen == ExportFormat.SCRIPT) {
            List<CheckResult> unmuted = new ArrayList<>();
            snapshot.rows().stream().filter(r -> !r.muted()).forEach(r -> unmuted.add(r.result()));
            String script = FixScript.build(unmuted, new ScanReport(snapshot.info(), List.of(), null,
                    snapshot.metadata()), false, org::runAs);
            AtomicFiles.write(target, out -> out.write(script.getBytes(StandardCharsets.UTF_8)));
            return;
        }
        OrganizationReport report = org.organizationScanId() != null && store != null
                ? new OrganizationReports(checks).stored(store, org.organizationScanId())
                : organizationReport(org);
        AtomicFiles.write(target, out -> OrganizationReportWriter.write(report, chosen.outputFormat(), out));
    }

    /** The report of an organisation scan that was not recorded, from the results on screen. */
    private OrganizationReport organizationReport(OrganizationContext org) {
        java.util.Map<String, List<CheckResult>> byAccount = new java.util.LinkedHashMap<>();
        for (StoredResult row : snapshot.rows()) {
            byAccount.computeIfAbsent(row.result().resource().accountId(), a -> new ArrayList<>()).add(row.result());
        }
        List<OrganizationReport.Account> accounts = new ArrayList<>();
        List<OrganizationContext.Account> byId = new ArrayList<>(org.accounts());
        byId.sort(java.util.Comparator.comparing(OrganizationContext.Account::id));
        ScanReport.ScanInfo info = snapshot.info();
        for (OrganizationContext.Account a : byId) {
            ScanReport report = null;
            if (a.scanned()) {
                ScanReport.ScanInfo own = new ScanReport.ScanInfo(a.id(), info.partition(), null, info.regions(),
                        info.started(), info.finished(), info.state(), info.toolVersion(), info.parameters(), null);
                report = new ScanReport(own, byAccount.getOrDefault(a.id(), List.of()), null, snapshot.metadata());
            }
            accounts.add(new OrganizationReport.Account(a.id(), a.name(), a.unitPath(), a.outcome(), a.message(),
                    report));
        }
        return new OrganizationReport(org.organizationId(), org.callerAccountId(), info.started(), info.finished(),
                accounts);
    }

    /** A stored scan is read back whole (with its call figures), exactly as the command line reports it. */
    private ScanReport report(TablewardenStore store, List<Check> checks) {
        if (snapshot.scanId() != null && store != null) {
            return new StoredScans(store, checks).report(snapshot.scanId());
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
