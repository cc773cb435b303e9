package io.tablewarden.engine.collect;

import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.aws.AwsErrors;
import io.tablewarden.engine.aws.ReadOnlyAllowlist;
import io.tablewarden.model.CollectionError;
import io.tablewarden.model.Fetch;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The one limit on AWS calls in flight across a whole scan: every collector call takes a permit for its
 * duration (a paginated listing holds it across its pages, so it is still one call at a time), and no
 * call starts once the scan is cancelled. Failures come back as data, never as exceptions. When AWS says the
 * credentials have expired the gate cancels its token: a long scan stops instead of failing every call.
 */
public final class CallGate {

    /** Codes saying the identity's temporary credentials ran out: every later call would fail the same way. */
    private static final java.util.Set<String> EXPIRED = java.util.Set.of("ExpiredToken", "ExpiredTokenException");

    private final Semaphore permits;
    private final CancellationToken cancellation;
    private volatile CollectionError credentialsExpired;
    private volatile boolean stopOnExpiry;

    public CallGate(int maxInFlight, CancellationToken cancellation) {
        this.permits = new Semaphore(maxInFlight, true);
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
            CollectionError error = AwsErrors.toCollectionError(iamAction, e);
            if (stopOnExpiry && EXPIRED.contains(error.errorCode())) {
                // Stop the scan instead of collecting thousands of identical errors.
                credentialsExpired = error;
                cancellation.cancel();
            }
            return Fetch.failed(error);
        }
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
            return call.get();
        } finally {
            permits.release();
        }
    }

    /** The error a call that never ran because of cancellation is recorded with. */
    public static CollectionError cancelled(String iamAction) {
        return new CollectionError(iamAction, "Cancelled", "the scan was cancelled", CollectionError.Kind.CANCELLED);
    }
}
