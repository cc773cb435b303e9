package io.tablewarden.ui.shell;

import io.tablewarden.store.StoreException;

/**
 * Turns what went wrong with the scan database into a sentence for the user with the next step. The store's own
 * messages already name the file and the cause; this adds what to do about it.
 */
public final class StoreProblems {

    private StoreProblems() {
    }

    /** The message shown when there is no database at all. */
    public static final String NO_DATABASE = "The scan database could not be opened, so stored scans are not"
            + " available. Check that its folder exists and is writable (or set TABLEWARDEN_DB to another file),"
            + " then restart Tablewarden.";

    /** A message for a failure while doing {@code what} (e.g. "load the stored scans"). */
    public static String describe(String what, Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof StoreException)) {
            cause = cause.getCause();
        }
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (cause instanceof StoreException) {
            return "Could not " + what + ": " + reason + ". If the file is on a removable or network drive, check"
                    + " that it is reachable; otherwise close other programs using it and try again.";
        }
        return "Could not " + what + ": " + reason + ".";
    }
}
