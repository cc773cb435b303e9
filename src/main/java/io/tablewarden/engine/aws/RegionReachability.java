package io.tablewarden.engine.aws;

import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Tells an endpoint that answers nothing from one that answers slowly, so that a region whose endpoints never
 * answer costs a scan one attempt timeout instead of one (or several) per call.
 *
 * <p>An endpoint of a region (AWS has one per service and region) is given up when an attempt on it fails on the
 * network (a timeout, a refused or reset connection) and nothing at all came back from it (no answer, not even an
 * error) for a whole attempt timeout since its last answer or, if it never answered, since the first attempt on
 * it; or when a call has spent its network attempts on an endpoint that never answered anything. The calls of an
 * endpoint overlap, so one that answers anything keeps its calls retried as before. From then on its calls fail
 * at once without leaving the process, and the retries of calls still in flight are not made. The whole region is
 * given up (one error for it instead of one per call) only when an endpoint of it was given up and none of its
 * endpoints ever answered: a service that falls silent in a region whose other services answered costs only
 * its own calls, each recorded as a failed call.
 *
 * <p>One instance serves every client of a scan; each client checks and reports through its own
 * {@link #interceptor(String) interceptor} and retry strategy, which know the client's region.
 */
public final class RegionReachability {

    private final Duration attemptTimeout;
    /** Per endpoint (region and host): when something last came back from it. */
    private final Map<String, Long> lastAnswerNanos = new ConcurrentHashMap<>();
    /** Per endpoint: when the first attempt on it was sent. */
    private final Map<String, Long> firstAttemptNanos = new ConcurrentHashMap<>();
    /** Regions of which some endpoint answered something. */
    private final Set<String> answeringRegions = ConcurrentHashMap.newKeySet();
    /** The endpoint of the last attempt made on each thread, named when its region is given up. */
    private final ThreadLocal<URI> lastEndpoint = new ThreadLocal<>();
    /** Per endpoint given up: why. */
    private final Map<String, String> givenUpEndpoints = new ConcurrentHashMap<>();
    /** Per region given up whole: why. */
    private final Map<String, String> givenUp = new ConcurrentHashMap<>();

    private final LongSupplier nanoTime;

    public RegionReachability(Duration attemptTimeout) {
        this(attemptTimeout, System::nanoTime);
    }

    RegionReachability(Duration attemptTimeout, LongSupplier nanoTime) {
        this.attemptTimeout = attemptTimeout;
        this.nanoTime = nanoTime;
    }

    /** Why the scan stopped calling {@code region}, naming its endpoint; null while the region is called. */
    public String unreachable(String region) {
        return region == null ? null : givenUp.get(region);
    }

    /** Something (an answer or an AWS error) came back from {@code region}'s endpoint this thread last called. */
    void answered(String region) {
        if (region != null) {
            lastAnswerNanos.put(endpointKey(region, lastEndpoint.get()), nanoTime.getAsLong());
            answeringRegions.add(region);
        }
    }

    private static String endpointKey(String region, URI endpoint) {
        return region + " " + (endpoint == null ? "" : endpoint.getScheme() + "://" + endpoint.getAuthority());
    }

    /**
     * An attempt in {@code region} failed on the network.
     *
     * @param callSpent whether the call has no network attempts left
     * @return true when the region is (now) given up, so the call must not be retried
     */
    boolean networkFailure(String region, Throwable failure, boolean callSpent) {
        if (region == null) {
            return false;
        }
        URI endpoint = lastEndpoint.get();
        String key = endpointKey(region, endpoint);
        if (givenUp.containsKey(region) || givenUpEndpoints.containsKey(key)) {
            return true;
        }
        long now = nanoTime.getAsLong();
        Long last = lastAnswerNanos.get(key);
        Long first = firstAttemptNanos.get(key);
        long silentNanos = now - (last != null ? last : first != null ? first : now);
        if (silentNanos < attemptTimeout.toNanos() && !(callSpent && last == null)) {
            // The endpoint answered something within the last attempt timeout, or has not been tried that long:
            // slow or flaky, not silent.
            return false;
        }
        String where = endpoint == null ? "the endpoint of " + region
                : endpoint.getScheme() + "://" + endpoint.getAuthority();
        boolean timedOut = hasCause(failure, ApiCallAttemptTimeoutException.class)
                || hasCause(failure, InterruptedIOException.class);
        String why = where + (timedOut ? " answered nothing within "
                + Math.max(1, Math.round(silentNanos / 1e9)) + " s" : " could not be reached ("
                + rootMessage(failure) + ")");
        givenUpEndpoints.putIfAbsent(key, why + "; nothing more was asked of it in " + region);
        if (!answeringRegions.contains(region)) {
            givenUp.putIfAbsent(region, why + "; nothing more was asked in " + region);
        }
        return true;
    }

    /**
     * An attempt in {@code region} is about to be sent to {@code endpoint} on this thread.
     *
     * @throws RegionUnreachableException when that endpoint was given up
     */
    void attempting(String region, URI endpoint) {
        lastEndpoint.set(endpoint);
        String key = endpointKey(region, endpoint);
        String why = givenUpEndpoints.get(key);
        if (why != null) {
            throw new RegionUnreachableException(region, why);
        }
        firstAttemptNanos.putIfAbsent(key, nanoTime.getAsLong());
    }

    /** The interceptor of a client calling {@code region}: notes its endpoint and refuses calls once given up. */
    ExecutionInterceptor interceptor(String region) {
        return new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                String why = givenUp.get(region);
                if (why != null) {
                    throw new RegionUnreachableException(region, why);
                }
            }

            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                // The synchronous clients retry on the calling thread, which is where a failure is reported.
                attempting(region, context.httpRequest().getUri());
            }
        };
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null ? root.getClass().getSimpleName() : m.replaceAll("\\s+", " ").trim();
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** A call not made because its region was given up. */
    public static final class RegionUnreachableException extends SdkClientException {
        private static final long serialVersionUID = 1L;
        private final String region;

        RegionUnreachableException(String region, String reason) {
            super(SdkClientException.builder().message(reason));
            this.region = region;
        }

        public String region() {
            return region;
        }
    }
}
