package io.tablewarden.ui.results;

import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.Severity;
import io.tablewarden.model.Status;
import io.tablewarden.store.StoredResult;
import io.tablewarden.ui.model.ScanSnapshot;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Figures of one scan for the Compliance page: results per status, failures per severity, the pass rate,
 * the state of each Security Hub control DynamoDB.1 to DynamoDB.7, results per check and the checks that fail
 * most.
 */
public final class OverviewViewModel {

    /** The Security Hub controls for DynamoDB, always listed even when the scan has no data for one. */
    public static final List<String> CONTROLS = List.of("DynamoDB.1", "DynamoDB.2", "DynamoDB.3", "DynamoDB.4",
            "DynamoDB.5", "DynamoDB.6", "DynamoDB.7");

    /** How many checks the "top failing" list shows. */
    static final int TOP = 5;

    /** Security Hub's view of a control: failed when any resource fails. */
    public enum ControlState { PASSED, FAILED, ERROR, NO_DATA }

    /**
     * One Security Hub control.
     *
     * @param control  e.g. DynamoDB.2
     * @param checkId  the check that evaluates it, or null when the scan has none
     * @param title    the check's title, or a hint that the scan has no data
     * @param state    PASSED, FAILED (any FAIL), ERROR (no FAIL but some ERROR) or NO_DATA
     * @param failed   failing resources
     * @param total    resources evaluated (PASS, FAIL or ERROR)
     */
    public record ControlStatus(String control, String checkId, String title, ControlState state, int failed,
                                int total) {
    }

    /**
     * Results of one check.
     *
     * @param checkId  the check
     * @param title    its title
     * @param severity its severity
     * @param counts   results per status
     */
    public record CheckSummary(String checkId, String title, Severity severity, Map<Status, Integer> counts) {

        public CheckSummary {
            counts = Map.copyOf(counts);
        }

        public int count(Status status) {
            return counts.getOrDefault(status, 0);
        }
    }

    // properties
    private final ObjectProperty<ScanSnapshot> snapshot = new SimpleObjectProperty<>();
    private final ObservableMap<Status, Integer> statusCounts = FXCollections.observableHashMap();
    private final ObservableMap<Severity, Integer> failuresBySeverity = FXCollections.observableHashMap();
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper muted = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper resources = new ReadOnlyIntegerWrapper();
    private final ReadOnlyDoubleWrapper passRate = new ReadOnlyDoubleWrapper();
    private final ObservableList<ControlStatus> controls = FXCollections.observableArrayList();
    private final ObservableList<CheckSummary> checks = FXCollections.observableArrayList();
    private final ObservableList<CheckSummary> topFailing = FXCollections.observableArrayList();

    public OverviewViewModel() {
        snapshot.addListener((obs, old, scan) -> load(scan));
        load(null);
    }

    public ObjectProperty<ScanSnapshot> snapshotProperty() {
        return snapshot;
    }

    /** Results per status; every status has an entry. */
    public ObservableMap<Status, Integer> statusCounts() {
        return statusCounts;
    }

    /** FAIL results per severity; every severity has an entry. */
    public ObservableMap<Severity, Integer> failuresBySeverity() {
        return failuresBySeverity;
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty mutedProperty() {
        return muted.getReadOnlyProperty();
    }

    /** Distinct tables and DAX clusters. */
    public ReadOnlyIntegerProperty resourcesProperty() {
        return resources.getReadOnlyProperty();
    }

    /** PASS / (PASS + FAIL), from 0 to 1; ERROR and N/A are not judged, so they do not count; 0 when nothing was. */
    public ReadOnlyDoubleProperty passRateProperty() {
        return passRate.getReadOnlyProperty();
    }

    public ObservableList<ControlStatus> controls() {
        return controls;
    }

    /** One summary per check, ordered by id. */
    public ObservableList<CheckSummary> checks() {
        return checks;
    }

    /** Up to five checks with failures, most failures first. */
    public ObservableList<CheckSummary> topFailing() {
        return topFailing;
    }

    private void load(ScanSnapshot scan) {
        Map<Status, Integer> byStatus = new EnumMap<>(Status.class);
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        for (Status s : Status.values()) {
            byStatus.put(s, 0);
        }
        for (Severity s : Severity.values()) {
            bySeverity.put(s, 0);
        }
        Map<String, Map<Status, Integer>> perCheck = new LinkedHashMap<>();
        Map<String, Severity> severityOf = new LinkedHashMap<>();
        Set<String> arns = new HashSet<>();
        int mutedRows = 0;
        List<StoredResult> rows = scan == null ? List.of() : scan.rows();
        for (StoredResult row : rows) {
            Status status = row.result().status();
            byStatus.merge(status, 1, Integer::sum);
            if (status == Status.FAIL) {
                bySeverity.merge(row.result().severity(), 1, Integer::sum);
            }
            if (row.muted()) {
                mutedRows++;
            }
            if (row.result().resource().type() != ResourceType.REGION) {
                arns.add(row.result().resource().arn());
            }
            perCheck.computeIfAbsent(row.result().checkId(), k -> new EnumMap<>(Status.class)).merge(status, 1, Integer::sum);
            severityOf.putIfAbsent(row.result().checkId(), row.result().severity());
        }
        statusCounts.putAll(byStatus);
        failuresBySeverity.putAll(bySeverity);
        total.set(rows.size());
        muted.set(mutedRows);
        resources.set(arns.size());
        int judged = byStatus.get(Status.PASS) + byStatus.get(Status.FAIL);
        passRate.set(judged == 0 ? 0 : byStatus.get(Status.PASS) / (double) judged);

        List<CheckSummary> summaries = new ArrayList<>();
        perCheck.keySet().stream().sorted().forEach(id -> summaries.add(new CheckSummary(id,
                ResultLabels.title(id, metadata(scan, id)), severityOf.get(id), perCheck.get(id))));
        checks.setAll(summaries);
        topFailing.setAll(summaries.stream().filter(s -> s.count(Status.FAIL) > 0)
                .sorted(Comparator.comparingInt((CheckSummary s) -> s.count(Status.FAIL)).reversed()
                        .thenComparing(CheckSummary::severity, Comparator.reverseOrder())
                        .thenComparing(CheckSummary::checkId))
                .limit(TOP).toList());
        controls.setAll(controlStatuses(scan, summaries));
    }

    private static List<ControlStatus> controlStatuses(ScanSnapshot scan, List<CheckSummary> summaries) {
        List<ControlStatus> out = new ArrayList<>();
        for (String control : CONTROLS) {
            CheckSummary summary = null;
            for (CheckSummary s : summaries) {
                CheckMetadata metadata = metadata(scan, s.checkId());
                if (metadata != null && control.equals(metadata.securityHubControl())) {
                    summary = s;
                }
            }
            if (summary == null) {
                out.add(new ControlStatus(control, null, "No results in this scan", ControlState.NO_DATA, 0, 0));
                continue;
            }
            int fail = summary.count(Status.FAIL);
            int error = summary.count(Status.ERROR);
            int pass = summary.count(Status.PASS);
            ControlState state = fail > 0 ? ControlState.FAILED : error > 0 ? ControlState.ERROR
                    : pass > 0 ? ControlState.PASSED : ControlState.NO_DATA;
            out.add(new ControlStatus(control, summary.checkId(), summary.title(), state, fail, fail + error + pass));
        }
        return out;
    }

    private static CheckMetadata metadata(ScanSnapshot scan, String checkId) {
        return scan == null ? null : scan.metadata().get(checkId);
    }
}
