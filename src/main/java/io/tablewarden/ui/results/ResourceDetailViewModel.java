package io.tablewarden.ui.results;

import io.tablewarden.engine.remediation.RemediationRenderer;
import io.tablewarden.engine.remediation.SnippetFormat;
import io.tablewarden.engine.remediation.VisibleText;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.ResourceRef;
import io.tablewarden.model.Status;
import io.tablewarden.report.CheckExplanation;
import io.tablewarden.store.StoredResult;
import io.tablewarden.ui.model.ScanSnapshot;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * State of the resource detail: every result of one table or DAX cluster, failures first, and for the selected
 * one its reason, evidence, risk, links and remediation filled with the resource's real names.
 */
public final class ResourceDetailViewModel {

    /** The forms a remediation is shown in, one tab each. */
    public enum Language { BASH, YAML, HCL, TEXT }

    /**
     * One remediation tab.
     *
     * @param title    tab title
     * @param language how to highlight it
     * @param text     the filled text, exactly what Copy puts on the clipboard
     */
    public record RemediationTab(String title, Language language, String text) {
    }

    /**
     * One result of the resource with its check's metadata.
     *
     * @param row      the result and its mute flag
     * @param metadata the check's metadata, or null when unknown
     */
    public record Entry(StoredResult row, CheckMetadata metadata) {

        public Status status() {
            return row.result().status();
        }

        public String title() {
            return ResultLabels.title(row.result().checkId(), metadata);
        }

        /** CLI, CloudFormation, Terraform and Console, filled; empty when the check has no remediation. */
        public List<RemediationTab> remediationTabs() {
            if (metadata == null || metadata.remediation() == null) {
                return List.of();
            }
            CheckMetadata.Remediation filled = RemediationRenderer.fillFor(metadata, row.result());
            StringBuilder steps = new StringBuilder();
            for (int i = 0; i < filled.console().size(); i++) {
                steps.append(i + 1).append(". ").append(filled.console().get(i)).append('\n');
            }
            return List.of(new RemediationTab("CLI", Language.BASH, filled.fullCli()),
                    new RemediationTab("CloudFormation", Language.YAML, filled.cloudFormation()),
                    new RemediationTab("Terraform", Language.HCL, filled.terraform()),
                    new RemediationTab("Console", Language.TEXT, steps.toString()));
        }

        /**
         * The console steps filled with the resource's names as plain text for the screen (no Markdown escapes),
         * control and bidirectional characters of a hostile name shown as visible escapes; empty without steps.
         */
        public List<String> consoleSteps() {
            if (metadata == null || metadata.remediation() == null) {
                return List.of();
            }
            List<String> steps = new ArrayList<>();
            for (String step : metadata.remediation().console()) {
                steps.add(VisibleText.of(RemediationRenderer.fill(step, row.result().placeholders(),
                        SnippetFormat.TEXT)));
            }
            return steps;
        }

        /** The remediation summary, filled. */
        public String remediationSummary() {
            if (metadata == null || metadata.remediation() == null) {
                return "";
            }
            return RemediationRenderer.fill(metadata.remediationFor(row.result()).summary(), row.result().placeholders(),
                    SnippetFormat.MARKDOWN);
        }
    }

    /** The metadata of every built-in check, by id. */
    private static final Map<String, CheckMetadata> CATALOGUE = builtInCatalogue();

    private static Map<String, CheckMetadata> builtInCatalogue() {
        Map<String, CheckMetadata> out = new java.util.HashMap<>();
        io.tablewarden.engine.checks.CheckRegistry.builtIn().all().forEach(c -> out.put(c.id(), c.metadata()));
        return Map.copyOf(out);
    }

    // properties
    private final ObjectProperty<ScanSnapshot> snapshot = new SimpleObjectProperty<>();
    private final StringProperty resourceArn = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<ResourceRef> resource = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<Entry> selected = new SimpleObjectProperty<>();
    private final ObservableList<CheckExplanation.Section> learn = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<String> learnTitle = new ReadOnlyObjectWrapper<>("");
    private final javafx.beans.property.ReadOnlyStringWrapper sharedFix =
            new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyStringWrapper account =
            new javafx.beans.property.ReadOnlyStringWrapper("");
    /** Per failing result of the scan whose fix has a region-wide part, the failures that share it. */
    private Map<String, List<io.tablewarden.model.CheckResult>> sharedFixes = Map.of();

    public ResourceDetailViewModel() {
        snapshot.addListener((obs, old, scan) -> {
            sharedFixes = sharedFixes(scan);
            load();
        });
        resourceArn.addListener((obs, old, arn) -> load());
        selected.addListener((obs, old, entry) -> {
            explain(entry);
            updateSharedFix();
        });
    }

    public ObjectProperty<ScanSnapshot> snapshotProperty() {
        return snapshot;
    }

    /**
     * In an organisation scan, the resource's account and who runs its fixes ("Account 222222222222 (Payments):
     * run with role R assumed from profile P"); empty for a one-account scan.
     */
    public javafx.beans.property.ReadOnlyStringProperty accountProperty() {
        return account.getReadOnlyProperty();
    }

    /**
     * The remediation tabs of {@code entry} as the detail shows and copies them: in an organisation scan the CLI
     * fix starts with a comment naming the account and the credentials it runs with.
     */
    public List<RemediationTab> remediationTabs(Entry entry) {
        List<RemediationTab> tabs = entry.remediationTabs();
        ScanSnapshot scan = snapshot.get();
        if (scan == null || scan.organization() == null || tabs.isEmpty()) {
            return tabs;
        }
        List<RemediationTab> out = new ArrayList<>(tabs);
        RemediationTab cli = out.get(0);
        out.set(0, new RemediationTab(cli.title(), cli.language(), CopyScriptBuilder.accountComment(
                scan.organization(), entry.row().result().resource().accountId()) + "\n" + cli.text()));
        return out;
    }

    /** The resource to show. */
    public StringProperty resourceArnProperty() {
        return resourceArn;
    }

    /** The resource shown, or null when the scan does not have it. */
    public ReadOnlyObjectProperty<ResourceRef> resourceProperty() {
        return resource.getReadOnlyProperty();
    }

    /** Results of the resource: FAIL, then ERROR, PASS and N/A, each by check id. */
    public ObservableList<Entry> entries() {
        return entries;
    }

    public ObjectProperty<Entry> selectedProperty() {
        return selected;
    }

    /**
     * The selected result's check explained for the Learn tab: what it checks, why it matters, how to fix it, whether
     * a failure can be a false positive, and the related checks; empty when nothing is selected or the check is
     * unknown.
     */
    public ObservableList<CheckExplanation.Section> learn() {
        return learn;
    }

    /**
     * When the selected failure's fix has a part that other failures of its region share (an opt-in, one plan, one
     * key), one sentence naming them and saying it runs once; empty otherwise.
     */
    public javafx.beans.property.ReadOnlyStringProperty sharedFixProperty() {
        return sharedFix.getReadOnlyProperty();
    }

    /** "id — title" of the explained check, or empty. */
    public ReadOnlyObjectProperty<String> learnTitleProperty() {
        return learnTitle.getReadOnlyProperty();
    }

    // commands

    /** Shows {@code arn} with the result of {@code checkId} selected (any result when that one is absent). */
    public void open(String arn, String checkId) {
        resourceArn.set(arn);
        for (Entry entry : entries) {
            if (entry.row().result().checkId().equals(checkId)) {
                selected.set(entry);
                return;
            }
        }
    }

    private void load() {
        ScanSnapshot scan = snapshot.get();
        String arn = resourceArn.get();
        String previousCheck = selected.get() == null ? null : selected.get().row().result().checkId();
        List<Entry> found = new ArrayList<>();
        ResourceRef ref = null;
        if (scan != null && arn != null) {
            Map<String, CheckMetadata> metadata = scan.metadata();
            for (StoredResult row : scan.rows()) {
                if (row.result().resource().arn().equals(arn)) {
                    found.add(new Entry(row, metadata.get(row.result().checkId())));
                    ref = row.result().resource();
                }
            }
        }
        found.sort(Comparator.comparingInt((Entry e) -> ResultLabels.attentionRank(e.status()))
                .thenComparing(e -> e.row().result().checkId()));
        resource.set(ref);
        account.set(ref == null || scan.organization() == null ? ""
                : Character.toUpperCase(scan.organization().runAs(ref.accountId()).charAt(0))
                + scan.organization().runAs(ref.accountId()).substring(1));
        entries.setAll(found);
        Entry keep = null;
        for (Entry e : found) {
            if (e.row().result().checkId().equals(previousCheck)) {
                keep = e;
            }
        }
        selected.set(keep != null ? keep : found.isEmpty() ? null : found.get(0));
        updateSharedFix();
    }

    private static Map<String, List<io.tablewarden.model.CheckResult>> sharedFixes(ScanSnapshot scan) {
        if (scan == null) {
            return Map.of();
        }
        List<io.tablewarden.model.CheckResult> all = new ArrayList<>(scan.rows().size());
        scan.rows().forEach(row -> all.add(row.result()));
        return io.tablewarden.report.SharedFixes.of(all, scan.metadata()::get);
    }

    private void updateSharedFix() {
        Entry entry = selected.get();
        sharedFix.set(entry == null ? ""
                : io.tablewarden.report.SharedFixes.note(sharedFixes.get(entry.row().result().identity())));
    }

    private void explain(Entry entry) {
        if (entry == null || entry.metadata() == null) {
            learn.clear();
            learnTitle.set("");
            return;
        }
        // Related checks are named with their titles even when the scan did not run them.
        Map<String, CheckMetadata> catalogue = new java.util.HashMap<>(CATALOGUE);
        if (snapshot.get() != null) {
            catalogue.putAll(snapshot.get().metadata());
        }
        learnTitle.set(entry.metadata().title());
        learn.setAll(CheckExplanation.of(entry.metadata(), catalogue));
    }
}
