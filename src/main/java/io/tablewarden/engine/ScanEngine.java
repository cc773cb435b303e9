package io.tablewarden.engine;

import io.tablewarden.engine.checks.Check;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.engine.aws.AwsClientFactory;
import io.tablewarden.engine.aws.CallMetrics;
import io.tablewarden.engine.aws.ClientTuning;
import io.tablewarden.engine.aws.credentials.CredentialsEnvironment;
import io.tablewarden.engine.collect.CallGate;
import io.tablewarden.engine.collect.RegionDiscovery;
import io.tablewarden.engine.collect.StsCollector;
import io.tablewarden.engine.scan.ScanRun;
import io.tablewarden.model.Fetch;
import io.tablewarden.model.inventory.AccountInventory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Runs a scan: discovers regions, collects inventory per region with bounded concurrency, evaluates the
 * selected checks on each region as soon as it is collected, and reports progress.
 *
 * <p><b>Concurrency.</b> One limit governs the load on AWS: at most {@link ScanRequest#concurrency()} calls
 * are in flight across the whole scan, enforced by a single first-come-first-served gate that every collector
 * call passes through (each page of a listing is one call). The limit adapts (ADR 0009): a throttled attempt
 * halves it, successful calls let it grow back to the configured concurrency, and every call is retried
 * through throttling and server errors with a budget meant to keep transient faults from ever becoming
 * ERROR results; a call that exhausts it is an ERROR naming its IAM action. Work fans out as tasks: one per region
 * on a region pool, and inside a region one per table, per service part (Auto Scaling, Backup, DAX), per
 * KMS key and per recovery-point lookup on a worker pool of {@code concurrency} threads. Region tasks only
 * wait for their own leaf tasks and leaf tasks never wait for other tasks, so the pools cannot deadlock.
 * The calling thread only waits. Cancellation stops new calls at the semaphore, interrupts the pools and
 * returns after a short grace with the partial inventory; calls still blocked in the network are abandoned
 * on daemon threads and cut off when the shared HTTP pool is closed. Checks run on the region's own thread
 * right after its collection ends, on a single-region inventory, so results stream out region by region.
 */
public final class ScanEngine {

    private final List<Check> checks;
    private final CredentialsEnvironment profiles;
    private final Clock evaluationClock;
    private final ClientTuning.Backoff backoff;
    private final boolean keepResults;

    /** @param checks every available check; the request selects among them */
    public ScanEngine(List<Check> checks) {
        this(checks, null, Clock.systemUTC(), ClientTuning.Backoff.DEFAULT, true);
    }

    private ScanEngine(List<Check> checks, CredentialsEnvironment profiles, Clock evaluationClock,
                       ClientTuning.Backoff backoff, boolean keepResults) {
        this.checks = List.copyOf(checks);
        this.profiles = profiles;
        this.evaluationClock = evaluationClock;
        this.backoff = backoff;
        this.keepResults = keepResults;
    }

    /**
     * The same engine handing each region's results to the listener only: the outcome's result list is empty
     * (its stats still count them by status), so a scan whose listener stores or writes the results as regions
     * finish never holds all of them at once. An account of tens of thousands of tables has half a million
     * results, more than a small heap holds next to the scan itself.
     */
    public ScanEngine streamingResults() {
        return new ScanEngine(checks, profiles, evaluationClock, backoff, false);
    }

    /**
     * The same engine waiting {@code backoff} between the attempts of a call. The defaults suit AWS; tests that
     * run many faulty scans against the local simulator shorten them.
     */
    public ScanEngine withBackoff(ClientTuning.Backoff backoff) {
        return new ScanEngine(checks, profiles, evaluationClock, java.util.Objects.requireNonNull(backoff, "backoff"),
                keepResults);
    }

    /**
     * The same engine reading AWS profiles (credentials, region, endpoint_url) from {@code configFile} alone
     * instead of the user's {@code ~/.aws} files.
     */
    public ScanEngine withConfigFile(Path configFile) {
        return withProfiles(configFile == null ? null : new CredentialsEnvironment(configFile, null,
                CredentialsEnvironment.system().ssoCacheDir(), System.getenv()));
    }

    /**
     * The same engine reading profiles, the IAM Identity Center token cache and environment variables from
     * {@code profiles} (null: the current user's, as the AWS CLI finds them). A workbench that manages other
     * profile files than the user's scans with exactly those.
     */
    public ScanEngine withProfiles(CredentialsEnvironment profiles) {
        return new ScanEngine(checks, profiles, evaluationClock, backoff, keepResults);
    }

    /**
     * The same engine evaluating checks at the time {@code clock} tells (the age of recovery points depends
     * on it); tests and re-evaluations of stored scans fix it.
     */
    public ScanEngine withClock(Clock clock) {
        return new ScanEngine(checks, profiles, java.util.Objects.requireNonNull(clock, "clock"), backoff,
                keepResults);
    }

    /**
     * Runs the scan on the calling thread (work fans out to an internal pool) and returns when it ends.
     * Never throws for AWS errors: they become ERROR results or a FAILED outcome with a one-line reason.
     */
    public ScanOutcome run(ScanRequest request, ScanListener listener, CancellationToken cancellation) {
        long start = System.nanoTime();
        try {
            List<Check> selected = new CheckRegistry(checks).select(request.checkIds());
            ScanLog.started(request, selected.size());
            ScanOutcome outcome = new ScanRun(selected, request, ScanListener.both(new ScanLog(), listener),
                    cancellation, profiles, evaluationClock, backoff, keepResults).execute();
            ScanLog.ended(outcome, (System.nanoTime() - start) / 1_000_000);
            return outcome;
        } catch (RuntimeException e) {
            // Unknown check ids and the like: the scan cannot start, and says why in one line.
            org.slf4j.LoggerFactory.getLogger(ScanEngine.class).warn("the scan could not start", e);
            int concurrency = request == null ? 0 : request.concurrency();
            return new ScanOutcome(ScanOutcome.ScanState.FAILED, (AccountInventory) null, List.of(),
                    new ScanStats(0, Map.of(), 0, 0, 0, 0, concurrency, 0, 0, Map.of()),
                    String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
        }
    }

    /**
     * The regions the account behind {@code connection} has enabled, sorted by name (EC2 DescribeRegions after
     * an STS identity call, both through the read-only guard). Blocks; call it off the UI thread.
     *
     * @throws RegionDiscoveryException with a one-line reason when the identity or the regions cannot be read
     */
    public List<String> enabledRegions(ConnectionSettings connection) {
        // Retried like every call of a scan: a throttled DescribeRegions must not look like a broken account.
        ClientTuning tuning = ClientTuning.of(2, ScanRequest.DEFAULT_CALL_TIMEOUT, ScanRequest.DEFAULT_MAX_ATTEMPTS,
                backoff);
        CallGate gate = new CallGate(2, new CancellationToken());
        try (AwsClientFactory clients = AwsClientFactory.of(connection, tuning, new CallMetrics(), profiles)
                .reportingThrottlesTo(gate::throttled)) {
            Fetch<StsCollector.CallerIdentity> who = new StsCollector(clients, gate).identify();
            if (who.isFailed()) {
                throw new RegionDiscoveryException("cannot identify the account: " + who.error().describe());
            }
            Fetch<RegionDiscovery.RegionPlan> plan = new RegionDiscovery(clients, gate)
                    .plan(List.of(), who.value().partition());
            if (plan.isFailed()) {
                throw new RegionDiscoveryException("cannot list the account's regions: " + plan.error().describe());
            }
            return List.copyOf(plan.value().regions());
        } catch (RegionDiscoveryException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RegionDiscoveryException("cannot list the account's regions: "
                    + String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
        }
    }

    /** Region discovery failed; the message is one line for the user. */
    public static final class RegionDiscoveryException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public RegionDiscoveryException(String message) {
            super(message);
        }
    }

    public List<Check> checks() {
        return checks;
    }

}
