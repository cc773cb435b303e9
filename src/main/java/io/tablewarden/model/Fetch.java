package io.tablewarden.model;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of one collection step: either the value AWS returned or the error that prevented it.
 * Collectors never substitute a default for a failed call, so a check can tell "not configured" from
 * "could not be read" and report ERROR for the latter.
 *
 * @param value the collected value when the call succeeded (may itself be null when AWS said "none", e.g. no policy)
 * @param error the failure, or null on success
 */
public record Fetch<T>(T value, CollectionError error) {

    public static <T> Fetch<T> ok(T value) {
        return new Fetch<>(value, null);
    }

    public static <T> Fetch<T> failed(CollectionError error) {
        return new Fetch<>(null, Objects.requireNonNull(error, "error"));
    }

    public boolean isOk() {
        return error == null;
    }

    public boolean isFailed() {
        return error != null;
    }

    public <R> Fetch<R> map(Function<? super T, ? extends R> fn) {
        return isOk() ? ok(fn.apply(value)) : failed(error);
    }
}
