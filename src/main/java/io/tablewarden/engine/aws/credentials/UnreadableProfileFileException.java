package io.tablewarden.engine.aws.credentials;

import io.tablewarden.profiles.ConfigReadError;

/**
 * The AWS config or credentials file is one the AWS tools themselves would reject, so no profile in it can be
 * trusted. The message is the same one line {@code profiles list} prints: {@code cannot read <file>:<line>:
 * <reason>}.
 */
public final class UnreadableProfileFileException extends ProfileCredentialsException {

    private static final long serialVersionUID = 1L;

    private final transient ConfigReadError error;

    public UnreadableProfileFileException(String profile, ConfigReadError error) {
        super(profile, error.message());
        this.error = error;
    }

    /** The file, line and reason. */
    public ConfigReadError error() {
        return error;
    }
}
