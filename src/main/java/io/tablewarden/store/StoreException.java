package io.tablewarden.store;

/**
 * The database cannot be used for the stated reason. The message is one sentence meant for the user: the CLI
 * prints it as is and the UI shows it in a dialog.
 */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
