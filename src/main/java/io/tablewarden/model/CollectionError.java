package io.tablewarden.model;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Why an AWS call did not give us data. {@code permission} is the IAM action that a policy must allow
 * (e.g. {@code dynamodb:GetResourcePolicy}); {@code errorCode} is AWS's code (e.g. {@code AccessDeniedException}).
 *
 * @param permission IAM action of the failed call, {@code service:Operation}
 * @param errorCode  the error code AWS answered with, or a local one such as {@code Timeout} / {@code Cancelled}
 * @param message    AWS's message, with no credentials in it
 * @param kind       coarse classification so that checks and the UI can phrase the next step
 * @param alternative another IAM action that would have given the same data and failed too (a bulk listing whose
 *                    per-resource fallback is {@code permission}), or null
 */
public record CollectionError(String permission, String errorCode, String message, Kind kind, String alternative) {

    /** An error of one call, with no alternative call behind it. */
    public CollectionError(String permission, String errorCode, String message, Kind kind) {
        this(permission, errorCode, message, kind, null);
    }

    /** The same error, noting that {@code action}, which would have given the data as well, failed too. */
    public CollectionError withAlternative(String action) {
        return new CollectionError(permission, errorCode, message, kind, action);
    }

    /** Coarse reason a call failed. */
    public enum Kind {
        ACCESS_DENIED, THROTTLED, NOT_FOUND, REGION_DISABLED, INVALID_CREDENTIALS, SERVER_ERROR, TIMEOUT, CANCELLED, OTHER
    }

    /** One sentence suitable for a finding: names the action and what to grant. */
    public String describe() {
        String base = permission + " failed (" + errorCode + ")"
                + (alternative == null ? "" : ", as did " + alternative);
        if (kind == Kind.ACCESS_DENIED) {
            return base + "; grant " + (alternative == null ? "" : alternative + " or ") + permission
                    + " to the scanning identity";
        }
        if (message != null && !message.isBlank()) {
            return base + ": " + message;
        }
        return base;
    }

    /**
     * Several failed calls in one clause: each action with its error code and how often, then what to grant
     * when they were all denied. For example {@code 2 calls failed: dynamodb:ListTables (AccessDeniedException)
     * ×2; grant dynamodb:ListTables to the scanning identity}.
     *
     * @throws IllegalArgumentException when {@code failed} is empty
     */
    public static String summary(List<CollectionError> failed) {
        if (failed.isEmpty()) {
            throw new IllegalArgumentException("no failed call to summarise");
        }
        Map<String, Integer> byCall = new LinkedHashMap<>();
        Set<String> denied = new LinkedHashSet<>();
        boolean allDenied = true;
        for (CollectionError e : failed) {
            byCall.merge(e.permission() + " (" + e.errorCode() + ")", 1, Integer::sum);
            if (e.kind() == Kind.ACCESS_DENIED) {
                denied.add(e.permission());
            } else {
                allDenied = false;
            }
        }
        StringJoiner calls = new StringJoiner(", ");
        byCall.forEach((call, n) -> calls.add(n == 1 ? call : call + " \u00d7" + n));
        String text = failed.size() + (failed.size() == 1 ? " call failed: " : " calls failed: ") + calls;
        return allDenied ? text + "; grant " + String.join(", ", denied) + " to the scanning identity" : text;
    }
}
