package io.tablewarden.engine.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When an endpoint, and when a whole region, is given up: on a clock the test moves. */
class RegionReachabilityTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final URI DYNAMODB = URI.create("https://dynamodb.eu-west-3.amazonaws.com/");
    private static final URI DAX = URI.create("https://dax.eu-west-3.amazonaws.com/");
    private static final String REGION = "eu-west-3";

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RegionReachability reachability = new RegionReachability(TIMEOUT, now::get);

    private void later(Duration d) {
        now.addAndGet(d.toNanos());
    }

    private static Throwable timeout() {
        return ApiCallAttemptTimeoutException.create(TIMEOUT.toMillis());
    }

    @Test
    void aServiceFallingSilentInARegionWhoseOtherServiceAnsweredCostsOnlyItsOwnCalls() {
        reachability.attempting(REGION, DYNAMODB);
        reachability.answered(REGION);
        later(Duration.ofSeconds(30));
        reachability.attempting(REGION, DAX);
        later(TIMEOUT);
        assertTrue(reachability.networkFailure(REGION, timeout(), false), "the silent endpoint is given up");
        assertNull(reachability.unreachable(REGION), "the region answered: its results stay");
        assertThrows(RegionReachability.RegionUnreachableException.class,
                () -> reachability.attempting(REGION, DAX), "the silent endpoint's next call fails at once");
        reachability.attempting(REGION, DYNAMODB);
    }

    @Test
    void aRegionFirstCalledLateIsMeasuredFromItsFirstAttemptNotFromTheScansStart() {
        later(Duration.ofMinutes(2));
        reachability.attempting(REGION, DYNAMODB);
        later(Duration.ofMillis(300));
        assertFalse(reachability.networkFailure(REGION,
                SdkClientException.create("reset", new ConnectException("Connection reset")), false),
                "one early network error is retried");
        assertNull(reachability.unreachable(REGION));
    }

    @Test
    void aRegionThatNeverAnsweredIsGivenUpWholeAfterOneAttemptTimeout() {
        reachability.attempting(REGION, DYNAMODB);
        later(TIMEOUT.minusSeconds(1));
        assertFalse(reachability.networkFailure(REGION, timeout(), false));
        later(Duration.ofSeconds(1));
        reachability.attempting(REGION, DYNAMODB);
        assertTrue(reachability.networkFailure(REGION, timeout(), false));
        String why = reachability.unreachable(REGION);
        assertNotNull(why);
        assertTrue(why.contains("https://dynamodb.eu-west-3.amazonaws.com") && why.contains("answered nothing"), why);
        assertNull(reachability.unreachable("eu-west-1"), "other regions are untouched");
    }

    @Test
    void aSlowEndpointThatAnsweredWithinTheTimeoutKeepsItsRetries() {
        reachability.attempting(REGION, DYNAMODB);
        later(TIMEOUT.minusSeconds(2));
        reachability.answered(REGION);
        later(TIMEOUT.minusSeconds(2));
        reachability.attempting(REGION, DYNAMODB);
        assertFalse(reachability.networkFailure(REGION, timeout(), false));
        assertNull(reachability.unreachable(REGION));
    }
}
