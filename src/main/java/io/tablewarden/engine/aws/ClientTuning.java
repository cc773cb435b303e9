package io.tablewarden.engine.aws;

import java.time.Duration;

/**
 * Timeouts, retries and connection pool size shared by every client of one scan (see
 * {@link ScanRetryStrategy} for which failures get which budget).
 *
 * @param maxConcurrency        calls the scan may have in flight (the HTTP pool is sized from it)
 * @param callTimeout           timeout of one attempt
 * @param maxAttempts           attempts per call, first try included, when AWS throttles or answers 5xx
 * @param networkAttempts       attempts per call when the network fails or an attempt times out
 * @param backoff               delays between attempts
 */
public record ClientTuning(int maxConcurrency, Duration callTimeout, int maxAttempts, int networkAttempts,
                           Backoff backoff) {

    public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofMillis(100);
    public static final Duration DEFAULT_THROTTLING_BACKOFF_BASE = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(20);
    /** A failing network or a silent endpoint is worth a second and third try, not twenty. */
    public static final int DEFAULT_NETWORK_ATTEMPTS = 3;

    /**
     * Exponential backoff with full jitter.
     *
     * @param base           base delay after a 5xx or network error
     * @param throttlingBase base delay after a throttling error
     * @param max            cap of a single delay
     */
    public record Backoff(Duration base, Duration throttlingBase, Duration max) {

        /** What AWS's SDKs use by default in standard mode, with a higher cap for long scans. */
        public static final Backoff DEFAULT = new Backoff(DEFAULT_BACKOFF_BASE, DEFAULT_THROTTLING_BACKOFF_BASE,
                DEFAULT_MAX_BACKOFF);
    }

    public ClientTuning {
        if (maxAttempts < 1 || networkAttempts < 1) {
            throw new IllegalArgumentException("a call needs at least one attempt");
        }
        networkAttempts = Math.min(networkAttempts, maxAttempts);
        backoff = backoff == null ? Backoff.DEFAULT : backoff;
    }

    /** Defaults for the backoff with the scan's own limits. */
    public static ClientTuning of(int maxConcurrency, Duration callTimeout, int maxAttempts) {
        return of(maxConcurrency, callTimeout, maxAttempts, Backoff.DEFAULT);
    }

    /** The scan's own limits and backoff (tests shorten the delays so that many faulty scans stay quick). */
    public static ClientTuning of(int maxConcurrency, Duration callTimeout, int maxAttempts, Backoff backoff) {
        return new ClientTuning(maxConcurrency, callTimeout, maxAttempts, DEFAULT_NETWORK_ATTEMPTS, backoff);
    }

    public Duration backoffBase() {
        return backoff.base();
    }

    public Duration throttlingBackoffBase() {
        return backoff.throttlingBase();
    }

    public Duration maxBackoff() {
        return backoff.max();
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

    /**
     * Whole budget of the identity call. A silent endpoint costs {@link #networkAttempts()} attempt timeouts
     * and their short backoff; throttling and 5xx get the same budget as any other call.
     */
    public Duration identityCallTimeout() {
        return apiCallTimeout();
    }

    /**
     * Whole-call budget: every attempt may time out and still leave room for the backoff between them (on
     * average half the cap each, with full jitter).
     */
    public Duration apiCallTimeout() {
        return callTimeout.multipliedBy(maxAttempts).plus(maxBackoff().multipliedBy(maxAttempts).dividedBy(2));
    }
}
