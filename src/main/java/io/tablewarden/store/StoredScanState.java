package io.tablewarden.store;

import java.util.Locale;

/**
 * The state of a stored scan. {@code INCOMPLETE}: the scan ran to its end but not all of its results could be
 * stored (or were recovered from a damaged database), so it must not be read as whole. {@code INTERRUPTED}: its
 * process died before it could say how it ended.
 */
public enum StoredScanState {
    RUNNING, COMPLETED, INCOMPLETE, CANCELLED, FAILED, INTERRUPTED;

    /** True only for a scan that ran to its end with every result stored: the one kind a comparison can trust. */
    public boolean whole() {
        return this == COMPLETED;
    }

    /** The value in the {@code scan.state} column. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static StoredScanState fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
