package io.tablewarden.ui.results;

import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;
import io.tablewarden.store.StoredResult;
import io.tablewarden.ui.model.OrganizationContext;
import io.tablewarden.ui.model.ScanSnapshot;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The accounts × controls view of an organisation scan: for every account its pass rate over all its results
 * and per Security Hub control, worst first, so the accounts that need attention lead. Accounts that could not be
 * scanned (a refused role) come first with the reason; suspended and left-out accounts last. Empty for a scan of
 * one account.
 */
public final class AccountsMatrixViewModel {

    /** Column of the checks that no Security Hub control covers. */
    public static final String OTHER_CHECKS = "Other";

    /**
     * PASS and FAIL results of one account within one column; ERROR and N/A do not count towards a pass rate.
     *
     * @param pass PASS results
     * @param fail FAIL results
     */
    public record Tally(int pass, int fail) {
        /** PASS ÷ (PASS + FAIL), or -1 when neither occurs (nothing to rate). */
        public double rate() {
            return pass + fail == 0 ? -1 : pass / (double) (pass + fail);
        }

        Tally plus(Status status) {
            return switch (status) {
                case PASS -> new Tally(pass + 1, fail);
                case FAIL -> new Tally(pass, fail + 1);
                default -> this;
            };
        }
    }

    /**
     * One account's row.
     *
     * @param accountId the account
     * @param name      its name in the organisation
     * @param unitPath  its OU path
     * @param outcome   scanned, error, suspended, excluded or cancelled
     * @param message   why it was not scanned, or null
     * @param overall   its pass rate over every control
     * @param errors    its ERROR results (calls that failed)
     * @param byControl per column of {@link #controls()}, its tally
     */
    public record AccountRow(String accountId, String name, String unitPath, String outcome, String message,
                             Tally overall, int errors, Map<String, Tally> byControl) {
        public AccountRow {
            byControl = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byControl));
        }

        /** "222222222222 (Payments)" or the id. */
        public String label() {
            return name == null || name.isBlank() ? accountId : accountId + " (" + name + ")";
        }

        /** Its tally in one column (zero when it has no result there). */
        public Tally tally(String control) {
            return byControl.getOrDefault(control, new Tally(0, 0));
        }
    }

    private final ObjectProperty<ScanSnapshot> snapshot = new SimpleObjectProperty<>();
    private final ObservableList<AccountRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> controls = FXCollections.observableArrayList();

    public AccountsMatrixViewModel() {
        snapshot.addListener((o, was, now) -> load(now));
    }

    public ObjectProperty<ScanSnapshot> snapshotProperty() {
        return snapshot;
    }

    /** The accounts, refused ones first, then scanned ones worst first, then the ones not scanned by choice. */
    public ObservableList<AccountRow> rows() {
        return rows;
    }

    /** The columns: Security Hub controls in numeric order, then {@link #OTHER_CHECKS} when such checks ran. */
    public ObservableList<String> controls() {
        return controls;
    }

    /** The order of the rows: what needs attention first. */
    static final Comparator<AccountRow> WORST_FIRST = Comparator
            .comparingInt(AccountsMatrixViewModel::group)
            .thenComparingDouble((AccountRow r) -> r.overall().rate() < 0 ? 2 : r.overall().rate())
            .thenComparing(r -> -r.overall().fail())
            .thenComparing(r -> -r.errors())
            .thenComparing(AccountRow::accountId);

    /** 0: could not be scanned; 1: scanned; 2: not scanned by choice or because it is suspended. */
    private static int group(AccountRow r) {
        return switch (r.outcome()) {
            case "error", "cancelled" -> 0;
            case "scanned" -> 1;
            default -> 2;
        };
    }

    private void load(ScanSnapshot scan) {
        if (scan == null || scan.organization() == null) {
            rows.clear();
            controls.clear();
            return;
        }
        OrganizationContext org = scan.organization();
        Map<String, CheckMetadata> metadata = scan.metadata();
        Map<String, Map<String, Tally>> tallies = new LinkedHashMap<>();
        Map<String, Tally> overall = new LinkedHashMap<>();
        Map<String, Integer> errors = new LinkedHashMap<>();
        TreeSet<String> columns = new TreeSet<>(Comparator.comparing(c -> OTHER_CHECKS.equals(c) ? "\uffff"
                : FindingsViewModel.controlOrder(c)));
        for (StoredResult row : scan.rows()) {
            CheckResult r = row.result();
            String account = r.resource().accountId();
            CheckMetadata meta = metadata.get(r.checkId());
            String control = meta == null || meta.securityHubControl() == null || meta.securityHubControl().isBlank()
                    ? OTHER_CHECKS : meta.securityHubControl();
            columns.add(control);
            tallies.computeIfAbsent(account, a -> new LinkedHashMap<>())
                    .merge(control, new Tally(0, 0).plus(r.status()), (a, b) -> new Tally(a.pass() + b.pass(),
                            a.fail() + b.fail()));
            overall.merge(account, new Tally(0, 0).plus(r.status()), (a, b) -> new Tally(a.pass() + b.pass(),
                    a.fail() + b.fail()));
            if (r.status() == Status.ERROR) {
                errors.merge(account, 1, Integer::sum);
            }
        }
        List<AccountRow> out = new ArrayList<>();
        for (OrganizationContext.Account a : org.accounts()) {
            out.add(new AccountRow(a.id(), a.name(), a.unitPath(), a.outcome(), a.message(),
                    overall.getOrDefault(a.id(), new Tally(0, 0)), errors.getOrDefault(a.id(), 0),
                    tallies.getOrDefault(a.id(), Map.of())));
        }
        out.sort(WORST_FIRST);
        controls.setAll(columns);
        rows.setAll(out);
    }
}
