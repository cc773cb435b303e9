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

    /** Longest attempt of the identity call, the first call of a scan. */
    public static final Duration IDENTITY_ATTEMPT_LIMIT = Duration.ofSeconds(5);

    /**
     * Attempt timeout of the identity call. It is the first call of a scan and the one that finds out whether
     * the endpoint answers at all, so an endpoint that accepts connections but never replies must not keep
     * the user waiting for every attempt of a full call budget.
     */
    public Duration identityAttemptTimeout() {
        return callTimeout.compareTo(IDENTITY_ATTEMPT_LIMIT) < 0 ? callTimeout : IDENTITY_ATTEMPT_LIMIT;
    }

    /** Whole budget of the identity call: two attempts and their backoff, never more than a normal call. */
    public Duration identityCallTimeout() {
        Duration budget = identityAttemptTimeout().multipliedBy(2).plusSeconds(2);
        return budget.compareTo(apiCallTimeout()) < 0 ? budget : apiCallTimeout();
    }

    /** Whole-call budget: every attempt may time out and still leave room for the backoff between them. */
    public Duration apiCallTimeout() {
        return callTimeout.multipliedBy(maxAttempts).plus(maxBackoff);
    }
}
