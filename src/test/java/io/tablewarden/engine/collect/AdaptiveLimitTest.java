package io.tablewarden.engine.collect;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The AIMD limit on calls in flight: halves once per burst of throttling, grows back one call per round. */
class AdaptiveLimitTest {

    @Test
    void aThrottledCallHalvesTheLimitOncePerBurst() throws Exception {
        AdaptiveLimit limit = new AdaptiveLimit(16);
        limit.acquire();
        limit.throttled();
        assertEquals(8, limit.current());
        // The same call throttled again, or any call let in before the decrease, belongs to the same burst.
        limit.throttled();
        assertEquals(8, limit.current());
        limit.release();
        limit.acquire();
        limit.throttled();
        assertEquals(4, limit.current(), "a call let in after the decrease may lower it again");
        limit.release();
        for (int i = 0; i < 5; i++) {
            limit.acquire();
            limit.throttled();
            limit.release();
        }
        assertEquals(1, limit.current(), "never below one call");
        assertEquals(1, limit.lowest());
        assertEquals(4, limit.decreases(), "16, 8, 4, 2, 1");
    }

    @Test
    void successfulCallsGrowTheLimitBackToTheConfiguredConcurrency() throws Exception {
        AdaptiveLimit limit = new AdaptiveLimit(4);
        limit.acquire();
        limit.throttled();
        limit.release();
        assertEquals(2, limit.current());
        int calls = 0;
        while (limit.current() < 4) {
            limit.acquire();
            limit.succeeded();
            limit.release();
            calls++;
        }
        // About one more call allowed per round of calls in flight: 2.5, 2.9, 3.2, 3.6, 3.8, 4.
        assertEquals(6, calls);
        for (int i = 0; i < 20; i++) {
            limit.acquire();
            limit.succeeded();
            limit.release();
        }
        assertEquals(4, limit.current(), "never above the configured concurrency");
    }

    @Test
    void aLowerLimitHoldsNewCallsBackUntilEnoughHaveEnded() throws Exception {
        AdaptiveLimit limit = new AdaptiveLimit(2);
        limit.acquire();
        limit.acquire();
        limit.throttled();
        assertEquals(1, limit.current());
        AtomicBoolean started = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                limit.acquire();
                started.set(true);
                limit.release();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.countDown();
        });
        waiter.start();
        limit.release();
        assertFalse(done.await(200, TimeUnit.MILLISECONDS), "one call is still in flight, and the limit is one");
        assertFalse(started.get());
        limit.release();
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertTrue(started.get());
    }

    @Test
    void anInterruptedWaiterLeavesTheQueue() throws Exception {
        AdaptiveLimit limit = new AdaptiveLimit(1);
        limit.acquire();
        CountDownLatch interrupted = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                limit.acquire();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        waiter.start();
        Thread.sleep(50);
        waiter.interrupt();
        assertTrue(interrupted.await(5, TimeUnit.SECONDS));
        limit.release();
        CountDownLatch next = new CountDownLatch(1);
        Thread after = new Thread(() -> {
            try {
                limit.acquire();
                next.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        after.start();
        assertTrue(next.await(5, TimeUnit.SECONDS), "the queue is not blocked by the thread that left it");
    }
}
