package io.tablewarden.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides which calls misbehave. Random faults come from a hash of the seed, the operation, the request's
 * resource key and how often that same request was seen before, never from a shared random stream: the outcome
 * then does not depend on thread interleaving, and a retried call moves on to its next attempt number, so it
 * eventually succeeds in a repeatable way.
 */
final class FaultInjector {

    /** What happens to one call. */
    enum Outcome { PASS, THROTTLE, SERVER_ERROR }

    private final FaultSettings settings;
    private final Map<String, AtomicLong> attempts = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    FaultInjector(FaultSettings settings) {
        this.settings = settings;
    }

    FaultSettings settings() {
        return settings;
    }

    /** Registers a call in flight; false when it is over the quota (the caller must still call {@link #leave()}). */
    boolean enter() {
        int now = inFlight.incrementAndGet();
        return settings.maxInFlight() == 0 || now <= settings.maxInFlight();
    }

    void leave() {
        inFlight.decrementAndGet();
    }

    /** Calls received and not yet answered (their answers may be waiting out an injected latency). */
    int inFlight() {
        return inFlight.get();
    }

    /** Draws the outcome and the delay for one attempt of {@code operationKey} on {@code resourceKey}. */
    Decision decide(String operationKey, String resourceKey) {
        return decide(operationKey, () -> resourceKey);
    }

    /** As {@link #decide(String, String)}, building the resource key only when a random fault is possible at all. */
    Decision decide(String operationKey, java.util.function.Supplier<String> resourceKey) {
        if (settings.throttleRate() == 0.0 && settings.serverErrorRate() == 0.0
                && settings.latencyJitterMs() == 0) {
            return new Decision(Outcome.PASS, settings.latencyMs());
        }
        String key = operationKey + '\n' + resourceKey.get();
        long attempt = attempts.computeIfAbsent(key, k -> new AtomicLong()).getAndIncrement();
        long h = mix(settings.seed() ^ fnv64(key) ^ mix(attempt + 0x9E3779B97F4A7C15L));
        double roll = (h >>> 11) * 0x1.0p-53;
        long jitter = settings.latencyJitterMs() == 0 ? 0 : Math.floorMod(mix(h), settings.latencyJitterMs() + 1);
        Outcome outcome = Outcome.PASS;
        if (roll < settings.throttleRate()) {
            outcome = Outcome.THROTTLE;
        } else if (roll < settings.throttleRate() + settings.serverErrorRate()) {
            outcome = Outcome.SERVER_ERROR;
        }
        return new Decision(outcome, settings.latencyMs() + jitter);
    }

    /** The first access-denied rule matching the call, or null. */
    FaultSettings.AccessRule deniedBy(String iamAction, String resourceArn, String region) {
        for (FaultSettings.AccessRule rule : settings.accessDenied()) {
            if (rule.denies(iamAction, resourceArn, region)) {
                return rule;
            }
        }
        return null;
    }

    /** Forgets the attempt history, so the same calls draw the same faults again. */
    void reset() {
        attempts.clear();
    }

    /** Outcome plus the delay to add before answering. */
    record Decision(Outcome outcome, long delayMs) {
    }

    private static long fnv64(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64 finaliser: spreads every input bit over the whole word. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
