package io.tablewarden.engine.collect;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The number of AWS calls a scan lets into flight, adapted to what AWS accepts (additive increase,
 * multiplicative decrease, as TCP does with its congestion window; see ADR 0009).
 *
 * <p>It starts at the configured concurrency, which is also its ceiling. A throttled attempt halves it (never
 * below one), but only when the throttled call was let in after the previous decrease: the calls already in
 * flight when AWS first pushed back belong to the same burst and must not halve it again. Every call that
 * succeeds adds {@code 1/limit}, so the limit grows back by about one call per round of calls.
 *
 * <p>Waiting calls are let in first come, first served, so one region's many small calls cannot starve
 * another's. Lowering the limit never interrupts a call in flight; it only holds new ones back.
 */
public final class AdaptiveLimit {

    private final int ceiling;
    private final Deque<Thread> waiting = new ArrayDeque<>();
    /** The epoch in which the current thread's call was let in; a decrease starts a new epoch. */
    private final ThreadLocal<long[]> admittedIn = ThreadLocal.withInitial(() -> new long[] {-1});
    private double limit;
    private int inFlight;
    private long epoch;
    private int lowest;
    private long decreases;

    public AdaptiveLimit(int ceiling) {
        if (ceiling < 1) {
            throw new IllegalArgumentException("the limit must be at least 1");
        }
        this.ceiling = ceiling;
        this.limit = ceiling;
        this.lowest = ceiling;
    }

    /** Waits until the call may start; first come, first served. */
    public synchronized void acquire() throws InterruptedException {
        Thread me = Thread.currentThread();
        waiting.addLast(me);
        try {
            while (waiting.peekFirst() != me || inFlight >= current()) {
                wait();
            }
        } catch (InterruptedException e) {
            waiting.remove(me);
            // The next in line may be able to go now that this thread left the queue.
            notifyAll();
            throw e;
        }
        waiting.removeFirst();
        inFlight++;
        admittedIn.get()[0] = epoch;
        notifyAll();
    }

    /** The call ended (whatever its outcome). */
    public synchronized void release() {
        inFlight--;
        notifyAll();
    }

    /** The call of the current thread succeeded: the limit grows by one per round of successful calls. */
    public synchronized void succeeded() {
        if (limit < ceiling) {
            int before = current();
            limit = Math.min(ceiling, limit + 1.0 / limit);
            if (current() > before) {
                notifyAll();
            }
        }
    }

    /**
     * An attempt of the current thread's call was throttled. Halves the limit once per burst: only a call let
     * in after the last decrease lowers it again.
     */
    public synchronized void throttled() {
        long[] admitted = admittedIn.get();
        if (admitted[0] != epoch) {
            return;
        }
        int before = current();
        limit = Math.max(1, Math.floor(limit / 2));
        epoch++;
        if (current() < before) {
            decreases++;
        }
        lowest = Math.min(lowest, current());
    }

    /** Calls allowed in flight right now. */
    public synchronized int current() {
        return (int) limit;
    }

    /** The configured concurrency, which the limit never exceeds. */
    public int ceiling() {
        return ceiling;
    }

    /** The lowest the limit went during the scan. */
    public synchronized int lowest() {
        return lowest;
    }

    /** How often throttling lowered the limit (a throttle at one call in flight lowers nothing). */
    public synchronized long decreases() {
        return decreases;
    }

    /** Calls running right now. */
    public synchronized int inFlight() {
        return inFlight;
    }
}
