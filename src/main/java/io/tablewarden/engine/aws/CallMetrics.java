package io.tablewarden.engine.aws;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what a scan asked of AWS. The interceptor hooks see every call and every attempt (retries
 * included) and track how many calls are in flight; the scan's retry strategy, which sees the error of every
 * failed attempt, tells which attempts were throttled ({@link #throttledAttempt()}). No SDK metric publisher is
 * registered: collecting the SDK's per-call metrics cost CPU on every call for one counter.
 */
public final class CallMetrics implements ExecutionInterceptor {

    private static final ExecutionAttribute<Boolean> IN_FLIGHT = new ExecutionAttribute<>("TablewardenInFlight");
    private static final ExecutionAttribute<Integer> ATTEMPT = new ExecutionAttribute<>("TablewardenAttempt");

    private final Map<String, LongAdder> attemptsByOperation = new ConcurrentHashMap<>();
    private final LongAdder attempts = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        attributes.putAttribute(IN_FLIGHT, Boolean.TRUE);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        attempts.increment();
        // Counted per call: a call that failed before sending anything (no credentials, cancelled) has no
        // attempt at all and must not hide another call's retry.
        Integer previous = attributes.getAttribute(ATTEMPT);
        int attempt = previous == null ? 1 : previous + 1;
        attributes.putAttribute(ATTEMPT, attempt);
        if (attempt > 1) {
            retries.increment();
        }
        String key = ReadOnlyAllowlist.iamAction(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        attemptsByOperation.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        leave(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        leave(attributes);
    }

    /** The failure hook also runs for calls refused before {@link #beforeExecution}; only count down what counted up. */
    private void leave(ExecutionAttributes attributes) {
        if (Boolean.TRUE.equals(attributes.getAttribute(IN_FLIGHT))) {
            attributes.putAttribute(IN_FLIGHT, Boolean.FALSE);
            inFlight.decrementAndGet();
        }
    }

    /** An attempt was answered with a throttling error (called by the retry strategy, on the calling thread). */
    public void throttledAttempt() {
        throttled.increment();
    }

    /** Attempts sent over the wire, retries included. */
    public long attempts() {
        return attempts.sum();
    }

    /** Attempts beyond the first of each call. */
    public long retries() {
        return retries.sum();
    }

    /** Attempts that AWS answered with a throttling error. */
    public long throttled() {
        return throttled.sum();
    }

    /** Calls running right now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** The most calls that were ever running at once. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Attempts keyed by IAM action ({@code service:Operation}), sorted. */
    public Map<String, Long> attemptsByOperation() {
        Map<String, Long> copy = new TreeMap<>();
        attemptsByOperation.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }
}
