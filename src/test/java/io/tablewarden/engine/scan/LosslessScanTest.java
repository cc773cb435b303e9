package io.tablewarden.engine.scan;

import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.ScanEngine;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanOutcome.ScanState;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.aws.ClientTuning;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.RegionError;
import io.tablewarden.model.Status;
import io.tablewarden.simulator.AccountSimulator;
import io.tablewarden.simulator.FaultSettings;
import io.tablewarden.simulator.SimulatorOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scan of the demo account under AWS's bad days gives exactly the results of a scan on a good day: the same
 * resources, checks, statuses and reasons, and no ERROR. Backoff delays are shortened (the policy is the
 * same, only its clock runs faster) so that twenty faulty scans stay within a minute or two.
 */
class LosslessScanTest {

    /** The figures docs/reliability.md quotes come from these settings. */
    static final int SEEDS = 20;
    static final double THROTTLE_RATE = 0.3;
    static final double SERVER_ERROR_RATE = 0.1;
    static final int QUOTA = 4;

    static final ClientTuning.Backoff FAST = new ClientTuning.Backoff(Duration.ofMillis(1), Duration.ofMillis(2),
            Duration.ofMillis(40));
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);

    private static List<String> faultFree;

    @BeforeAll
    static void scanTheDemoAccountOnAGoodDay() throws Exception {
        ScanOutcome outcome = scan(FaultSettings.NONE, ScanRequest.DEFAULT_MAX_ATTEMPTS);
        assertEquals(ScanState.COMPLETED, outcome.state(), outcome.failureReason());
        assertTrue(RegionError.of(outcome.inventory()).isEmpty());
        faultFree = rows(outcome.results());
        assertTrue(faultFree.size() > 400, "the demo account gives hundreds of results: " + faultFree.size());
    }

    @Test
    void throttlingAndServerErrorsLoseNoResult() throws Exception {
        long throttled = 0;
        long retries = 0;
        for (int seed = 1; seed <= SEEDS; seed++) {
            FaultSettings faults = FaultSettings.NONE.withThrottling(THROTTLE_RATE, seed)
                    .withServerErrors(SERVER_ERROR_RATE);
            ScanOutcome outcome = scan(faults, ScanRequest.DEFAULT_MAX_ATTEMPTS);
            assertEquals(ScanState.COMPLETED, outcome.state(), "seed " + seed + ": " + outcome.failureReason());
            assertEquals(List.of(), RegionError.of(outcome.inventory()), "seed " + seed);
            assertEquals(0L, outcome.stats().resultsByStatus().getOrDefault(Status.ERROR, 0L), "seed " + seed);
            assertEquals(faultFree, rows(outcome.results()), "seed " + seed);
            assertTrue(outcome.stats().throttled() > 0 && outcome.stats().retries() > 0, "faults were injected");
            throttled += outcome.stats().throttled();
            retries += outcome.stats().retries();
        }
        System.out.printf("lossless: %d seeds, %d results each, %d throttled attempts, %d retries, 0 lost%n",
                SEEDS, faultFree.size(), throttled, retries);
    }

    @Test
    void aQuotaOnCallsInFlightLosesNoResult() throws Exception {
        FaultSettings quota = FaultSettings.NONE.withMaxInFlight(QUOTA).withLatency(20, 0);
        ScanOutcome outcome = scan(quota, ScanRequest.DEFAULT_MAX_ATTEMPTS);
        assertEquals(ScanState.COMPLETED, outcome.state(), outcome.failureReason());
        assertEquals(ScanRequest.DEFAULT_CONCURRENCY, outcome.stats().configuredConcurrency());
        assertTrue(outcome.stats().throttled() > 0, "the default concurrency must run into the quota");
        assertEquals(0L, outcome.stats().resultsByStatus().getOrDefault(Status.ERROR, 0L));
        assertEquals(faultFree, rows(outcome.results()));
        System.out.printf("quota %d: %d results, %d throttled attempts, %d retries, 0 lost%n", QUOTA,
                outcome.results().size(), outcome.stats().throttled(), outcome.stats().retries());
    }

    @Test
    void aCallThatExhaustsItsBudgetIsAnErrorNamingTheCall() throws Exception {
        // Two attempts at a 50 % throttle rate: many calls fail for good, and none may pass for data.
        int changed = 0;
        for (int seed = 1; seed <= 3; seed++) {
            ScanOutcome outcome = scan(FaultSettings.NONE.withThrottling(0.5, seed), 2);
            if (outcome.state() == ScanState.FAILED) {
                assertTrue(outcome.failureReason().matches(".*(Throttl|RequestLimitExceeded).*"),
                        outcome.failureReason());
                continue;
            }
            assertEquals(ScanState.COMPLETED, outcome.state(), outcome.failureReason());
            for (CheckResult r : outcome.results()) {
                String row = row(r);
                if (faultFree.contains(row)) {
                    continue;
                }
                changed++;
                if (r.status() == Status.ERROR) {
                    assertTrue(r.statusText().matches(".*[a-z-]+:[A-Za-z]+ failed \\(\\w*Throttl\\w*\\).*"),
                            "the ERROR names the call and its error: " + r.statusText());
                } else {
                    // A verdict the lost data cannot change keeps its status (another backup selection still
                    // covers the table, the key is still a KMS key); only its explanation may differ.
                    String sameVerdict = r.resource().region() + " " + r.resource().arn() + " " + r.checkId() + " "
                            + r.status() + " ";
                    assertTrue(faultFree.stream().anyMatch(f -> f.startsWith(sameVerdict)),
                            "only an ERROR may change a verdict: " + row);
                }
            }
            // A resource whose listing failed has no result; its region error names the listing.
            for (RegionError e : RegionError.of(outcome.inventory())) {
                assertTrue(e.message().contains(e.call() + " failed ("), e.message());
            }
            Set<String> good = new java.util.HashSet<>();
            faultFree.forEach(f -> good.add(f.split(" ", 4)[1]));
            outcome.results().forEach(r -> assertTrue(good.contains(r.resource().arn()), "made up: " + row(r)));
        }
        assertTrue(changed > 0, "the faults must have cost some results");
    }

    private static ScanOutcome scan(FaultSettings faults, int maxAttempts) throws Exception {
        try (AccountSimulator simulator = AccountSimulator.startDemo(SimulatorOptions.builder().faults(faults)
                .build())) {
            ScanRequest request = new ScanRequest(ConnectionSettings.forSimulator(simulator.endpoint(), "us-east-1"),
                    List.of(), Set.of(), CheckParameters.defaults(), ScanRequest.DEFAULT_CONCURRENCY,
                    Duration.ofSeconds(10), maxAttempts);
            return new ScanEngine(CheckRegistry.builtIn().all()).withClock(NOW).withBackoff(FAST)
                    .run(request, ScanListener.NONE, new CancellationToken());
        }
    }

    /** What must not change: resource, check, status and reason. */
    static List<String> rows(List<CheckResult> results) {
        List<String> rows = new ArrayList<>();
        results.forEach(r -> rows.add(row(r)));
        return rows;
    }

    static String row(CheckResult r) {
        return r.resource().region() + " " + r.resource().arn() + " " + r.checkId() + " " + r.status() + " "
                + r.statusText();
    }
}
