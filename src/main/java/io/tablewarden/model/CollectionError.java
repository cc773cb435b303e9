package io.tablewarden.model;

/**
 * Why an AWS call did not give us data. {@code permission} is the IAM action that a policy must allow
 * (e.g. {@code dynamodb:GetResourcePolicy}); {@code errorCode} is AWS's code (e.g. {@code AccessDeniedException}).
 *
 * @param permission IAM action of the failed call, {@code service:Operation}
 * @param errorCode  the error code AWS answered with, or a local one such as {@code Timeout} / {@code Cancelled}
 * @param message    AWS's message, with no credentials in it
 * @param kind       coarse classification so that checks and the UI can phrase the next step
 */
public record CollectionError(String permission, String errorCode, String message, Kind kind) {

    /** Coarse reason a call failed. */
    public enum Kind {
        ACCESS_DENIED, THROTTLED, NOT_FOUND, REGION_DISABLED, INVALID_CREDENTIALS, SERVER_ERROR, TIMEOUT, CANCELLED, OTHER
    }

    /** One sentence suitable for a finding: names the action and what to grant. */
    public String describe() {
        String base = permission + " failed (" + errorCode + ")";
        if (kind == Kind.ACCESS_DENIED) {
            return base + "; grant " + permission + " to the scanning identity";
        }
        if (message != null && !message.isBlank()) {
            return base + ": " + message;
        }
        return base;
    }
}
