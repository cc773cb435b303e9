package io.tablewarden.engine.scan;

import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.FailureKind;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanOutcome.ScanState;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.ScanStats;
import io.tablewarden.engine.aws.AwsClientFactory;
import io.tablewarden.engine.aws.CallMetrics;
import io.tablewarden.engine.aws.ClientTuning;
import io.tablewarden.engine.aws.RawResponseCapture;
import io.tablewarden.engine.aws.credentials.CredentialsEnvironment;
import io.tablewarden.engine.aws.credentials.ProfileCredentialsException;
import io.tablewarden.engine.checks.Check;
import io.tablewarden.engine.checks.CheckContext;
import io.tablewarden.engine.checks.CheckRunner;
import io.tablewarden.engine.collect.CallGate;
import io.tablewarden.engine.collect.RegionContext;
import io.tablewarden.engine.collect.RegionDiscovery;
import io.tablewarden.engine.collect.RegionDiscovery.RegionPlan;
import io.tablewarden.engine.collect.StsCollector;
import io.tablewarden.engine.collect.StsCollector.CallerIdentity;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.CollectionError;
import io.tablewarden.model.Fetch;
import io.tablewarden.model.Status;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.InventoryPart;
import io.tablewarden.model.inventory.RegionInventory;
import io.tablewarden.model.inventory.RegionInventory.RegionState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One execution of a scan (see {@link io.tablewarden.engine.ScanEngine} for the concurrency model). The
 * calling thread only waits: the work runs on a coordinator thread, one task per region and one per table
 * or service part, so that a cancellation can return at once with whatever was collected.
 */
public final class ScanRun {

    /** How long a cancelled scan waits for in-flight work to notice before it returns without it. */
    static final Duration CANCEL_GRACE = Duration.ofMillis(500);
    private static final long POLL_MILLIS = 50;

    private final List<Check> checks;
    private final ScanRequest request;
    private final SafeListener listener;
    /** The caller's token: only it makes the outcome CANCELLED. */
    private final CancellationToken cancellation;
    /** Stops the work: tripped by the caller's token or by the gate when the credentials expire. */
    private final CancellationToken stop = new CancellationToken();
    private final CallGate gate;
    /** What the selected checks read: the parts a region collects. */
    private final Set<InventoryPart> parts;
    private final CredentialsEnvironment profiles;
    private final Clock evaluationClock;
    private final Instant startedAt = Instant.now();
    private final CallMetrics metrics = new CallMetrics();
    private final RawResponseCapture capture;
    private final ClientTuning.Backoff backoff;

    private volatile CallerIdentity identity;
    private volatile Future<String> alias;
    private volatile List<String> regions = List.of();
    private volatile String failureReason;
    private volatile FailureKind failureKind;
    private final Map<String, RegionScan> running = new ConcurrentHashMap<>();
    private final Map<String, RegionInventory> finished = new ConcurrentHashMap<>();
    private final Map<String, List<CheckResult>> results = new ConcurrentHashMap<>();
    /** Each finished region's results counted by status, kept whether or not the results themselves are. */
    private final Map<String, Map<Status, Long>> counts = new ConcurrentHashMap<>();
    /** Whether the outcome lists the results, or only the listener sees them. */
    private final boolean keepResults;

    private ExecutorService coordinator;
    private ExecutorService regionPool;
    private ExecutorService workers;

    /**
     * @param checks       the checks to evaluate (already selected)
     * @param profiles     where to read AWS profiles from instead of the user's files, or null
     * @param evaluationClock the time checks evaluate against (recovery-point age)
     */
    public ScanRun(List<Check> checks, ScanRequest request, ScanListener listener, CancellationToken cancellation,
                   CredentialsEnvironment profiles, Clock evaluationClock) {
        this(checks, request, listener, cancellation, profiles, evaluationClock, ClientTuning.Backoff.DEFAULT);
    }

    /** @param backoff the delays between the attempts of a call */
    public ScanRun(List<Check> checks, ScanRequest request, ScanListener listener, CancellationToken cancellation,
                   CredentialsEnvironment profiles, Clock evaluationClock, ClientTuning.Backoff backoff) {
        this(checks, request, listener, cancellation, profiles, evaluationClock, backoff, true);
    }

    /**
     * @param keepResults whether the outcome lists every result; when false, only the listener sees them (the
     *                    outcome's stats still count them)
     */
    public ScanRun(List<Check> checks, ScanRequest request, ScanListener listener, CancellationToken cancellation,
                   CredentialsEnvironment profiles, Clock evaluationClock, ClientTuning.Backoff backoff,
                   boolean keepResults) {
        this.keepResults = keepResults;
        this.backoff = backoff;
        this.checks = List.copyOf(checks);
        List<Set<InventoryPart>> needs = new ArrayList<>();
        this.checks.forEach(c -> needs.add(c.needs()));
        this.parts = InventoryPart.union(needs);
        this.request = request;
        this.listener = new SafeListener(listener);
        this.capture = new RawResponseCapture(this.listener::rawResponse);
        this.cancellation = cancellation == null ? new CancellationToken() : cancellation;
        this.gate = new CallGate(request.concurrency(), stop);
        this.profiles = profiles;
        this.evaluationClock = evaluationClock;
    }

    /** Runs the scan to its end or its cancellation. Never throws. */
    public ScanOutcome execute() {
        ClientTuning tuning = ClientTuning.of(request.concurrency(), request.callTimeout(), request.maxAttempts(),
                backoff);
        coordinator = Executors.newSingleThreadExecutor(new DaemonThreads("tablewarden-scan"));
        workers = Executors.newFixedThreadPool(request.concurrency(), new DaemonThreads("tablewarden-call"));
        // Region tasks mostly wait for their table tasks; threads are created only as regions need them.
        regionPool = Executors.newFixedThreadPool(request.concurrency(), new DaemonThreads("tablewarden-region"));
        AwsClientFactory clients = null;
        try {
            clients = AwsClientFactory.of(request.connection(), tuning, metrics, profiles)
                    .reportingThrottlesTo(gate::throttled);
            if (listener.wantsRawResponses()) {
                clients.capturingRawResponses(capture);
            }
            AwsClientFactory factory = clients;
            Future<?> body = coordinator.submit(() -> body(factory));
            stop.onCancel(this::stopWork);
            cancellation.onCancel(stop::cancel);
            waitFor(body);
            return outcome(cancellation.isCancelled());
        } catch (ProfileCredentialsException e) {
            // The profile cannot give credentials (incomplete, missing source, loop): say so, not "unexpectedly".
            failureReason = String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
            failureKind = FailureKind.of(e);
            return outcome(false);
        } catch (RuntimeException e) {
            failureReason = "the scan stopped unexpectedly: " + oneLine(e);
            failureKind = FailureKind.of(e);
            return outcome(false);
        } finally {
            listener.close();
            stopWork();
            if (clients != null) {
                clients.close();
            }
        }
    }

    /** Waits for the scan body; once the work is stopped, waits a short grace only. */
    private void waitFor(Future<?> body) {
        while (true) {
            try {
                body.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException stillRunning) {
                if (stop.isCancelled()) {
                    try {
                        body.get(CANCEL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (TimeoutException | ExecutionException | InterruptedException ignored) {
                        // Calls still blocked in the network are abandoned; their threads are daemons.
                    }
                    return;
                }
            } catch (ExecutionException e) {
                if (!stop.isCancelled()) {
                    // A stopped scan's tasks fail on the closed pools; that is not the reason it ended.
                    failureReason = "the scan stopped unexpectedly: " + oneLine(e.getCause());
                    failureKind = FailureKind.of(e.getCause());
                }
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancellation.cancel();
                return;
            }
        }
    }

    private void stopWork() {
        if (regionPool != null) {
            regionPool.shutdownNow();
        }
        if (workers != null) {
            workers.shutdownNow();
        }
        if (coordinator != null) {
            coordinator.shutdownNow();
        }
    }

    private void body(AwsClientFactory clients) {
        Fetch<CallerIdentity> who = new StsCollector(clients, gate).identify();
        if (who.isFailed()) {
            if (who.error().kind() != CollectionError.Kind.CANCELLED) {
                failureReason = "cannot identify the account: " + describe(who.error());
                failureKind = FailureKind.of(who.error());
            }
            return;
        }
        identity = who.value();
        capture.identify(identity.accountId(), identity.partition());
        // Asked alongside the regions, never waited for: a scan without the alias is just as good.
        alias = workers.submit(() -> {
            Fetch<String> found = new StsCollector(clients, gate).accountAlias();
            return found.isOk() ? found.value() : null;
        });
        gate.stopWhenCredentialsExpire();
        Fetch<RegionPlan> plan = new RegionDiscovery(clients, gate).plan(request.regions(), identity.partition());
        if (plan.isFailed()) {
            if (plan.error().kind() != CollectionError.Kind.CANCELLED) {
                failureReason = "cannot list the account's regions: " + describe(plan.error())
                        + (plan.error().kind() == CollectionError.Kind.ACCESS_DENIED
                        ? " (grant ec2:DescribeRegions or name the regions to scan)" : "");
                failureKind = FailureKind.of(plan.error());
            }
            return;
        }
        regions = plan.value().regions();
        listener.scanStarted(identity.accountId(), regions);
        List<Future<?>> regionTasks = new ArrayList<>();
        for (String region : regions) {
            CollectionError disabled = plan.value().disabled().get(region);
            if (disabled != null) {
                listener.regionStarted(region);
                complete(RegionScan.empty(region, RegionState.DISABLED, disabled));
            } else {
                regionTasks.add(regionPool.submit(() -> scanRegion(clients, region)));
            }
        }
        for (Future<?> task : regionTasks) {
            try {
                task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                // scanRegion records its own failures; nothing escapes it.
            }
        }
    }

    private void scanRegion(AwsClientFactory clients, String region) {
        listener.regionStarted(region);
        RegionProgress progress = new RegionProgress(region, listener);
        RegionContext ctx = new RegionContext(region, identity.accountId(), identity.partition(), clients, gate,
                progress::activity);
        RegionScan scan = new RegionScan(ctx, workers, progress, parts);
        running.put(region, scan);
        RegionInventory inventory;
        try {
            inventory = scan.collect();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            inventory = scan.snapshot(RegionState.CANCELLED, CallGate.cancelled("region " + region));
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            inventory = scan.snapshot(stop.isCancelled() ? RegionState.CANCELLED : RegionState.FAILED,
                    new CollectionError("region " + region, cause.getClass().getSimpleName(), oneLine(cause),
                            CollectionError.Kind.OTHER));
        }
        String silent = clients.unreachable(region);
        if (silent != null && !stop.isCancelled() && inventory.state() == RegionState.SCANNED) {
            // One error for the region, naming its endpoint, instead of one per call that was never answered.
            inventory = scan.snapshot(RegionState.FAILED, new CollectionError("region " + region,
                    io.tablewarden.engine.aws.AwsErrors.UNREACHABLE, silent, CollectionError.Kind.OTHER));
        }
        if (stop.isCancelled() && inventory.state() == RegionState.SCANNED) {
            // Finished parts raced the cancellation; report it as cancelled rather than judge partial data.
            inventory = scan.snapshot(RegionState.CANCELLED, CallGate.cancelled("region " + region));
        }
        complete(inventory);
    }

    private void complete(RegionInventory inventory) {
        String region = inventory.region();
        listener.regionFinished(inventory, message(inventory));
        List<CheckResult> regionResults = List.of();
        if (inventory.state() == RegionState.SCANNED) {
            AccountInventory account = new AccountInventory(identity.accountId(), identity.partition(),
                    identity.callerArn(), startedAt, List.of(inventory));
            regionResults = CheckRunner.runRegion(checks, account, inventory,
                    new CheckContext(request.parameters(), evaluationClock.instant()));
        }
        // Results before the inventory: a cancelled scan building its outcome meanwhile must never see a
        // finished region without its results.
        Map<Status, Long> byStatus = new EnumMap<>(Status.class);
        regionResults.forEach(r -> byStatus.merge(r.status(), 1L, Long::sum));
        counts.put(region, byStatus);
        results.put(region, keepResults ? regionResults : List.of());
        finished.put(region, inventory);
        running.remove(region);
        listener.resultsReady(region, regionResults);
    }

    private static String message(RegionInventory r) {
        switch (r.state()) {
            case SCANNED:
                List<CollectionError> failed = r.failedCalls();
                return r.contents() + (failed.isEmpty() ? "" : "; " + CollectionError.summary(failed));
            case DISABLED:
                return "skipped: " + r.regionError().message();
            case CANCELLED:
                return "cancelled";
            default:
                return "failed: " + describe(r.regionError());
        }
    }

    /** The alias when its call has answered by now; never waits. */
    private String aliasIfKnown() {
        Future<String> pending = alias;
        if (pending == null || !pending.isDone() || pending.isCancelled()) {
            return null;
        }
        try {
            return pending.get();
        } catch (ExecutionException | InterruptedException e) {
            return null;
        }
    }

    private ScanOutcome outcome(boolean cancelled) {
        CallerIdentity who = identity;
        AccountInventory inventory = null;
        List<CheckResult> all = new ArrayList<>();
        Map<Status, Long> byStatus = new EnumMap<>(Status.class);
        if (who != null) {
            List<RegionInventory> regionInventories = new ArrayList<>();
            for (String region : regions) {
                RegionInventory done = finished.get(region);
                if (done == null) {
                    RegionScan scan = running.get(region);
                    CollectionError why = CallGate.cancelled("region " + region);
                    done = scan != null ? scan.snapshot(RegionState.CANCELLED, why)
                            : RegionScan.empty(region, RegionState.CANCELLED, why);
                }
                regionInventories.add(done);
                if (done.state() == RegionState.SCANNED) {
                    all.addAll(results.getOrDefault(region, List.of()));
                    counts.getOrDefault(region, Map.of()).forEach((status, n) -> byStatus.merge(status, n, Long::sum));
                }
            }
            inventory = new AccountInventory(who.accountId(), who.partition(), who.callerArn(), startedAt,
                    regionInventories, aliasIfKnown());
        }
        CollectionError expired = gate.credentialsExpired();
        if (!cancelled && failureReason == null && expired != null) {
            failureReason = "the credentials expired during the scan: " + describe(expired);
            failureKind = FailureKind.EXPIRED_CREDENTIALS;
        }
        ScanState state = cancelled ? ScanState.CANCELLED
                : failureReason != null ? ScanState.FAILED : ScanState.COMPLETED;
        return new ScanOutcome(state, inventory, List.copyOf(all), stats(inventory, byStatus),
                state == ScanState.FAILED ? failureReason : null, failureKind);
    }

    private ScanStats stats(AccountInventory inventory, Map<Status, Long> byStatus) {
        int resources = 0;
        if (inventory != null) {
            for (RegionInventory r : inventory.regions()) {
                // A partial listing's resources were found and judged, so they count.
                resources += r.tables() != null && r.tables().value() != null ? r.tables().value().size() : 0;
                resources += r.daxClusters() != null && r.daxClusters().value() != null
                        ? r.daxClusters().value().size() : 0;
            }
        }
        return new ScanStats(metrics.attempts(), metrics.attemptsByOperation(), metrics.retries(),
                metrics.throttled(), Duration.between(startedAt, Instant.now()).toMillis(), metrics.maxInFlight(),
                request.concurrency(), regions.size(), resources, byStatus);
    }

    private static String describe(CollectionError e) {
        String text = e.errorCode();
        if (e.message() != null && !e.message().isBlank()) {
            text += ": " + e.message();
        }
        return text;
    }

    private static String oneLine(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m.replaceAll("\\s+", " ").trim());
    }
}
