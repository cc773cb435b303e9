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
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells a region that answers nothing from one that answers slowly, so that a region whose endpoints never
 * answer costs a scan one attempt timeout instead of one (or several) per call.
 *
 * <p>A region is given up when an attempt in it fails on the network (a timeout, a refused or reset connection)
 * and nothing at all came back from that region (no answer, not even an error) for a whole attempt timeout, or
 * when a call has spent its network attempts on a region that never answered anything. The calls of a region
 * overlap, so a region that answers anything keeps its calls retried as before. From then on its calls fail at
 * once without leaving the process, and the retries of calls still in flight are not made.
 *
 * <p>One instance serves every client of a scan; each client checks and reports through its own
 * {@link #interceptor(String) interceptor} and retry strategy, which know the client's region.
 */
public final class RegionReachability {

    private final Duration attemptTimeout;
    private final Map<String, Long> lastAnswerNanos = new ConcurrentHashMap<>();
    /** The endpoint of the last attempt made on each thread, named when its region is given up. */
    private final ThreadLocal<URI> lastEndpoint = new ThreadLocal<>();
    private final Map<String, String> givenUp = new ConcurrentHashMap<>();
    private final long createdNanos = System.nanoTime();

    public RegionReachability(Duration attemptTimeout) {
        this.attemptTimeout = attemptTimeout;
    }

    /** Why the scan stopped calling {@code region}, naming its endpoint; null while the region is called. */
    public String unreachable(String region) {
        return region == null ? null : givenUp.get(region);
    }

    /** Something (an answer or an AWS error) came back from {@code region}. */
    void answered(String region) {
        if (region != null) {
            lastAnswerNanos.put(region, System.nanoTime());
        }
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
        if (givenUp.containsKey(region)) {
            return true;
        }
        Long last = lastAnswerNanos.get(region);
        long silentNanos = System.nanoTime() - (last == null ? createdNanos : last);
        if (silentNanos < attemptTimeout.toNanos() && !(callSpent && last == null)) {
            // The region answered something within the last attempt timeout: slow or flaky, not silent.
            return false;
        }
        URI endpoint = lastEndpoint.get();
        String where = endpoint == null ? "the endpoint of " + region
                : endpoint.getScheme() + "://" + endpoint.getAuthority();
        boolean timedOut = hasCause(failure, ApiCallAttemptTimeoutException.class)
                || hasCause(failure, InterruptedIOException.class);
        givenUp.putIfAbsent(region, where + (timedOut ? " answered nothing within "
                + Math.max(1, Math.round(silentNanos / 1e9)) + " s" : " could not be reached ("
                + rootMessage(failure) + ")") + "; nothing more was asked in " + region);
        return true;
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
                lastEndpoint.set(context.httpRequest().getUri());
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
