package io.tablewarden.ui.history;

import io.tablewarden.app.StoredScans;
import io.tablewarden.store.ScanComparison;
import io.tablewarden.store.OrganizationScanAccount;
import io.tablewarden.store.OrganizationScanSummary;
import io.tablewarden.store.ScanSummary;
import io.tablewarden.store.TablewardenStore;
import io.tablewarden.ui.model.ScanSnapshot;
import io.tablewarden.ui.shell.StoreProblems;
import io.tablewarden.ui.shell.WorkbenchContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * State of the Scans page: the stored scans, the account filter, and the commands to open one scan or compare
 * two. Every database read runs on the context's executor.
 */
public final class HistoryViewModel {

    /** Value of {@link #accountFilterProperty()} that shows every account. */
    public static final String ALL_ACCOUNTS = "All accounts";

    private final WorkbenchContext context;
    private final List<ScanSummary> loaded = new ArrayList<>();
    private final ObservableList<ScanSummary> scans = FXCollections.observableArrayList();
    private final ObservableList<String> accounts = FXCollections.observableArrayList(ALL_ACCOUNTS);
    private final StringProperty accountFilter = new SimpleStringProperty(ALL_ACCOUNTS);
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<CompareViewModel> comparison = new SimpleObjectProperty<>();
    private final ObservableList<OrganizationScanSummary> organizationScans = FXCollections.observableArrayList();

    public HistoryViewModel(WorkbenchContext context) {
        this.context = context;
        accountFilter.addListener((obs, was, now) -> applyFilter());
    }

    // Properties

    /** The stored organisation scans, newest first, each with its accounts. */
    public ObservableList<OrganizationScanSummary> organizationScans() {
        return organizationScans;
    }

    /** The scans shown: newest first, those of the filtered account only. */
    public ObservableList<ScanSummary> scans() {
        return scans;
    }

    /** {@link #ALL_ACCOUNTS} then every account that has scans. */
    public ObservableList<String> accounts() {
        return accounts;
    }

    /** The selected account, or {@link #ALL_ACCOUNTS}. */
    public StringProperty accountFilterProperty() {
        return accountFilter;
    }

    /** True while scans are read from the database. */
    public BooleanProperty loadingProperty() {
        return loading;
    }

    /** A line under the list: how many scans, or why there are none. */
    public StringProperty messageProperty() {
        return message;
    }

    /** The comparison on screen, or null while the list is shown. */
    public ObjectProperty<CompareViewModel> comparisonProperty() {
        return comparison;
    }

    // Commands

    /** Reads the stored scans again. */
    public void load() {
        TablewardenStore store = context.store();
        if (store == null) {
            message.set("No scan database.");
            context.showError("Stored scans are not available", StoreProblems.NO_DATABASE, null);
            return;
        }
        loading.set(true);
        message.set("Loading stored scans…");
        context.executor().submit(() -> new Listing(new StoredScans(store, context.checks()).list(null),
                store.organizationScans().list()), listing -> {
            List<ScanSummary> list = listing.scans();
            organizationScans.setAll(listing.organizations());
            loading.set(false);
            loaded.clear();
            loaded.addAll(list);
            TreeSet<String> ids = new TreeSet<>();
            list.forEach(s -> ids.add(accountLabel(s)));
            String keep = accountFilter.get();
            accounts.setAll(ALL_ACCOUNTS);
            accounts.addAll(ids);
            accountFilter.set(accounts.contains(keep) ? keep : ALL_ACCOUNTS);
            applyFilter();
        }, failure -> {
            loading.set(false);
            message.set("The stored scans could not be read.");
            context.showError("Stored scans could not be read",
                    StoreProblems.describe("read the stored scans", failure), failure);
        });
    }

    /** What one read of the database lists. */
    private record Listing(List<ScanSummary> scans, List<OrganizationScanSummary> organizations) {
    }

    /**
     * Loads the organisation scan {@code scan} (every scanned account's results, with their mute flags), makes it
     * the current scan and shows its accounts on the Compliance page.
     */
    public void openOrganization(OrganizationScanSummary scan) {
        TablewardenStore store = context.store();
        if (scan == null || store == null) {
            return;
        }
        message.set("Opening organisation scan " + scan.id() + "…");
        context.executor().submit(() -> ScanSnapshots.loadOrganization(store, scan.id(), context.checks()),
                (ScanSnapshot snapshot) -> {
                    message.set(countLine());
                    context.currentScan().set(snapshot);
                    context.showPage("compliance");
                }, failure -> {
                    message.set(countLine());
                    context.showError("Organisation scan " + scan.id() + " could not be opened",
                            StoreProblems.describe("open organisation scan " + scan.id(), failure), failure);
                });
    }

    /** Opens one account's scan of an organisation scan, as any stored scan. */
    public void openAccount(OrganizationScanAccount account) {
        if (account == null || account.scanId() == null) {
            return;
        }
        loaded.stream().filter(s -> s.id() == account.scanId()).findFirst().ifPresent(this::open);
    }

    /** "o-abc123 · 5 accounts: 3 scanned, 1 refused, 1 suspended". */
    public static String organizationLabel(OrganizationScanSummary scan) {
        StringBuilder text = new StringBuilder(scan.organizationId()).append(" · ").append(scan.accounts().size())
                .append(scan.accounts().size() == 1 ? " account" : " accounts");
        List<String> parts = new ArrayList<>();
        for (OrganizationScanAccount.Outcome outcome : OrganizationScanAccount.Outcome.values()) {
            int n = scan.accounts(outcome).size();
            if (n > 0) {
                parts.add(n + " " + (outcome == OrganizationScanAccount.Outcome.ERROR ? "refused"
                        : outcome.name().toLowerCase(java.util.Locale.ROOT)));
            }
        }
        return parts.isEmpty() ? text.toString() : text.append(": ").append(String.join(", ", parts)).toString();
    }

    /** Loads {@code scan} with its mute flags, makes it the current scan and shows its findings. */
    public void open(ScanSummary scan) {
        TablewardenStore store = context.store();
        if (scan == null || store == null) {
            return;
        }
        message.set("Opening scan " + scan.id() + "…");
        context.executor().submit(() -> ScanSnapshots.load(store, scan.id(), context.checks()),
                (ScanSnapshot snapshot) -> {
                    message.set(countLine());
                    context.currentScan().set(snapshot);
                    context.showPage("findings");
                }, failure -> {
                    message.set(countLine());
                    context.showError("Scan " + scan.id() + " could not be opened",
                            StoreProblems.describe("open scan " + scan.id(), failure), failure);
                });
    }

    /**
     * Compares two scans of one account, the older one first whatever the order given. Scans of different
     * accounts are refused with a message: their findings share nothing to compare.
     *
     * @return false when the scans cannot be compared
     */
    public boolean compare(ScanSummary first, ScanSummary second) {
        TablewardenStore store = context.store();
        if (first == null || second == null || store == null || first.id() == second.id()) {
            return false;
        }
        if (!Objects.equals(first.accountId(), second.accountId())) {
            context.showError("These scans cannot be compared",
                    "Scan " + first.id() + " audited account " + accountLabel(first) + " and scan " + second.id()
                            + " audited account " + accountLabel(second) + ". Only scans of the same account can be"
                            + " compared: pick two scans of one account (filter the list by account).", null);
            return false;
        }
        ScanSummary older = first.id() < second.id() ? first : second;
        ScanSummary newer = older == first ? second : first;
        message.set("Comparing scans " + older.id() + " and " + newer.id() + "…");
        context.executor().submit(() -> new StoredScans(store, context.checks()).compare(older.id(), newer.id()),
                (ScanComparison result) -> {
                    message.set(countLine());
                    comparison.set(new CompareViewModel(context, older, newer, result));
                }, failure -> {
                    message.set(countLine());
                    context.showError("The scans could not be compared",
                            StoreProblems.describe("compare scans " + older.id() + " and " + newer.id(), failure),
                            failure);
                });
        return true;
    }

    /** Leaves the comparison and shows the list again. */
    public void closeComparison() {
        comparison.set(null);
    }

    /**
     * How a scan's profile is shown. A scan made without an AWS profile served its account on this machine (the
     * built-in demo account or a fixture file): it says so instead of showing a dash as if something were missing.
     */
    public static String profileLabel(ScanSummary scan) {
        if (scan.profileName() != null) {
            return scan.profileName();
        }
        return scan.reevaluationOf() != null ? "re-evaluated" : "demo or fixture";
    }

    /** How a scan's account is shown, with its alias when known; "unknown" when the scan ended before learning it. */
    public static String accountLabel(ScanSummary scan) {
        if (scan.accountId() == null) {
            return "unknown";
        }
        return scan.accountAlias() == null ? scan.accountId() : scan.accountId() + " (" + scan.accountAlias() + ")";
    }

    private void applyFilter() {
        String account = accountFilter.get();
        List<ScanSummary> shown = new ArrayList<>();
        for (ScanSummary s : loaded) {
            if (account == null || ALL_ACCOUNTS.equals(account) || account.equals(accountLabel(s))) {
                shown.add(s);
            }
        }
        scans.setAll(shown);
        message.set(countLine());
    }

    private String countLine() {
        if (loaded.isEmpty()) {
            return "No stored scans yet. Run a scan from the Scan page; it is kept here.";
        }
        return scans.size() + (scans.size() == 1 ? " scan" : " scans")
                + (scans.size() == loaded.size() ? "" : " of " + loaded.size());
    }
}
