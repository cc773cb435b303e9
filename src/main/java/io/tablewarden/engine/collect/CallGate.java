package io.tablewarden.engine.collect;

import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.aws.AwsErrors;
import io.tablewarden.engine.aws.ReadOnlyAllowlist;
import io.tablewarden.model.CollectionError;
import io.tablewarden.model.Fetch;

import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * The one limit on AWS calls in flight across a whole scan: every collector call (each page of a listing is
 * one call) takes a permit for its duration, retries included, and no call starts once the scan is
 * cancelled. The number of permits adapts to throttling ({@link AdaptiveLimit}, ADR 0009): the clients'
 * retry strategy reports throttled attempts through {@link #throttled()}. Failures come back as data, never
 * as exceptions. When AWS says the credentials have expired the gate cancels its token: a long scan stops
 * instead of failing every call.
 */
public final class CallGate {

    /** Codes saying the identity's temporary credentials ran out: every later call would fail the same way. */
    private static final java.util.Set<String> EXPIRED = java.util.Set.of("ExpiredToken", "ExpiredTokenException");

    private final AdaptiveLimit permits;
    private final CancellationToken cancellation;
    private volatile CollectionError credentialsExpired;
    private volatile boolean stopOnExpiry;

    public CallGate(int maxInFlight, CancellationToken cancellation) {
        this.permits = new AdaptiveLimit(maxInFlight);
        this.cancellation = cancellation;
    }

    public boolean isCancelled() {
        return cancellation.isCancelled();
    }

    /**
     * From now on, an expired-credentials answer cancels the gate's token. Armed once the identity is known,
     * so that credentials that were expired from the start are reported as such by the first call.
     */
    public void stopWhenCredentialsExpire() {
        stopOnExpiry = true;
    }

    /** The error with which the credentials expired during the scan, or null. */
    public CollectionError credentialsExpired() {
        return credentialsExpired;
    }

    /** Runs {@code call} (which needs IAM action {@code iamAction}) and wraps the outcome. */
    public <T> Fetch<T> fetch(String iamAction, Supplier<T> call) {
        try {
            return Fetch.ok(call(iamAction, call));
        } catch (RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Fetch.failed(record(AwsErrors.toCollectionError(iamAction, e)));
        }
    }

    /** Notes a failed call's error (expired credentials stop the scan) and returns it. */
    CollectionError record(CollectionError error) {
        if (stopOnExpiry && EXPIRED.contains(error.errorCode())) {
            // Stop the scan instead of collecting thousands of identical errors.
            credentialsExpired = error;
            cancellation.cancel();
        }
        return error;
    }

    /** An attempt of the current thread's call was throttled: fewer calls go into flight for a while. */
    public void throttled() {
        permits.throttled();
    }

    /** The adaptive limit on calls in flight, for the scan's figures. */
    public AdaptiveLimit limit() {
        return permits;
    }

    /** Like {@link #fetch} for callers that need the raw exception (e.g. to read "not found" as "none"). */
    public <T> T call(String iamAction, Supplier<T> call) throws InterruptedException {
        if (!ReadOnlyAllowlist.allowsIamAction(iamAction)) {
            throw new IllegalArgumentException(iamAction + " is not on the read-only allowlist");
        }
        if (cancellation.isCancelled()) {
            throw new CancellationException("scan cancelled");
        }
        permits.acquire();
        try {
            if (cancellation.isCancelled()) {
                throw new CancellationException("scan cancelled");
            }
            T value = call.get();
            permits.succeeded();
            return value;
        } finally {
            permits.release();
        }
    }

    /** The error a call that never ran because of cancellation is recorded with. */
    public static CollectionError cancelled(String iamAction) {
        return new CollectionError(iamAction, "Cancelled", "the scan was cancelled", CollectionError.Kind.CANCELLED);
    }
}
