package io.tablewarden.store;

/** A scan id that the database does not hold: the caller named the wrong scan, the database is fine. */
public final class UnknownScanException extends StoreException {

    private final long scanId;

    public UnknownScanException(long scanId, String message) {
        super(message);
        this.scanId = scanId;
    }

    /** The id that was asked for. */
    public long scanId() {
        return scanId;
    }
}
