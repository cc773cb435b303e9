package io.tablewarden.model;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of one collection step: either the value AWS returned or the error that prevented it.
 * Collectors never substitute a default for a failed call, so a check can tell "not configured" from
 * "could not be read" and report ERROR for the latter.
 *
 * <p>A listing whose later page failed is <em>partial</em>: it is failed (its error says which call and why)
 * and still carries the items read before the failure, so that those resources keep their own results.
 * Whoever does not look at {@link #isPartial()} sees a failed fetch, the safe reading.
 *
 * @param value the collected value when the call succeeded (may itself be null when AWS said "none", e.g. no
 *              policy); for a partial listing the items read before the failure; else null
 * @param error the failure, or null on success
 */
public record Fetch<T>(T value, CollectionError error) {

    public static <T> Fetch<T> ok(T value) {
        return new Fetch<>(value, null);
    }

    public static <T> Fetch<T> failed(CollectionError error) {
        return new Fetch<>(null, Objects.requireNonNull(error, "error"));
    }

    /** A listing that failed after some of its pages were read: {@code value} holds what they gave. */
    public static <T> Fetch<T> partial(T value, CollectionError error) {
        return new Fetch<>(Objects.requireNonNull(value, "value"), Objects.requireNonNull(error, "error"));
    }

    /** True for a failed listing that still carries the items read before its failure. */
    public boolean isPartial() {
        return error != null && value != null;
    }

    public boolean isOk() {
        return error == null;
    }

    public boolean isFailed() {
        return error != null;
    }

    /** Maps the value of a successful or partial fetch; a failed one stays failed with its error. */
    public <R> Fetch<R> map(Function<? super T, ? extends R> fn) {
        if (isOk()) {
            return ok(fn.apply(value));
        }
        return isPartial() ? partial(fn.apply(value), error) : failed(error);
    }
}
