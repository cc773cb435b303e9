package io.tablewarden.ui.results;

import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Severity;
import io.tablewarden.model.Status;
import io.tablewarden.store.StoredResult;
import io.tablewarden.ui.model.ScanSnapshot;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * State of the findings table: every result of the scan, the filters, and the filtered and sorted view of
 * them. Filters are sets (empty means "any"); each change rebuilds one immutable predicate, so a scan of
 * 150,000 results is filtered in a single pass. The view debounces typing before it writes {@link #searchTextProperty()}.
 */
public final class FindingsViewModel {

    // properties
    private final ObjectProperty<ScanSnapshot> snapshot = new SimpleObjectProperty<>();
    private final ObservableList<StoredResult> rows = FXCollections.observableArrayList();
    // Sorted below the filter: a keystroke in the search box filters rows that are already in order instead of
    // sorting everything that passes again; only a new sort order (a click on a column) sorts.
    private final SortedList<StoredResult> sorted = new SortedList<>(rows);
    private final FilteredList<StoredResult> filtered = new FilteredList<>(sorted);
    private final ObservableSet<Status> statuses = FXCollections.observableSet();
    private final ObservableSet<Severity> severities = FXCollections.observableSet();
    private final ObservableSet<String> checkIds = FXCollections.observableSet();
    private final ObservableSet<String> regions = FXCollections.observableSet();
    private final ObservableSet<String> controls = FXCollections.observableSet();
    private final ObservableSet<String> accounts = FXCollections.observableSet();
    private final ObservableList<String> availableAccounts = FXCollections.observableArrayList();
    private final BooleanProperty organization = new SimpleBooleanProperty();
    private final StringProperty searchText = new SimpleStringProperty("");
    private final BooleanProperty showMuted = new SimpleBooleanProperty(true);
    private final ReadOnlyIntegerWrapper visibleCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper failCount = new ReadOnlyIntegerWrapper();
    private final ObservableList<String> availableChecks = FXCollections.observableArrayList();
    private final ObservableList<String> availableRegions = FXCollections.observableArrayList();
    private final ObservableList<String> availableControls = FXCollections.observableArrayList();

    public FindingsViewModel() {
        snapshot.addListener((obs, old, scan) -> load(scan));
        SetChangeListener<Object> refilter = change -> applyFilters();
        statuses.addListener(refilter);
        severities.addListener(refilter);
        checkIds.addListener(refilter);
        regions.addListener(refilter);
        controls.addListener(refilter);
        accounts.addListener(refilter);
        searchText.addListener((obs, old, text) -> applyFilters());
        showMuted.addListener((obs, old, show) -> applyFilters());
    }

    public ObjectProperty<ScanSnapshot> snapshotProperty() {
        return snapshot;
    }

    /** The rows to show, filtered, in the order of {@link #comparatorProperty()}. */
    public ObservableList<StoredResult> sortedRows() {
        return filtered;
    }

    /**
     * The order of the rows: bind it to the table's comparator (and give the table a sort policy that leaves the
     * sorting to this model). Null keeps the opening order: failures first, worst severity first.
     */
    public ObjectProperty<Comparator<? super StoredResult>> comparatorProperty() {
        return sorted.comparatorProperty();
    }

    public ObservableSet<Status> statuses() {
        return statuses;
    }

    public ObservableSet<Severity> severities() {
        return severities;
    }

    public ObservableSet<String> checkIds() {
        return checkIds;
    }

    public ObservableSet<String> regions() {
        return regions;
    }

    /** Security Hub control ids, e.g. {@code DynamoDB.2}. */
    public ObservableSet<String> controls() {
        return controls;
    }

    /** Account ids (an organisation scan's); empty means every account. */
    public ObservableSet<String> accounts() {
        return accounts;
    }

    /** The accounts with results in the current organisation scan, by id; empty for a one-account scan. */
    public ObservableList<String> availableAccounts() {
        return availableAccounts;
    }

    /** True when the current scan is an organisation's: the table shows an Account column and filter. */
    public BooleanProperty organizationProperty() {
        return organization;
    }

    /** "222222222222 (Payments)" for an organisation scan's account, the id alone otherwise. */
    public String accountLabel(String accountId) {
        ScanSnapshot scan = snapshot.get();
        if (scan == null || scan.organization() == null) {
            return accountId == null ? "" : accountId;
        }
        return scan.organization().label(accountId);
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public BooleanProperty showMutedProperty() {
        return showMuted;
    }

    public ReadOnlyIntegerProperty visibleCountProperty() {
        return visibleCount.getReadOnlyProperty();
    }

    /** FAIL rows among the visible ones. */
    public ReadOnlyIntegerProperty failCountProperty() {
        return failCount.getReadOnlyProperty();
    }

    public ObservableList<String> availableChecks() {
        return availableChecks;
    }

    public ObservableList<String> availableRegions() {
        return availableRegions;
    }

    public ObservableList<String> availableControls() {
        return availableControls;
    }

    /** Metadata of a check in the current scan, or null. */
    public CheckMetadata metadataOf(String checkId) {
        ScanSnapshot scan = snapshot.get();
        return scan == null ? null : scan.metadata().get(checkId);
    }

    /** Security Hub control of a check, or null. */
    public String controlOf(String checkId) {
        CheckMetadata metadata = metadataOf(checkId);
        return metadata == null ? null : metadata.securityHubControl();
    }

    // commands

    /** Clears every filter, then shows only the failing results of one check (from the overview). */
    public void showFailuresOf(String checkId) {
        clearFilters();
        checkIds.add(checkId);
        statuses.add(Status.FAIL);
    }

    /** Clears every filter, then shows only the failing results of one account (from the accounts × controls view). */
    public void showFailuresOfAccount(String accountId) {
        clearFilters();
        accounts.add(accountId);
        statuses.add(Status.FAIL);
    }

    public void clearFilters() {
        statuses.clear();
        severities.clear();
        checkIds.clear();
        regions.clear();
        controls.clear();
        accounts.clear();
        searchText.set("");
        showMuted.set(true);
    }

    /**
     * The filled CLI remediation of one result, or null when its check has none. In an organisation scan it
     * starts with a comment naming the account and the credentials it runs with.
     */
    public String cliFor(StoredResult row) {
        ScanSnapshot scan = snapshot.get();
        return CopyScriptBuilder.cliFor(row.result(), metadataOf(row.result().checkId()),
                scan == null ? null : scan.organization());
    }

    /** One script with the CLI remediation of the failing results among {@code selection}. */
    public String scriptFor(Collection<StoredResult> selection) {
        ScanSnapshot scan = snapshot.get();
        return scan == null ? "" : CopyScriptBuilder.build(selection, scan);
    }

    private void load(ScanSnapshot scan) {
        List<StoredResult> all = scan == null ? List.of() : scan.rows();
        Set<String> checks = new TreeSet<>();
        Set<String> regionNames = new TreeSet<>();
        Set<String> accountIds = new TreeSet<>();
        Set<String> controlIds = new TreeSet<>(Comparator.comparing(FindingsViewModel::controlOrder));
        for (StoredResult row : all) {
            checks.add(row.result().checkId());
            regionNames.add(row.result().resource().region());
            if (row.result().resource().accountId() != null) {
                accountIds.add(row.result().resource().accountId());
            }
        }
        if (scan != null) {
            for (String check : checks) {
                CheckMetadata metadata = scan.metadata().get(check);
                if (metadata != null && metadata.securityHubControl() != null) {
                    controlIds.add(metadata.securityHubControl());
                }
            }
        }
        availableChecks.setAll(checks);
        availableRegions.setAll(regionNames);
        availableControls.setAll(controlIds);
        boolean org = scan != null && scan.organization() != null;
        availableAccounts.setAll(org ? accountIds : Set.of());
        organization.set(org);
        // Filters naming things the new scan lacks would hide everything without saying why.
        checkIds.retainAll(checks);
        regions.retainAll(regionNames);
        controls.retainAll(controlIds);
        accounts.retainAll(org ? accountIds : Set.of());
        // Until a column is sorted, what needs doing comes first: failures, then errors, worst severity first.
        List<StoredResult> ordered = new java.util.ArrayList<>(all);
        ordered.sort(OPENING_ORDER);
        rows.setAll(ordered);
        applyFilters();
    }

    /** The order the table opens in: FAIL, ERROR, PASS, N/A; inside each, critical first; then resource and check. */
    static final Comparator<StoredResult> OPENING_ORDER = Comparator
            .comparingInt((StoredResult row) -> ResultLabels.attentionRank(row.result().status()))
            .thenComparing(row -> row.result().severity(), Comparator.reverseOrder())
            .thenComparing(row -> Objects.requireNonNullElse(row.result().resource().name(), ""))
            .thenComparing(row -> row.result().checkId());


    /**
     * The title of a filter box, saying what it lets through: "Status: any" when nothing (or everything) is
     * ticked, the ticked values when they are short ("Status: Fail, Error"), else "Check: 2 of 14".
     */
    public static String filterTitle(String name, List<String> checkedLabels, int choices) {
        if (checkedLabels.isEmpty() || checkedLabels.size() == choices) {
            return name + ": any";
        }
        String joined = String.join(", ", checkedLabels);
        return name + ": " + (joined.length() <= FILTER_TITLE_VALUES ? joined
                : checkedLabels.size() + " of " + choices);
    }

    /** The longest list of ticked values a filter box's title shows before it counts them instead. */
    private static final int FILTER_TITLE_VALUES = 12;

    /** Orders DynamoDB.2 before DynamoDB.10. */
    static String controlOrder(String control) {
        int dot = control.lastIndexOf('.');
        String number = dot < 0 ? "" : control.substring(dot + 1);
        return number.matches("\\d+") ? control.substring(0, dot) + String.format(Locale.ROOT, ".%05d", Integer.parseInt(number)) : control;
    }

    private void applyFilters() {
        filtered.setPredicate(buildPredicate());
        visibleCount.set(filtered.size());
        int fails = 0;
        for (StoredResult row : filtered) {
            if (row.result().status() == Status.FAIL) {
                fails++;
            }
        }
        failCount.set(fails);
    }

    private Predicate<StoredResult> buildPredicate() {
        Set<Status> wantedStatuses = Set.copyOf(statuses);
        Set<Severity> wantedSeverities = Set.copyOf(severities);
        Set<String> wantedChecks = Set.copyOf(checkIds);
        Set<String> wantedRegions = Set.copyOf(regions);
        Set<String> wantedControls = Set.copyOf(controls);
        Set<String> wantedAccounts = Set.copyOf(accounts);
        boolean muted = showMuted.get();
        String needle = Objects.requireNonNullElse(searchText.get(), "").strip().toLowerCase(Locale.ROOT);
        ScanSnapshot scan = snapshot.get();
        Map<String, CheckMetadata> metadata = scan == null ? Map.of() : scan.metadata();
        return row -> {
            CheckResult r = row.result();
            if (!muted && row.muted()) {
                return false;
            }
            if (!wantedStatuses.isEmpty() && !wantedStatuses.contains(r.status())) {
                return false;
            }
            if (!wantedSeverities.isEmpty() && !wantedSeverities.contains(r.severity())) {
                return false;
            }
            if (!wantedChecks.isEmpty() && !wantedChecks.contains(r.checkId())) {
                return false;
            }
            if (!wantedRegions.isEmpty() && !wantedRegions.contains(r.resource().region())) {
                return false;
            }
            if (!wantedAccounts.isEmpty() && !wantedAccounts.contains(r.resource().accountId())) {
                return false;
            }
            CheckMetadata meta = metadata.get(r.checkId());
            if (!wantedControls.isEmpty()
                    && (meta == null || meta.securityHubControl() == null
                    || !wantedControls.contains(meta.securityHubControl()))) {
                return false;
            }
            return needle.isEmpty() || matches(r, meta, needle)
                    || (scan != null && scan.organization() != null
                    && contains(scan.organization().label(r.resource().accountId()), needle));
        };
    }

    private static boolean matches(CheckResult r, CheckMetadata meta, String needle) {
        return contains(r.resource().name(), needle) || contains(r.checkId(), needle)
                || (meta != null && contains(meta.title(), needle)) || contains(r.resource().arn(), needle)
                || contains(r.statusText(), needle);
    }

    /**
     * Whether {@code haystack} holds {@code needle} (already lower case), ignoring case, without copying the
     * haystack: the filter runs this on every row at every keystroke.
     */
    static boolean contains(String haystack, String needle) {
        if (haystack == null) {
            return false;
        }
        int length = needle.length();
        if (length == 0) {
            return true;
        }
        char lower = needle.charAt(0);
        char upper = Character.toUpperCase(lower);
        for (int i = 0, last = haystack.length() - length; i <= last; i++) {
            char c = haystack.charAt(i);
            if ((c == lower || c == upper || Character.toLowerCase(c) == lower)
                    && haystack.regionMatches(true, i, needle, 0, length)) {
                return true;
            }
        }
        return false;
    }
}
