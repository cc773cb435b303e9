package io.tablewarden.engine.aws;

import java.time.Duration;

/**
 * Timeouts, retries and connection pool size shared by every client of one scan.
 *
 * @param maxConcurrency        calls the scan may have in flight (the HTTP pool is sized from it)
 * @param callTimeout           timeout of one attempt
 * @param maxAttempts           attempts per call, first try included
 * @param backoffBase           base delay of the exponential backoff (full jitter) after a 5xx or I/O error
 * @param throttlingBackoffBase base delay after a throttling error
 * @param maxBackoff            cap of a single backoff delay
 */
public record ClientTuning(int maxConcurrency, Duration callTimeout, int maxAttempts, Duration backoffBase,
                           Duration throttlingBackoffBase, Duration maxBackoff) {

    public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofMillis(100);
    public static final Duration DEFAULT_THROTTLING_BACKOFF_BASE = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(20);

    /** Defaults for the backoff with the scan's own limits. */
    public static ClientTuning of(int maxConcurrency, Duration callTimeout, int maxAttempts) {
        return new ClientTuning(maxConcurrency, callTimeout, maxAttempts, DEFAULT_BACKOFF_BASE,
                DEFAULT_THROTTLING_BACKOFF_BASE, DEFAULT_MAX_BACKOFF);
    }

    /** Whole-call budget: every attempt may time out and still leave room for the backoff between them. */
    public Duration apiCallTimeout() {
        return callTimeout.multipliedBy(maxAttempts).plus(maxBackoff);
    }
}
