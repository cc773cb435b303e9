package io.tablewarden.publish;

/** Publishing cannot start: the message says why in one line. */
public final class PublishException extends RuntimeException {

    public PublishException(String message) {
        super(message);
    }
}
