package io.tablewarden.ui.scan;

import io.tablewarden.app.AccountScan;
import io.tablewarden.app.AppException;
import io.tablewarden.app.Failure;
import io.tablewarden.app.MemberRoleSettings;
import io.tablewarden.app.OrganizationScanResult;
import io.tablewarden.app.OrganizationScanService;
import io.tablewarden.app.OrganizationScope;
import io.tablewarden.app.ScanService;
import io.tablewarden.app.ScanTarget;
import io.tablewarden.engine.FailureKind;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.org.OrganizationAccount;
import io.tablewarden.engine.org.OrganizationMap;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.report.ProductInfo;
import io.tablewarden.report.ScanReport;
import io.tablewarden.store.OrganizationScanAccount.Outcome;
import io.tablewarden.store.StoredResult;
import io.tablewarden.store.TablewardenStore;
import io.tablewarden.ui.history.ScanSnapshots;
import io.tablewarden.ui.model.OrganizationContext;
import io.tablewarden.ui.model.ScanSnapshot;
import io.tablewarden.ui.tasks.TaskExecutor;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The organisation half of the scan page: the accounts of the organisation behind the chosen profile (listed
 * through the application layer from Organizations), which of them to scan, the role to assume in each member,
 * and the running organisation scan's progress per account. The scan itself is
 * {@link OrganizationScanService#run}, on a worker thread; its state, activity and problem are the scan page's
 * ({@link ScanViewModel}), so the tool bar, the status bar and the banners follow it like a one-account scan.
 */
public final class OrganizationScanViewModel {

    /** One account of the listed organisation and whether it is scanned. */
    public static final class AccountChoice {
        private final OrganizationAccount account;
        private final boolean own;
        private final BooleanProperty selected = new SimpleBooleanProperty();

        AccountChoice(OrganizationAccount account, boolean own) {
            this.account = account;
            this.own = own;
            selected.set(account.active());
            // a suspended or closing account cannot be scanned: it stays unticked whatever asks
            selected.addListener((o, was, now) -> {
                if (now && !account.active()) {
                    selected.set(false);
                }
            });
        }

        public String id() {
            return account.id();
        }

        public String name() {
            return account.name();
        }

        /** The OUs from the root down; empty under the root. */
        public String unitPath() {
            return account.unitPath();
        }

        /** {@code ACTIVE}, {@code SUSPENDED} or {@code PENDING_CLOSURE}. */
        public String status() {
            return account.status();
        }

        /** Whether it can be scanned at all (suspended and closing accounts cannot). */
        public boolean selectable() {
            return account.active();
        }

        /** The account whose credentials list and scan the organisation (it needs no role). */
        public boolean own() {
            return own;
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }

        @Override
        public String toString() {
            return id() + " " + name();
        }
    }

    /** Label of the accounts directly under the root in {@link #units()}. */
    public static final String ROOT_UNIT = "(root)";

    private final ObservableList<AccountChoice> accounts = FXCollections.observableArrayList();
    private final ObservableList<String> units = FXCollections.observableArrayList();
    private final ObservableList<AccountStatus> accountRows = FXCollections.observableArrayList();
    private final StringProperty roleName = new SimpleStringProperty(MemberRoleSettings.DEFAULT_ROLE_NAME);
    private final StringProperty externalId = new SimpleStringProperty("");
    private final BooleanProperty includeOwnAccount = new SimpleBooleanProperty(true);
    private final BooleanProperty listing = new SimpleBooleanProperty();
    private final StringProperty organizationId = new SimpleStringProperty();
    private final ReadOnlyIntegerWrapper selectedCount = new ReadOnlyIntegerWrapper();
    private final ObjectProperty<ScanTarget> listedTarget = new SimpleObjectProperty<>();

    private final ScanViewModel page;
    private final TaskExecutor executor;
    private final ScanService service;
    private final TablewardenStore store;
    private final ObjectProperty<ScanSnapshot> currentScan;
    private final Map<String, CheckMetadata> metadata;

    private final javafx.beans.binding.BooleanBinding listedNow;

    private LiveOrganization live;
    private ScanTarget liveTarget;
    private MemberRoleSettings liveRole;
    private java.time.Instant liveStarted;

    OrganizationScanViewModel(ScanViewModel page, TaskExecutor executor, ScanService service,
                              TablewardenStore store, ObjectProperty<ScanSnapshot> currentScan,
                              Map<String, CheckMetadata> metadata) {
        this.page = page;
        this.executor = executor;
        this.service = service;
        this.store = store;
        this.currentScan = currentScan;
        this.metadata = metadata;
        includeOwnAccount.addListener((o, was, now) -> accounts.stream().filter(AccountChoice::own)
                .forEach(a -> a.selectedProperty().set(now)));
        listedNow = javafx.beans.binding.Bindings.createBooleanBinding(this::listed, listedTarget,
                page.targetProperty());
    }

    // properties

    /** The listed organisation's accounts, in the order Organizations walked them; empty until listed. */
    public ObservableList<AccountChoice> accounts() {
        return accounts;
    }

    /** The OU paths of the listed accounts, for "select by OU". */
    public ObservableList<String> units() {
        return units;
    }

    /** One row per account while (and after) an organisation scan runs. */
    public ObservableList<AccountStatus> accountRows() {
        return accountRows;
    }

    public StringProperty roleNameProperty() {
        return roleName;
    }

    /** The external id the members' trust policies require; blank for none. */
    public StringProperty externalIdProperty() {
        return externalId;
    }

    /** Whether the profile's own account is scanned too (with its own credentials). */
    public BooleanProperty includeOwnAccountProperty() {
        return includeOwnAccount;
    }

    /** True while the accounts are being listed. */
    public BooleanProperty listingProperty() {
        return listing;
    }

    /** The listed organisation's id, or null. */
    public StringProperty organizationIdProperty() {
        return organizationId;
    }

    public ReadOnlyIntegerProperty selectedCountProperty() {
        return selectedCount.getReadOnlyProperty();
    }

    /** Whose organisation the accounts are of; null before a listing. */
    public ObjectProperty<ScanTarget> listedTargetProperty() {
        return listedTarget;
    }

    /** {@link #listed()} as a property: whether the listed accounts are the page's target's. */
    public javafx.beans.binding.BooleanBinding listedProperty() {
        return listedNow;
    }

    /** True when the accounts of the page's target are listed (else a scan covers every account). */
    public boolean listed() {
        return listedTarget.get() != null && listedTarget.get().equals(page.targetProperty().get());
    }

    // commands

    /** Lists the accounts of the organisation behind the page's target in the background. */
    public void listAccounts() {
        ScanTarget target = page.targetProperty().get();
        if (target == null || listing.get()) {
            return;
        }
        listing.set(true);
        page.setProblem(null);
        page.activityProperty().set("Listing the accounts of the organisation of " + target.label());
        executor.submit(() -> new OrganizationScanService(service).readOrganization(target), organization -> {
            listing.set(false);
            show(target, organization);
            page.activityProperty().set(organization.accounts().size() + " accounts in organisation "
                    + organization.id());
        }, error -> {
            listing.set(false);
            page.activityProperty().set("The accounts could not be listed");
            page.setProblem(new Failure(error instanceof AppException app ? app.kind() : FailureKind.of(error),
                    "The organisation's accounts could not be listed: " + ScanViewModel.readable(
                            String.valueOf(error.getMessage()))));
        });
    }

    /** Ticks every account that can be scanned. */
    public void selectAll() {
        accounts.forEach(a -> a.selectedProperty().set(a.selectable()));
    }

    public void selectNone() {
        accounts.forEach(a -> a.selectedProperty().set(false));
    }

    /**
     * Ticks exactly the accounts in the OU {@code unit} (a path as {@link #units()} lists it) and the OUs below it.
     */
    public void selectUnit(String unit) {
        for (AccountChoice a : accounts) {
            a.selectedProperty().set(a.selectable() && within(a.unitPath(), unit));
        }
    }

    /** The ticked accounts' ids, in the organisation's order. */
    public List<String> selectedAccountIds() {
        return accounts.stream().filter(a -> a.selectedProperty().get()).map(AccountChoice::id).toList();
    }

    /** Which accounts a scan started now covers: the ticked ones once listed, else every account. */
    public OrganizationScope scope() {
        if (!listed()) {
            return new OrganizationScope(List.of(), List.of(), Set.of(), includeOwnAccount.get());
        }
        boolean own = accounts.stream().anyMatch(a -> a.own() && a.selectedProperty().get());
        // suspended accounts are named too, so that the scan lists them as suspended rather than left out
        List<String> ids = new java.util.ArrayList<>(selectedAccountIds());
        accounts.stream().filter(a -> !a.selectable()).forEach(a -> ids.add(a.id()));
        return new OrganizationScope(ids, List.of(), Set.of(), own);
    }

    /**
     * Starts the organisation scan of {@code target} with {@code request} for every account; called by the page's
     * start command, which has checked that no scan runs.
     */
    void start(ScanTarget target, ScanRequest request) {
        if (listed() && selectedAccountIds().isEmpty()) {
            page.setProblem(new Failure(FailureKind.OTHER, "Select at least one account to scan."));
            return;
        }
        MemberRoleSettings role;
        try {
            String external = externalId.get() == null || externalId.get().isBlank() ? null : externalId.get().strip();
            role = new MemberRoleSettings(roleName.get() == null ? "" : roleName.get().strip(), external, null);
        } catch (IllegalArgumentException e) {
            page.setProblem(new Failure(FailureKind.OTHER, ScanViewModel.readable(e.getMessage())));
            return;
        }
        OrganizationScope scope = scope();
        live = new LiveOrganization(this::applyLive, executor);
        LiveOrganization scan = live;
        liveTarget = target;
        liveRole = role;
        liveStarted = java.time.Instant.now();
        accountRows.clear();
        page.begin("Reading the organisation of " + target.label());
        executor.submit(() -> run(target, scope, role, request, scan), done -> finished(scan, done),
                error -> failed(scan, error));
    }

    /** Asks the running organisation scan to stop; returns false when none runs. */
    boolean cancel() {
        if (live == null || live.cancellation.isCancelled() || !page.isRunning()) {
            return false;
        }
        live.cancellation.cancel();
        return true;
    }

    /** True while an organisation scan (rather than a one-account scan) is what the page runs. */
    boolean running() {
        return live != null && page.isRunning();
    }

    // internals

    private void show(ScanTarget target, OrganizationMap organization) {
        List<AccountChoice> choices = new ArrayList<>();
        Set<String> paths = new TreeSet<>();
        for (OrganizationAccount a : organization.accounts()) {
            AccountChoice choice = new AccountChoice(a, a.id().equals(organization.callerAccountId()));
            if (choice.own()) {
                choice.selectedProperty().set(includeOwnAccount.get() && choice.selectable());
                choice.selectedProperty().addListener((o, was, now) -> includeOwnAccount.set(now));
            }
            choice.selectedProperty().addListener((o, was, now) -> countSelected());
            choices.add(choice);
            paths.add(a.unitPath() == null || a.unitPath().isEmpty() ? ROOT_UNIT : a.unitPath());
        }
        accounts.setAll(choices);
        units.setAll(paths);
        organizationId.set(organization.id());
        listedTarget.set(target);
        countSelected();
    }

    private void countSelected() {
        selectedCount.set((int) accounts.stream().filter(a -> a.selectedProperty().get()).count());
    }

    private static boolean within(String path, String unit) {
        String p = path == null ? "" : path;
        if (ROOT_UNIT.equals(unit)) {
            return p.isEmpty();
        }
        return p.equals(unit) || p.startsWith(unit + "/");
    }

    /** What the worker thread hands back. */
    private record Finished(OrganizationScanResult result, ScanSnapshot snapshot) {
    }

    private Finished run(ScanTarget target, OrganizationScope scope, MemberRoleSettings role, ScanRequest request,
                         LiveOrganization scan) {
        OrganizationScanResult result = new OrganizationScanService(service).run(target, scope, role, request,
                Math.max(request.concurrency(), OrganizationScanService.DEFAULT_OVERALL_CONCURRENCY), store, scan,
                scan.cancellation);
        ScanSnapshot snapshot = result.organizationScanId() != null && store != null
                ? ScanSnapshots.loadOrganization(store, result.organizationScanId(), service.checks())
                : snapshotOf(result, target, role);
        return new Finished(result, snapshot);
    }

    /** The snapshot of an organisation scan that was not recorded: its results are still in memory. */
    private ScanSnapshot snapshotOf(OrganizationScanResult result, ScanTarget target, MemberRoleSettings role) {
        List<StoredResult> rows = new ArrayList<>();
        Set<String> regions = new TreeSet<>();
        List<OrganizationContext.Account> accounts = new ArrayList<>();
        for (AccountScan a : result.accounts()) {
            Long scanId = a.result() == null ? null : a.result().scanId();
            if (a.result() != null && a.result().outcome() != null && a.result().outcome().results() != null) {
                a.result().outcome().results().forEach(r -> {
                    rows.add(new StoredResult(r, false));
                    regions.add(r.resource().region());
                });
            } else if (scanId != null && store != null) {
                rows.addAll(store.scans().resultsWithMutes(scanId));
            }
            accounts.add(new OrganizationContext.Account(a.account().id(), a.account().name(),
                    a.account().unitPath(), a.outcome().name().toLowerCase(Locale.ROOT), a.message(), scanId));
        }
        OrganizationMap org = result.organization();
        OrganizationContext context = new OrganizationContext(result.organizationScanId(), org.id(),
                org.callerAccountId(), target.isLocal() ? null : target.profile(), role.roleName(), accounts);
        ScanReport.ScanInfo info = new ScanReport.ScanInfo(null, org.partition(), null, List.copyOf(regions),
                result.startedAt(), result.finishedAt(), result.cancelled() ? "CANCELLED" : "COMPLETED",
                ProductInfo.version(), null);
        return new ScanSnapshot(null, info, rows, metadata, context);
    }

    /** Applies the gathered events on the UI thread. */
    private synchronized void applyLive(LiveOrganization.View view) {
        if (view.scan() != live) {
            return;
        }
        for (LiveOrganization.AccountView a : view.accounts()) {
            row(a).update(a.phase(), a.progress(), a.message(), a.detail());
        }
        page.progressProperty().set(view.progress());
        page.resultCountProperty().set(view.results());
        if (view.activity() != null && !view.scan().cancellation.isCancelled()) {
            page.activityProperty().set(view.activity());
        }
        page.refreshElapsed();
        if (view.resultsChanged() && view.organization() != null) {
            // the accounts' results so far, as a running scan of one account publishes its regions' results
            currentScan.set(runningSnapshot(view));
        }
    }

    /** The organisation scan while it runs: the results so far, each account as it stands. */
    private ScanSnapshot runningSnapshot(LiveOrganization.View view) {
        OrganizationMap org = view.organization();
        List<StoredResult> rows = new ArrayList<>(view.allResults().size());
        Set<String> regions = new TreeSet<>();
        view.allResults().forEach(r -> {
            rows.add(new StoredResult(r, false));
            regions.add(r.resource().region());
        });
        List<OrganizationContext.Account> known = new ArrayList<>();
        for (LiveOrganization.AccountView a : view.accounts()) {
            String outcome = switch (a.phase()) {
                case ERROR -> "error";
                case SKIPPED -> "suspended";
                case CANCELLED -> "cancelled";
                case DONE, INCOMPLETE -> "scanned";
                default -> "running";
            };
            known.add(new OrganizationContext.Account(a.id(), a.name(), a.unitPath(), outcome,
                    "error".equals(outcome) ? a.detail() : null, null));
        }
        OrganizationContext context = new OrganizationContext(null, org.id(), org.callerAccountId(),
                liveTarget.isLocal() ? null : liveTarget.profile(), liveRole.roleName(), known);
        ScanReport.ScanInfo info = new ScanReport.ScanInfo(null, org.partition(), null, List.copyOf(regions),
                liveStarted, null, "RUNNING", ProductInfo.version(), null);
        return new ScanSnapshot(null, info, rows, metadata, context);
    }

    private AccountStatus row(LiveOrganization.AccountView a) {
        for (AccountStatus r : accountRows) {
            if (r.accountId().equals(a.id())) {
                return r;
            }
        }
        AccountStatus added = new AccountStatus(a.id(), a.name(), a.unitPath());
        accountRows.add(added);
        return added;
    }

    private synchronized void finished(LiveOrganization scan, Finished done) {
        scan.flushNow();
        live = null;
        OrganizationScanResult result = done.result();
        for (AccountStatus row : accountRows) {
            AccountStatus.Phase phase = row.phaseProperty().get();
            if (phase == AccountStatus.Phase.WAITING || phase == AccountStatus.Phase.SCANNING) {
                row.update(AccountStatus.Phase.CANCELLED, 0, "cancelled", row.detailProperty().get());
            }
        }
        currentScan.set(done.snapshot());
        page.resultCountProperty().set(done.snapshot().rows().size());
        int scanned = result.accounts(Outcome.SCANNED).size();
        int refused = result.accounts(Outcome.ERROR).size();
        int suspended = result.accounts(Outcome.SUSPENDED).size();
        StringBuilder text = new StringBuilder(result.cancelled() ? "Organisation scan cancelled: "
                : "Organisation scan complete: ");
        text.append(scanned).append(scanned == 1 ? " account" : " accounts").append(" scanned, ")
                .append(done.snapshot().rows().size()).append(" results");
        if (refused > 0) {
            text.append("; ").append(refused).append(refused == 1 ? " account" : " accounts")
                    .append(" could not be scanned (see below)");
        }
        if (suspended > 0) {
            text.append("; ").append(suspended).append(" suspended, skipped");
        }
        page.finishOrganization(result.cancelled() ? ScanViewModel.State.CANCELLED : ScanViewModel.State.COMPLETED,
                text.toString(), result.finishedAt(), result.storeProblem());
    }

    private void failed(LiveOrganization scan, Throwable error) {
        scan.flushNow();
        live = null;
        page.failOrganization(new Failure(error instanceof AppException app ? app.kind() : FailureKind.of(error),
                ScanViewModel.readable(String.valueOf(error.getMessage()))));
    }
}
