package io.tablewarden.engine.collect;

import io.tablewarden.engine.CancellationToken;
import io.tablewarden.model.CollectionError;
import io.tablewarden.model.Fetch;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallGateTest {

    private static AwsServiceException expired() {
        return AwsServiceException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode("ExpiredTokenException").errorMessage("The security token included in the request is expired")
                .build()).build();
    }

    @Test
    void neverRunsMoreCallsThanPermits() throws Exception {
        CallGate gate = new CallGate(3, new CancellationToken());
        AtomicInteger running = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch done = new CountDownLatch(40);
        for (int i = 0; i < 40; i++) {
            pool.submit(() -> {
                gate.fetch("dynamodb:DescribeTable", () -> {
                    max.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return running.decrementAndGet();
                });
                done.countDown();
            });
        }
        assertTrue(done.await(20, TimeUnit.SECONDS));
        pool.shutdownNow();
        assertEquals(3, max.get());
    }

    @Test
    void noCallStartsOnceCancelled() {
        CancellationToken token = new CancellationToken();
        CallGate gate = new CallGate(2, token);
        token.cancel();
        Fetch<String> f = gate.fetch("dynamodb:ListTables", () -> {
            throw new AssertionError("must not run");
        });
        assertEquals(CollectionError.Kind.CANCELLED, f.error().kind());
    }

    @Test
    void expiredCredentialsStopTheScanOnceArmed() {
        CancellationToken token = new CancellationToken();
        CallGate gate = new CallGate(2, token);
        gate.fetch("sts:GetCallerIdentity", () -> {
            throw expired();
        });
        assertFalse(token.isCancelled(), "before the identity is known the caller reports the failure itself");
        assertNull(gate.credentialsExpired());

        gate.stopWhenCredentialsExpire();
        Fetch<Object> f = gate.fetch("dynamodb:DescribeTable", () -> {
            throw expired();
        });
        assertEquals("ExpiredTokenException", f.error().errorCode());
        assertTrue(token.isCancelled());
        assertEquals("dynamodb:DescribeTable", gate.credentialsExpired().permission());
    }

    @Test
    void refusesActionsOffTheAllowlist() {
        CallGate gate = new CallGate(1, new CancellationToken());
        assertThrows(IllegalArgumentException.class, () -> gate.call("dynamodb:DeleteTable", () -> null));
    }
}
