package io.tablewarden.ui.scan;

import io.tablewarden.app.AccountScan;
import io.tablewarden.app.OrganizationListener;
import io.tablewarden.app.ScanVerdict;
import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.org.OrganizationAccount;
import io.tablewarden.engine.org.OrganizationMap;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.inventory.RegionInventory;
import io.tablewarden.store.OrganizationScanAccount.Outcome;
import io.tablewarden.ui.tasks.TaskExecutor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Gathers a running organisation scan's events (several accounts at once, each on its own worker threads) and
 * hands the UI thread one consistent view at a time, as {@link LiveScan} does for one account: while a view waits
 * to be applied, further events only change the gathered state.
 */
final class LiveOrganization implements OrganizationListener {

    /** One account as the UI shows it. */
    record AccountView(String id, String name, String unitPath, AccountStatus.Phase phase, double progress,
                       String message, String detail) {
    }

    /** Everything the UI needs at one moment. */
    record View(LiveOrganization scan, OrganizationMap organization, List<AccountView> accounts, double progress,
                int results, String activity, List<CheckResult> allResults, boolean resultsChanged) {
    }

    final CancellationToken cancellation = new CancellationToken();
    private final Consumer<View> apply;
    private final TaskExecutor executor;
    private final AtomicBoolean flushPending = new AtomicBoolean();

    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final List<CheckResult> results = new ArrayList<>();
    private OrganizationMap organization;
    private String activity;
    private boolean resultsChanged;

    /** One account's gathered state; guarded by the enclosing instance. */
    private static final class Account {
        final OrganizationAccount account;
        AccountStatus.Phase phase = AccountStatus.Phase.WAITING;
        String message = "waiting";
        String error;
        final Map<String, String> regions = new LinkedHashMap<>();
        final Map<String, Double> regionProgress = new LinkedHashMap<>();
        int results;

        Account(OrganizationAccount account) {
            this.account = account;
        }
    }

    LiveOrganization(Consumer<View> apply, TaskExecutor executor) {
        this.apply = apply;
        this.executor = executor;
    }

    @Override
    public void organizationRead(OrganizationMap organization, List<OrganizationAccount> toScan,
                                 List<AccountScan> notScanned) {
        synchronized (this) {
            this.organization = organization;
            for (OrganizationAccount a : toScan) {
                accounts.put(a.id(), new Account(a));
            }
            for (AccountScan a : notScanned) {
                if (a.outcome() == Outcome.SUSPENDED) {
                    Account skipped = new Account(a.account());
                    skipped.phase = AccountStatus.Phase.SKIPPED;
                    skipped.message = a.account().status().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                            + ": not scanned";
                    accounts.put(a.account().id(), skipped);
                }
            }
            activity = "Organisation " + organization.id() + ": " + toScan.size() + " of "
                    + organization.accounts().size() + " accounts to scan";
        }
        schedule();
    }

    @Override
    public ScanListener accountStarted(OrganizationAccount account) {
        synchronized (this) {
            Account a = accounts.computeIfAbsent(account.id(), id -> new Account(account));
            a.phase = AccountStatus.Phase.SCANNING;
            a.message = "connecting";
        }
        schedule();
        return new AccountListener(account.id());
    }

    @Override
    public void accountFinished(AccountScan done) {
        synchronized (this) {
            Account a = accounts.computeIfAbsent(done.account().id(), id -> new Account(done.account()));
            switch (done.outcome()) {
                case ERROR -> {
                    a.phase = AccountStatus.Phase.ERROR;
                    a.message = "could not be scanned";
                    a.error = done.message();
                }
                case SCANNED -> {
                    boolean failed = done.result() != null && done.result().failure() != null;
                    a.phase = failed || done.verdict() == ScanVerdict.INCOMPLETE ? AccountStatus.Phase.INCOMPLETE
                            : AccountStatus.Phase.DONE;
                    a.message = failed ? "the scan failed" : a.results + " results"
                            + (a.phase == AccountStatus.Phase.INCOMPLETE ? ", some calls failed" : "");
                    if (failed) {
                        a.error = done.result().failure().reason();
                    }
                }
                case CANCELLED -> {
                    a.phase = AccountStatus.Phase.CANCELLED;
                    a.message = "cancelled";
                }
                default -> {
                    a.phase = AccountStatus.Phase.SKIPPED;
                    a.message = done.message() == null ? "not scanned" : done.message();
                }
            }
            boolean stopped = done.result() != null && done.result().outcome() != null
                    && done.result().outcome().state() == io.tablewarden.engine.ScanOutcome.ScanState.CANCELLED;
            if (stopped || cancellation.isCancelled() && a.phase == AccountStatus.Phase.INCOMPLETE) {
                a.phase = AccountStatus.Phase.CANCELLED;
                a.message = "cancelled, " + a.results + " results kept";
            }
        }
        schedule();
    }

    /** Follows one account's regions. */
    private final class AccountListener implements ScanListener {
        private final String accountId;

        AccountListener(String accountId) {
            this.accountId = accountId;
        }

        @Override
        public void scanStarted(String account, List<String> regions) {
            synchronized (LiveOrganization.this) {
                Account a = accounts.get(accountId);
                regions.forEach(r -> {
                    a.regions.putIfAbsent(r, "waiting");
                    a.regionProgress.putIfAbsent(r, 0.0);
                });
                a.message = "scanning " + regions.size() + (regions.size() == 1 ? " region" : " regions");
            }
            schedule();
        }

        @Override
        public void regionStarted(String region) {
            region(region, "listing", 0);
        }

        @Override
        public void regionProgress(String region, int done, int total, String what) {
            region(region, done + "/" + total, total <= 0 ? 0 : Math.min(1.0, done / (double) total));
        }

        @Override
        public void regionFinished(RegionInventory region, String message) {
            String state = switch (region.state()) {
                case SCANNED -> region.failedCalls().isEmpty() ? "done" : "incomplete";
                case DISABLED -> "skipped";
                case CANCELLED -> "cancelled";
                case FAILED -> "failed";
            };
            region(region.region(), state, 1);
        }

        @Override
        public void resultsReady(String region, List<CheckResult> results) {
            synchronized (LiveOrganization.this) {
                accounts.get(accountId).results += results.size();
                LiveOrganization.this.results.addAll(results);
                resultsChanged |= !results.isEmpty();
            }
            schedule();
        }

        private void region(String region, String state, double fraction) {
            synchronized (LiveOrganization.this) {
                Account a = accounts.get(accountId);
                a.regions.put(region, state);
                a.regionProgress.put(region, fraction);
                activity = a.account.id() + " " + region + ": " + state;
            }
            schedule();
        }
    }

    /** Applies the gathered state now (on the UI thread), so the end of a scan shows its last events. */
    void flushNow() {
        flushPending.set(false);
        apply.accept(view());
    }

    /** A consistent copy of the gathered state; marks the results as seen. */
    synchronized View view() {
        List<AccountView> out = new ArrayList<>(accounts.size());
        double sum = 0;
        int counted = 0;
        int results = 0;
        for (Account a : accounts.values()) {
            double progress;
            if (a.phase == AccountStatus.Phase.SCANNING) {
                progress = a.regionProgress.isEmpty() ? -1
                        : a.regionProgress.values().stream().mapToDouble(Double::doubleValue).sum()
                        / a.regionProgress.size();
            } else {
                progress = a.phase == AccountStatus.Phase.WAITING ? 0 : 1;
            }
            if (a.phase != AccountStatus.Phase.SKIPPED) {
                sum += Math.max(0, progress);
                counted++;
            }
            results += a.results;
            String detail = a.error != null ? a.error : regionsLine(a);
            String message = a.phase == AccountStatus.Phase.SCANNING && !a.regions.isEmpty()
                    ? a.results + " results so far" : a.message;
            out.add(new AccountView(a.account.id(), a.account.name(), a.account.unitPath(), a.phase, progress,
                    message, detail));
        }
        View v = new View(this, organization, out, counted == 0 ? -1 : sum / counted, results, activity,
                resultsChanged ? List.copyOf(this.results) : List.of(), resultsChanged);
        resultsChanged = false;
        return v;
    }

    private static String regionsLine(Account a) {
        List<String> parts = new ArrayList<>();
        a.regions.forEach((region, state) -> parts.add(region + " " + state));
        return String.join(" · ", parts);
    }

    private void schedule() {
        if (flushPending.compareAndSet(false, true)) {
            executor.onUiThread(() -> {
                if (flushPending.compareAndSet(true, false)) {
                    apply.accept(view());
                }
            });
        }
    }
}
