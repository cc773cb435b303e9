package io.tablewarden.app;

import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.FailureKind;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.org.OrganizationAccount;
import io.tablewarden.engine.org.OrganizationMap;
import io.tablewarden.engine.collect.OrganizationReader;
import io.tablewarden.model.CollectionError;
import io.tablewarden.store.OrganizationScanAccount;
import io.tablewarden.store.OrganizationScanAccount.Outcome;
import io.tablewarden.store.StoreException;
import io.tablewarden.store.TablewardenStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scans the accounts of an organisation in one run, for the command line and the workbench alike. The
 * organisation is read from its management account (Organizations); each member is reached with sts:AssumeRole
 * from the profile's own credentials (renewed during its scan), and each account's scan is an ordinary scan,
 * recorded like one and grouped under one organisation scan in the store.
 *
 * <p><b>Concurrency.</b> AWS throttles per account and region, so each account's scan keeps its own adaptive
 * limit of {@link ScanRequest#concurrency()} calls in flight (ADR 0009). Accounts are scanned side by side, as many
 * at once as fit under the overall limit: {@code overall / concurrency} of them, so the calls in flight across the
 * organisation never exceed {@code overall}. A new account starts as soon as one ends.
 *
 * <p><b>Failures.</b> A member whose role cannot be assumed (missing, or a trust policy that does not let the
 * caller in) is one account-level ERROR naming the role and the trust policy to fix; the other accounts are
 * unaffected. Suspended accounts are skipped and listed.
 *
 * <p><b>Memory.</b> With a store, each account's inventory and results leave memory once its scan is recorded
 * (the listener still sees them); {@link OrganizationReports} reads them back, so an organisation of hundreds of
 * accounts holds only the accounts in flight.
 */
public final class OrganizationScanService {

    /** Default overall limit of calls in flight across the accounts of an organisation scan. */
    public static final int DEFAULT_OVERALL_CONCURRENCY = 64;

    private final ScanService scans;

    public OrganizationScanService(ScanService scans) {
        this.scans = scans;
    }

    /**
     * Runs the organisation scan and returns when every account has ended; blocks, so call it off the UI thread.
     *
     * @param target       the management account (a profile), the demo organisation, or an organisation fixture
     * @param scope        which accounts
     * @param role         the role to assume in each member
     * @param request      what to scan in each account; its concurrency is each account's own limit
     * @param overall      the most calls in flight across all accounts (at least the request's concurrency)
     * @param store        where to record it, or null
     * @param listener     progress
     * @param cancellation cancels every account's scan; their partial results come back
     * @throws AppException when the organisation cannot be read (the reason names the permission) or a named
     *                      account or OU is not in it ({@link FailureKind#OTHER} with the ids)
     */
    public OrganizationScanResult run(ScanTarget target, OrganizationScope scope, MemberRoleSettings role,
                                      ScanRequest request, int overall, TablewardenStore store,
                                      OrganizationListener listener, CancellationToken cancellation) {
        if (overall < request.concurrency()) {
            throw new IllegalArgumentException("the overall limit " + overall
                    + " is below one account's limit " + request.concurrency());
        }
        Instant started = scans.clock().instant();
        try (ScanConnector.Connection connection = scans.connector().openOrganization(target, scans.mfaCodes())) {
            OrganizationMap organization = read(target, connection.settings());
            List<String> unknown = scope.unknownIn(organization);
            if (!unknown.isEmpty()) {
                throw new UnknownAccountsException(unknown, organization.id());
            }
            List<OrganizationAccount> toScan = new ArrayList<>();
            Map<String, AccountScan> outcomes = Collections.synchronizedMap(new LinkedHashMap<>());
            List<AccountScan> notScanned = new ArrayList<>();
            for (OrganizationAccount account : organization.accounts()) {
                if (!scope.covers(organization, account)) {
                    notScanned.add(AccountScan.of(account, Outcome.EXCLUDED, null, "left out by the options"));
                } else if (!account.active()) {
                    notScanned.add(AccountScan.of(account, Outcome.SUSPENDED, null, "the account is "
                            + account.status().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                            + "; there is nothing to scan"));
                } else {
                    toScan.add(account);
                }
            }
            notScanned.forEach(a -> outcomes.put(a.account().id(), a));
            listener.organizationRead(organization, List.copyOf(toScan), List.copyOf(notScanned));

            Recorder recorder = Recorder.start(store, organization, target, role, started);
            notScanned.forEach(recorder::put);
            try {
                runAccounts(target, connection.settings(), organization, toScan, role, request, overall, store,
                        listener, cancellation, outcomes, recorder);
            } catch (RuntimeException e) {
                recorder.finish("failed", scans.clock().instant());
                throw e;
            }
            Instant finished = scans.clock().instant();
            boolean cancelled = cancellation.isCancelled();
            recorder.finish(cancelled ? "cancelled" : "completed", finished);
            List<AccountScan> ordered = new ArrayList<>();
            for (OrganizationAccount account : organization.accounts()) {
                ordered.add(outcomes.get(account.id()));
            }
            return new OrganizationScanResult(organization, ordered, recorder.id(), started, finished,
                    recorder.problem(), cancelled);
        }
    }

    /**
     * Lists the organisation behind {@code target} (its accounts with their OU and status) without scanning
     * anything, for a screen that lets the user pick the accounts; blocks, so call it off the UI thread.
     *
     * @throws AppException when the organisation cannot be read (the reason names the permission)
     */
    public OrganizationMap readOrganization(ScanTarget target) {
        try (ScanConnector.Connection connection = scans.connector().openOrganization(target, scans.mfaCodes())) {
            return read(target, connection.settings());
        }
    }

    private OrganizationMap read(ScanTarget target, ConnectionSettings connection) {
        try {
            return scans.runnerFor(target).organization(connection);
        } catch (OrganizationReader.OrganizationReadException e) {
            FailureKind kind = e.error() == null ? FailureKind.OTHER : FailureKind.of(e.error());
            throw new AppException(kind, e.getMessage(), e);
        }
    }

    private void runAccounts(ScanTarget target, ConnectionSettings base, OrganizationMap organization,
                             List<OrganizationAccount> toScan,
                             MemberRoleSettings role, ScanRequest request, int overall, TablewardenStore store,
                             OrganizationListener listener, CancellationToken cancellation,
                             Map<String, AccountScan> outcomes, Recorder recorder) {
        int parallel = Math.max(1, Math.min(toScan.size(), overall / request.concurrency()));
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel), r -> {
            Thread t = new Thread(r, "organization-account-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (OrganizationAccount account : toScan) {
                running.add(pool.submit(() -> {
                    AccountScan done;
                    try {
                        done = scanAccount(target, base, organization, account, role, request, store, listener,
                                cancellation);
                    } catch (RuntimeException e) {
                        // one account's unexpected failure is that account's error; the others go on
                        org.slf4j.LoggerFactory.getLogger(OrganizationScanService.class)
                                .warn("the scan of account {} stopped unexpectedly", account.id(), e);
                        done = AccountScan.of(account, Outcome.ERROR, null, "the scan of account " + account.id()
                                + " stopped unexpectedly: " + String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
                    }
                    recorder.put(done);
                    if (done.outcome() != Outcome.CANCELLED) {
                        listener.accountFinished(done);
                    }
                    // a stored account's results are read back from the store: memory holds the accounts in flight
                    outcomes.put(account.id(), done.withoutResults());
                }));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    throw cause instanceof RuntimeException ? (RuntimeException) cause
                            : new IllegalStateException(cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancellation.cancel();
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private AccountScan scanAccount(ScanTarget target, ConnectionSettings base, OrganizationMap organization,
                                    OrganizationAccount account,
                                    MemberRoleSettings role, ScanRequest request, TablewardenStore store,
                                    OrganizationListener listener, CancellationToken cancellation) {
        if (cancellation.isCancelled()) {
            return AccountScan.of(account, Outcome.CANCELLED, null, "the organisation scan was cancelled first");
        }
        ConnectionSettings connection = base;
        boolean own = account.id().equals(organization.callerAccountId());
        if (!own) {
            connection = connection.withMemberRole(role.memberRole(organization.partition(), account.id()));
            CollectionError refused = scans.runnerFor(target).assumeMemberRole(connection);
            if (refused != null) {
                return AccountScan.of(account, Outcome.ERROR, null, roleError(organization, account, role, refused));
            }
        }
        ScanListener accountListener = listener.accountStarted(account);
        ScanResult result = scans.runConnected(target, connection, request, store, accountListener, cancellation);
        return AccountScan.of(account, Outcome.SCANNED, result, null);
    }

    /** The account-level error: what failed, then the role and the trust policy to fix. */
    static String roleError(OrganizationMap organization, OrganizationAccount account, MemberRoleSettings role,
                            CollectionError refused) {
        String roleArn = role.roleArn(organization.partition(), account.id());
        String caller = "arn:" + organization.partition() + ":iam::" + organization.callerAccountId() + ":root";
        String fix = refused.kind() == CollectionError.Kind.ACCESS_DENIED
                ? "create role " + role.roleName() + " in account " + account.id()
                + " (docs/organizations.md: a StackSet or a Terraform module does it in every member), or let its"
                + " trust policy allow sts:AssumeRole for " + caller
                + (role.externalId() != null ? " with the condition sts:ExternalId equal to the agreed external id"
                : "")
                + "; and let the scanning identity call sts:AssumeRole on " + roleArn
                : "try again; if it persists, check that " + roleArn + " exists and trusts " + caller;
        return "cannot assume " + roleArn + " in account " + account.id() + " (" + account.name() + "): "
                + refused.describe() + " — " + fix;
    }

    /** Named accounts or OUs that the organisation does not hold. */
    public static final class UnknownAccountsException extends AppException {
        private static final long serialVersionUID = 1L;

        UnknownAccountsException(List<String> ids, String organization) {
            super(FailureKind.OTHER, "not in organisation " + organization + ": " + String.join(", ", ids), null);
        }
    }

    /** Records the organisation scan when there is a store; a store problem never stops the scans. */
    private static final class Recorder {
        private final TablewardenStore store;
        private final Long id;
        private volatile Failure problem;

        private Recorder(TablewardenStore store, Long id, Failure problem) {
            this.store = store;
            this.id = id;
            this.problem = problem;
        }

        static Recorder start(TablewardenStore store, OrganizationMap organization, ScanTarget target,
                              MemberRoleSettings role, Instant started) {
            if (store == null) {
                return new Recorder(null, null, null);
            }
            try {
                long id = store.organizationScans().create(organization.id(), organization.managementAccountId(),
                        organization.callerAccountId(), target.isLocal() ? null : target.profile(), role.roleName(),
                        started);
                return new Recorder(store, id, null);
            } catch (StoreException e) {
                return new Recorder(null, null, Failure.store("the organisation scan is not being stored: "
                        + e.getMessage()));
            }
        }

        void put(AccountScan a) {
            if (store == null) {
                return;
            }
            OrganizationAccount account = a.account();
            try {
                store.organizationScans().putAccount(id, new OrganizationScanAccount(account.id(), account.name(),
                        account.unitId(), account.unitPath(), a.outcome(),
                        a.result() == null ? null : a.result().scanId(), a.message()));
            } catch (StoreException e) {
                problem = Failure.store("the organisation scan could not be stored whole: " + e.getMessage());
            }
        }

        void finish(String state, Instant finished) {
            if (store == null) {
                return;
            }
            try {
                store.organizationScans().finish(id, state, finished);
            } catch (StoreException e) {
                problem = Failure.store("the organisation scan could not be stored whole: " + e.getMessage());
            }
        }

        Long id() {
            return problem == null ? id : null;
        }

        Failure problem() {
            return problem;
        }
    }
}
