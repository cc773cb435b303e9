package io.tablewarden.simulator;

/** An AWS error answer: the service-specific code, a message and the HTTP status it travels with. */
final class ApiError extends RuntimeException {

    private final String code;
    private final int status;
    private String oauthError;

    ApiError(String code, int status, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    /** A client error with HTTP 400, the most common case for the JSON protocols. */
    static ApiError badRequest(String code, String message) {
        return new ApiError(code, 400, message);
    }

    String code() {
        return code;
    }

    int status() {
        return status;
    }

    /** Adds the OAuth error name an SSO OIDC answer carries in its {@code error} member. */
    ApiError withError(String oauthErrorName) {
        this.oauthError = oauthErrorName;
        return this;
    }

    String oauthError() {
        return oauthError;
    }

    boolean serverSide() {
        return status >= 500;
    }
}
