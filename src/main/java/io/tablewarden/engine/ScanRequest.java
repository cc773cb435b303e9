package io.tablewarden.engine;

import io.tablewarden.model.CheckParameters;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What to scan and how.
 *
 * @param connection      where and as whom to connect
 * @param regions         regions to scan; empty means every enabled region (EC2 DescribeRegions)
 * @param checkIds        checks to run; empty means all
 * @param parameters      check parameters
 * @param concurrency     maximum AWS calls in flight across the whole scan
 * @param callTimeout     timeout of one API call attempt
 * @param maxAttempts     attempts per call (first try plus retries) for throttling and 5xx
 */
public record ScanRequest(ConnectionSettings connection, List<String> regions, Set<String> checkIds,
                          CheckParameters parameters, int concurrency, Duration callTimeout, int maxAttempts) {

    public static final int DEFAULT_CONCURRENCY = 16;
    /**
     * The most calls in flight a scan allows: each is a thread and a pooled connection, and AWS throttles an
     * account long before this many DynamoDB control-plane calls at once.
     */
    public static final int MAX_CONCURRENCY = 128;
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(20);
    /**
     * Attempts per call through throttling and 5xx. At a 40 % fault rate a call still fails all twenty with a
     * probability near 10⁻⁸, so a scan of tens of thousands of calls keeps every result (ADR 0009).
     */
    public static final int DEFAULT_MAX_ATTEMPTS = 20;

    public ScanRequest {
        regions = regions == null ? List.of() : List.copyOf(regions);
        checkIds = checkIds == null ? Set.of() : Set.copyOf(checkIds);
        parameters = parameters == null ? CheckParameters.defaults() : parameters;
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("concurrency must be between 1 and " + MAX_CONCURRENCY);
        }
        callTimeout = callTimeout == null ? DEFAULT_CALL_TIMEOUT : callTimeout;
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public static ScanRequest of(ConnectionSettings connection) {
        return new ScanRequest(connection, List.of(), Set.of(), CheckParameters.defaults(), DEFAULT_CONCURRENCY,
                DEFAULT_CALL_TIMEOUT, DEFAULT_MAX_ATTEMPTS);
    }
}
