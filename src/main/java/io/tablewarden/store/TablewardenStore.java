package io.tablewarden.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The local SQLite database of scans: opens (creating or upgrading) the file, and hands out the repositories.
 * One connection serves the whole process; every repository call holds the store's lock, so listener threads
 * and a UI thread may share it.
 *
 * <p>Opening never destroys data: a file that is not a readable database is moved aside and reported in
 * {@link #notices()}; a database from a newer build is refused untouched; scans left {@code running} by a
 * process that no longer exists become {@code interrupted}.
 */
public final class TablewardenStore implements AutoCloseable {

    static final int BUSY_TIMEOUT_MILLIS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(TablewardenStore.class);

    private final Path file;
    private final Connection connection;
    private final List<String> notices;
    private final Clock clock;
    private final ScanRepository scans;
    private final MuteRepository mutes;

    private TablewardenStore(Path file, Connection connection, List<String> notices, Clock clock) {
        this.file = file;
        this.connection = connection;
        this.notices = notices;
        this.clock = clock;
        this.mutes = new MuteRepository(this);
        this.scans = new ScanRepository(this);
    }

    /** Opens {@code file} with this build's schema. */
    public static TablewardenStore open(Path file) {
        return open(file, new SchemaMigrator(), Clock.systemUTC());
    }

    static TablewardenStore open(Path file, SchemaMigrator migrator, Clock clock) {
        List<String> notices = new ArrayList<>();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the folder of the database " + file + ": " + e.getMessage(), e);
        }
        if (Files.isDirectory(file)) {
            throw new StoreException("the database path " + file + " is a folder, not a file");
        }
        String problem = probe(file, migrator);
        if (problem != null) {
            Path moved = CorruptDatabase.moveAside(file, clock.instant());
            notices.add("The database " + file + " could not be read (" + problem + "); it was moved to "
                    + moved.getFileName() + " and a new database was started.");
        }
        Connection connection = null;
        try {
            connection = connect(file, false);
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA journal_mode = WAL");
                // NORMAL in WAL mode loses no committed transaction when the process dies, only on power loss.
                st.execute("PRAGMA synchronous = NORMAL");
            }
            migrator.migrate(connection, file.toString());
            TablewardenStore store = new TablewardenStore(file, connection, notices, clock);
            int recovered = store.scans.markAbandonedScansInterrupted();
            if (recovered > 0) {
                notices.add(recovered + (recovered == 1 ? " scan was" : " scans were")
                        + " left unfinished by a process that ended; marked as interrupted.");
            }
            LOG.info("opened the scan database {}", file.toAbsolutePath());
            notices.forEach(n -> LOG.warn("{}", n));
            return store;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new StoreException("cannot open the database " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /**
     * Looks at an existing file read-only: null when it is usable (or empty), else why not. A newer schema is
     * refused here, before the real connection switches the file to WAL mode.
     */
    private static String probe(Path file, SchemaMigrator migrator) {
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                return null;
            }
        } catch (IOException e) {
            throw new StoreException("cannot read the database " + file + ": " + e.getMessage(), e);
        }
        try (Connection probe = connect(file, true)) {
            migrator.requireKnown(SchemaMigrator.version(probe), file.toString());
            try (Statement st = probe.createStatement(); ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
                String first = rs.next() ? rs.getString(1) : "no answer";
                return "ok".equals(first) ? null : "integrity check: " + first;
            }
        } catch (SQLException e) {
            if (isCorruption(e)) {
                return e.getMessage();
            }
            throw new StoreException("cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean isCorruption(SQLException e) {
        if (e instanceof SQLiteException) {
            SQLiteErrorCode code = ((SQLiteException) e).getResultCode();
            if (code == SQLiteErrorCode.SQLITE_NOTADB || code == SQLiteErrorCode.SQLITE_CORRUPT) {
                return true;
            }
        }
        String message = String.valueOf(e.getMessage());
        return message.contains("not a database") || message.contains("malformed");
    }

    private static Connection connect(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** What happened while opening (a corrupt file moved aside, interrupted scans), for the user to read. */
    public List<String> notices() {
        return java.util.Collections.unmodifiableList(notices);
    }

    /** Scans, their inventory and results. */
    public ScanRepository scans() {
        return scans;
    }

    /** Mutes. */
    public MuteRepository mutes() {
        return mutes;
    }

    Connection connection() {
        return connection;
    }

    Clock clock() {
        return clock;
    }

    /** Lock that every repository call holds: one connection, one statement at a time. */
    Object lock() {
        return this;
    }

    @Override
    public void close() {
        synchronized (lock()) {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Nothing useful to do: the WAL keeps every committed transaction.
            }
        }
    }
}
