package io.tablewarden.store;

import java.util.Locale;

/** The state of a stored scan; {@code INTERRUPTED} means its process died before it could say how it ended. */
public enum StoredScanState {
    RUNNING, COMPLETED, CANCELLED, FAILED, INTERRUPTED;

    /** The value in the {@code scan.state} column. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static StoredScanState fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
