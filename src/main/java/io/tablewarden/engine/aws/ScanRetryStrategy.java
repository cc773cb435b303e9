package io.tablewarden.engine.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.Crc32MismatchException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How every AWS call of a scan is retried (ADR 0009). Throttling and server errors are transient by nature and
 * get the whole attempt budget ({@link ClientTuning#maxAttempts()}); network failures and attempt timeouts get
 * {@link ClientTuning#networkAttempts()} only, so that an endpoint that is down or never answers is reported in
 * seconds; anything else (access denied, not found, bad input) is final at once. Delays are exponential with
 * full jitter, with a larger base after throttling.
 *
 * <p>Each throttled attempt is reported to a {@link ThrottleListener} on the calling thread (the synchronous
 * clients retry on it), which is how the scan's adaptive limit learns that AWS pushes back.
 *
 * <p>There is no retry quota or circuit breaker: the scan already bounds its load with one adaptive limit, and a
 * breaker would turn a throttled burst into errors, which is exactly what an audit must not do. The one exception
 * is a region that has answered nothing at all for a whole attempt timeout ({@link RegionReachability}, ADR 0014):
 * its calls make no further attempt.
 */
public final class ScanRetryStrategy implements RetryStrategy {

    /** Told about every throttled attempt, on the thread that made it. */
    @FunctionalInterface
    public interface ThrottleListener {
        void throttled();
    }

    /** What kind of failure an attempt had, which decides whether and how long to wait before the next. */
    enum Failure { THROTTLING, SERVER, NETWORK, FINAL }

    /** Codes AWS uses for transient conditions that are neither 5xx nor throttling. */
    private static final Set<String> TRANSIENT_CODES = Set.of("RequestTimeout", "RequestTimeoutException",
            "PriorRequestNotComplete", "RequestTimeTooSkewed", "RequestInTheFuture", "IDPCommunicationError");

    /** Throttling codes beyond those the SDK itself recognises. */
    private static final Set<String> THROTTLING_CODES = Set.of("Throttling", "ThrottlingException",
            "ThrottledException", "RequestThrottledException", "TooManyRequestsException", "RequestLimitExceeded",
            "ProvisionedThroughputExceededException", "SlowDown", "RequestThrottled", "BandwidthLimitExceeded",
            "EC2ThrottledException");

    private final ClientTuning tuning;
    private final ThrottleListener listener;
    private final RegionReachability reachability;
    private final String region;

    public ScanRetryStrategy(ClientTuning tuning, ThrottleListener listener) {
        this(tuning, listener, null, null);
    }

    /**
     * A strategy for the client of {@code region} that reports what the region answers to {@code reachability}
     * and makes no more attempts once the region is given up (null: no such bookkeeping).
     */
    public ScanRetryStrategy(ClientTuning tuning, ThrottleListener listener, RegionReachability reachability,
                             String region) {
        this.tuning = tuning;
        this.listener = listener == null ? () -> { } : listener;
        this.reachability = reachability;
        this.region = region;
    }

    /** Attempts made so far by one call, and how many of them failed on the network. */
    private record Attempts(int made, int networkFailures) implements RetryToken {
    }

    @Override
    public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
        return AcquireInitialTokenResponse.create(new Attempts(1, 0), Duration.ZERO);
    }

    @Override
    public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
        Attempts attempts = (Attempts) request.token();
        Failure failure = classify(request.failure());
        if (failure == Failure.THROTTLING) {
            listener.throttled();
        }
        int networkFailures = attempts.networkFailures() + (failure == Failure.NETWORK ? 1 : 0);
        boolean spent = attempts.made() >= tuning.maxAttempts() || networkFailures >= tuning.networkAttempts();
        boolean regionGivenUp = false;
        if (reachability != null) {
            if (request.failure() instanceof AwsServiceException) {
                reachability.answered(region);
            } else if (failure == Failure.NETWORK) {
                regionGivenUp = reachability.networkFailure(region, request.failure(), spent);
            }
        }
        if (failure == Failure.FINAL || spent || regionGivenUp) {
            throw new TokenAcquisitionFailedException("no retry after attempt " + attempts.made(), attempts,
                    request.failure());
        }
        Duration base = failure == Failure.THROTTLING ? tuning.throttlingBackoffBase() : tuning.backoffBase();
        return RefreshRetryTokenResponse.create(new Attempts(attempts.made() + 1, networkFailures),
                delay(base, tuning.maxBackoff(), attempts.made()));
    }

    @Override
    public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
        if (reachability != null) {
            reachability.answered(region);
        }
        return RecordSuccessResponse.create(request.token());
    }

    @Override
    public int maxAttempts() {
        return tuning.maxAttempts();
    }

    /** The scan's policy is complete: the SDK must not merge its service defaults into it. */
    @Override
    public boolean useClientDefaults() {
        return false;
    }

    @Override
    public Builder<?, ?> toBuilder() {
        throw new UnsupportedOperationException("the scan's retry strategy is configured through ClientTuning");
    }

    /** Full jitter: uniform in {@code [0, min(cap, base × 2^(attempt-1))]}. */
    static Duration delay(Duration base, Duration cap, int attempt) {
        long ceiling = base.toNanos() << Math.min(30, attempt - 1);
        if (ceiling <= 0 || ceiling > cap.toNanos()) {
            ceiling = cap.toNanos();
        }
        return Duration.ofNanos(ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    /** Which kind of failure {@code t} is; see the class comment for what each kind gets. */
    static Failure classify(Throwable t) {
        if (t instanceof AwsServiceException) {
            AwsServiceException e = (AwsServiceException) t;
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            if (e.isThrottlingException() || e.statusCode() == 429 || code != null && THROTTLING_CODES.contains(code)) {
                return Failure.THROTTLING;
            }
            if (e.statusCode() >= 500 || code != null && TRANSIENT_CODES.contains(code)) {
                return Failure.SERVER;
            }
            return Failure.FINAL;
        }
        if (t instanceof ApiCallAttemptTimeoutException || t instanceof Crc32MismatchException) {
            // A body damaged on the way is as transient as a reset connection.
            return Failure.NETWORK;
        }
        if (t instanceof SdkClientException && hasCause(t, IOException.class)
                && !hasCause(t, UnknownHostException.class)) {
            // A host name that does not resolve (a service not offered in a region) will not resolve next time.
            return Failure.NETWORK;
        }
        return Failure.FINAL;
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
