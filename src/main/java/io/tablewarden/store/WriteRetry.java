package io.tablewarden.store;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.sql.SQLException;
import java.time.Duration;

/**
 * How long a write waits for a database another process holds: SQLite's busy timeout for each attempt, then
 * attempts again with a growing pause until the budget is spent. Another Tablewarden, a backup tool or a
 * {@code sqlite3} shell holding the file for a few seconds then costs a few seconds, not results.
 *
 * @param busyTimeoutMillis SQLite's busy timeout, per statement
 * @param budget            the whole time one write may spend waiting
 */
record WriteRetry(int busyTimeoutMillis, Duration budget) {

    /** Five seconds per attempt, half a minute in all. */
    static final WriteRetry DEFAULT = new WriteRetry(5_000, Duration.ofSeconds(30));

    private static final long FIRST_PAUSE_MILLIS = 50;
    private static final long LONGEST_PAUSE_MILLIS = 2_000;

    /** Whether {@code e} says the database was busy or locked, which waiting may cure. */
    static boolean busy(SQLException e) {
        if (e instanceof SQLiteException) {
            SQLiteErrorCode code = ((SQLiteException) e).getResultCode();
            if (code != null && (code.name().startsWith("SQLITE_BUSY") || code.name().startsWith("SQLITE_LOCKED"))) {
                return true;
            }
        }
        String message = String.valueOf(e.getMessage());
        return message.contains("database is locked") || message.contains("SQLITE_BUSY");
    }

    /** The pause before attempt {@code attempt} (1 = the first retry): doubling, at most two seconds. */
    static long pauseMillis(int attempt) {
        return Math.min(LONGEST_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << Math.min(attempt - 1, 10));
    }
}
