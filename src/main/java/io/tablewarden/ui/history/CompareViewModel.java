package io.tablewarden.ui.history;

import io.tablewarden.store.FindingChange;
import io.tablewarden.store.ScanComparison;
import io.tablewarden.store.ScanSummary;
import io.tablewarden.store.StoredResult;
import io.tablewarden.ui.model.ScanSnapshot;
import io.tablewarden.ui.shell.WorkbenchContext;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** State of the comparison of two scans of one account: one list of rows per kind of change. */
public final class CompareViewModel {

    /** The kinds of change, in the order the tabs show them. */
    public enum Category {
        NEW_FAILURES("New failures"),
        FIXED("Fixed"),
        STILL_FAILING("Still failing"),
        STATUS_CHANGES("Status changes"),
        NEW_RESOURCES("New resources"),
        REMOVED_RESOURCES("Removed resources");

        private final String title;

        Category(String title) {
            this.title = title;
        }

        /** Tab label without the count. */
        public String title() {
            return title;
        }
    }

    private final WorkbenchContext context;
    private final ScanSummary older;
    private final ScanSummary newer;
    private final Map<Category, ObservableList<CompareRow>> rows = new EnumMap<>(Category.class);
    private final ObjectProperty<Category> selected = new SimpleObjectProperty<>(Category.NEW_FAILURES);

    public CompareViewModel(WorkbenchContext context, ScanSummary older, ScanSummary newer, ScanComparison c) {
        this.context = context;
        this.older = older;
        this.newer = newer;
        put(Category.NEW_FAILURES, c.newFailures());
        put(Category.FIXED, c.fixed());
        put(Category.STILL_FAILING, c.stillFailing());
        put(Category.STATUS_CHANGES, c.statusChanges());
        put(Category.NEW_RESOURCES, c.newResources());
        put(Category.REMOVED_RESOURCES, c.removedResources());
    }

    private void put(Category category, List<FindingChange> changes) {
        List<CompareRow> list = new ArrayList<>();
        changes.forEach(ch -> list.add(CompareRow.of(ch)));
        rows.put(category, FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(list)));
    }

    // Properties

    /** The scan compared from. */
    public ScanSummary older() {
        return older;
    }

    /** The scan compared to. */
    public ScanSummary newer() {
        return newer;
    }

    /** The rows of one kind of change. */
    public ObservableList<CompareRow> rows(Category category) {
        return rows.get(category);
    }

    /** How many rows one kind of change has. */
    public int count(Category category) {
        return rows.get(category).size();
    }

    /** The tab on screen. */
    public ObjectProperty<Category> selectedProperty() {
        return selected;
    }

    /** The title of the row's check ("DynamoDB table has point-in-time recovery enabled"), or its id if unknown. */
    public String checkTitle(CompareRow row) {
        return context.checks().stream().filter(c -> c.id().equals(row.checkId())).findFirst()
                .map(c -> c.metadata().title()).orElse(row.checkId());
    }

    /** One line naming the two scans. */
    public String heading() {
        return "Scan " + older.id() + " → scan " + newer.id() + " · account "
                + HistoryViewModel.accountLabel(newer);
    }

    // Commands

    /**
     * Opens the row's resource when the current scan has it; otherwise says which scan to open first.
     *
     * @return whether the resource was opened
     */
    public boolean open(CompareRow row) {
        if (row == null) {
            return false;
        }
        ScanSnapshot current = context.currentScan().get();
        if (current != null) {
            for (StoredResult r : current.rows()) {
                if (row.resourceArn().equals(r.result().resource().arn())) {
                    context.openResource(row.resourceArn());
                    return true;
                }
            }
        }
        long suggestion = row.after() != null ? newer.id() : older.id();
        context.notify(row.resourceName() + " is not in the scan that is open. Open scan " + suggestion
                + " to see its details.");
        return false;
    }
}
