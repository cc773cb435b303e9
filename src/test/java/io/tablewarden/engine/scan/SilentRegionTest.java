package io.tablewarden.engine.scan;

import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.ScanEngine;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.aws.AwsErrors;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.RegionError;
import io.tablewarden.model.inventory.RegionInventory;
import io.tablewarden.simulator.AccountSimulator;
import io.tablewarden.simulator.SimulatorOptions;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A region whose endpoint accepts calls and never answers, through the real SDK and its timeouts: the scan gives
 * the region up after one attempt timeout instead of spending every call's attempts on it, the other regions'
 * results are those of a scan without the silent region, and the silent region is one region error that names
 * the endpoint.
 */
class SilentRegionTest {

    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(3);
    /** Attempts a call may make; a silent region must not get them. */
    private static final int ATTEMPTS = 4;
    private static final String HOME = "eu-west-1";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void aSilentRegionCostsOneTimeoutAndIsOneErrorNamingItsEndpointWhileTheOthersAreComplete() throws Exception {
        ScanOutcome normal;
        try (AccountSimulator sim = AccountSimulator.startDemo(SimulatorOptions.builder().build())) {
            normal = scan(sim);
        }
        assertEquals(ScanOutcome.ScanState.COMPLETED, normal.state());
        String silent = normal.results().stream().map(r -> r.resource().region())
                .filter(r -> !r.equals(HOME)).findFirst().orElseThrow();

        try (AccountSimulator sim = AccountSimulator.startDemo(SimulatorOptions.builder()
                .silentRegions(Set.of(silent)).build())) {
            long start = System.nanoTime();
            ScanOutcome outcome = scan(sim);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertEquals(ScanOutcome.ScanState.COMPLETED, outcome.state(), outcome.failureReason());
            RegionInventory region = outcome.inventory().regions().stream()
                    .filter(r -> r.region().equals(silent)).findFirst().orElseThrow();
            assertEquals(RegionInventory.RegionState.FAILED, region.state(), "the region is labelled, not judged");

            List<RegionError> errors = RegionError.of(outcome.inventory());
            assertEquals(1, errors.size(), errors.toString());
            RegionError error = errors.get(0);
            assertEquals(silent, error.region());
            assertEquals(AwsErrors.UNREACHABLE, error.error().errorCode());
            String endpoint = sim.endpoint().getScheme() + "://" + sim.endpoint().getAuthority();
            assertTrue(error.message().contains(endpoint) && error.message().contains("answered nothing"),
                    error.message());

            assertFalse(outcome.results().stream().anyMatch(r -> r.resource().region().equals(silent)));
            assertEquals(without(normal.results(), silent), outcome.results(),
                    "every other region's results are those of a scan without the silent region");

            // Each of the region's first calls would otherwise wait out ATTEMPTS attempt timeouts, and the calls
            // that follow them (a plan's selections, a key's rotation) as many again.
            assertTrue(took.compareTo(ATTEMPT_TIMEOUT.multipliedBy(5).dividedBy(2)) < 0,
                    "the scan took " + took.toMillis() + " ms with an attempt timeout of "
                            + ATTEMPT_TIMEOUT.toMillis() + " ms");
        }
    }

    private static List<CheckResult> without(List<CheckResult> results, String region) {
        return results.stream().filter(r -> !r.resource().region().equals(region)).collect(Collectors.toList());
    }

    private static ScanOutcome scan(AccountSimulator sim) {
        ScanRequest request = new ScanRequest(ConnectionSettings.forSimulator(sim.endpoint(), HOME), List.of(),
                Set.of(), CheckParameters.defaults(), 8, ATTEMPT_TIMEOUT, ATTEMPTS);
        return new ScanEngine(CheckRegistry.builtIn().all()).withClock(CLOCK)
                .run(request, ScanListener.NONE, new CancellationToken());
    }
}
