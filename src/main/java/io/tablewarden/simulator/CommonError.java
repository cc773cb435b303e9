package io.tablewarden.simulator;

/** Errors every service can answer; each protocol names and numbers them in its own way. */
enum CommonError {
    THROTTLED,
    SERVER_ERROR,
    ACCESS_DENIED,
    UNRECOGNIZED_CLIENT,
    EXPIRED_TOKEN,
    UNKNOWN_OPERATION,
    INVALID_TOKEN,
    VALIDATION
}
