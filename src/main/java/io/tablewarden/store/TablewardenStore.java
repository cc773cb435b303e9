package io.tablewarden.store;

import io.tablewarden.platform.OwnerOnly;
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
 * <p>Opening never destroys data: only a file that is ours (our {@code application_id}, or our tables for a
 * database from before the id) is ever written, migrated or moved; anything else is refused untouched. A damaged
 * database of ours is moved aside and what is readable of it copied into a new one, reported in
 * {@link #notices()}; a database from a newer build is refused untouched; scans left {@code running} by a process
 * that no longer exists become {@code interrupted}. The file and its {@code -wal} and {@code -shm} are owner-only.
 */
public final class TablewardenStore implements AutoCloseable {

    static final int BUSY_TIMEOUT_MILLIS = WriteRetry.DEFAULT.busyTimeoutMillis();
    private static final Logger LOG = LoggerFactory.getLogger(TablewardenStore.class);

    private final Path file;
    private final Connection connection;
    private final List<String> notices;
    private final Clock clock;
    private final WriteRetry retry;
    private final ScanRepository scans;
    private final MuteRepository mutes;
    private final OrganizationScanRepository organizationScans;

    private TablewardenStore(Path file, Connection connection, List<String> notices, Clock clock,
                             WriteRetry retry) {
        this.file = file;
        this.retry = retry;
        this.connection = connection;
        this.notices = notices;
        this.clock = clock;
        this.mutes = new MuteRepository(this);
        this.scans = new ScanRepository(this);
        this.organizationScans = new OrganizationScanRepository(this);
    }

    static {
        SqliteNativeLibrary.useDataFolderCache();
    }

    /**
     * Opens {@code file} for reading and writing with this build's schema, creating it (owner-only) when missing.
     *
     * @throws StoreException when the file is not a Tablewarden database (it is left untouched), is from a newer
     *                        build, or cannot be opened
     */
    public static TablewardenStore open(Path file) {
        return open(file, new SchemaMigrator(), Clock.systemUTC());
    }

    /**
     * Opens {@code file} for reading only, for commands that only read: nothing is created, neither the file nor its
     * folder. A missing file reads as an empty database. A damaged database is reported, not moved; a database from
     * an older build is first upgraded (that is a write, but only ever to a file that is ours).
     */
    public static TablewardenStore openReadOnly(Path file) {
        SchemaMigrator migrator = new SchemaMigrator();
        if (Files.isDirectory(file)) {
            throw new StoreException("the database path " + file + " is a folder, not a file");
        }
        DatabaseFile.Inspection inspection = DatabaseFile.inspect(file);
        if (inspection.kind() == DatabaseFile.Kind.NEW) {
            return emptyInMemory(file, migrator);
        }
        if (!inspection.ours()) {
            throw new StoreException(inspection.refusal(file));
        }
        String problem = probe(file, migrator);
        if (problem != null) {
            throw new StoreException("the database " + file + " is damaged (" + problem + "); the next scan or the"
                    + " workbench will keep what is readable and start a new one");
        }
        if (inspection.kind() == DatabaseFile.Kind.OURS_WITHOUT_ID || version(file) < migrator.latestVersion()) {
            open(file).close();
        }
        Connection connection = null;
        try {
            connection = connect(file, true, BUSY_TIMEOUT_MILLIS);
            LOG.info("opened the scan database {} read-only", file.toAbsolutePath());
            return new TablewardenStore(file, connection, new ArrayList<>(), Clock.systemUTC(), WriteRetry.DEFAULT);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new StoreException("cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    static TablewardenStore open(Path file, SchemaMigrator migrator, Clock clock) {
        return open(file, migrator, clock, WriteRetry.DEFAULT);
    }

    static TablewardenStore open(Path file, SchemaMigrator migrator, Clock clock, WriteRetry retry) {
        List<String> notices = new ArrayList<>();
        if (Files.isDirectory(file)) {
            throw new StoreException("the database path " + file + " is a folder, not a file");
        }
        DatabaseFile.Inspection inspection = DatabaseFile.inspect(file);
        if (inspection.kind() != DatabaseFile.Kind.NEW && !inspection.ours()) {
            throw new StoreException(inspection.refusal(file));
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                OwnerOnly.createFolders(parent);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the folder of the database " + file + ": " + e.getMessage(), e);
        }
        Path damaged = null;
        if (inspection.ours()) {
            String problem = probe(file, migrator);
            if (problem != null) {
                damaged = CorruptDatabase.moveAside(file, clock.instant());
                LOG.warn("the database {} is damaged ({}); moved to {}", file, problem, damaged);
                notices.add("The database " + file + " is damaged (" + problem + "); it was moved to " + damaged
                        + " and a new database was started");
            }
        }
        Connection connection = null;
        try {
            boolean created = createOwnerOnly(file);
            restrictCompanions(file);
            connection = connect(file, false, retry.busyTimeoutMillis());
            if (created) {
                // Marked and given its schema before WAL mode, so the mark is in the main file from the start
                // and a crash can never leave a database of ours that the next run would not recognise.
                mark(connection);
                migrator.migrate(connection, file.toString());
            }
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA journal_mode = WAL");
                // NORMAL in WAL mode loses no committed transaction when the process dies, only on power loss.
                st.execute("PRAGMA synchronous = NORMAL");
            }
            if (inspection.kind() == DatabaseFile.Kind.OURS_WITHOUT_ID) {
                mark(connection);
                try (Statement st = connection.createStatement()) {
                    st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
                LOG.info("adopted the scan database {} written before the application id", file);
            }
            migrator.migrate(connection, file.toString());
            restrictCompanions(file);
            if (damaged != null) {
                notices.set(notices.size() - 1, notices.get(notices.size() - 1) + recover(damaged, connection));
            }
            TablewardenStore store = new TablewardenStore(file, connection, notices, clock, retry);
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
        } catch (IOException e) {
            closeQuietly(connection);
            throw new StoreException("cannot create the database " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** Copies what is readable of the damaged file; returns the end of the notice that says how much. */
    private static String recover(Path damaged, Connection fresh) {
        try {
            DatabaseRecovery.Recovered saved = DatabaseRecovery.copy(damaged, fresh);
            LOG.warn("recovered {} scan(s) and {} result(s) from {}", saved.scans(), saved.results(), damaged);
            return "; " + saved.scans() + (saved.scans() == 1 ? " scan" : " scans") + " (" + saved.results()
                    + " results) could be recovered into it.";
        } catch (SQLException | RuntimeException e) {
            LOG.warn("nothing could be recovered from {}", damaged, e);
            return "; nothing could be recovered from it (" + e.getMessage() + ").";
        }
    }

    /** A new database file is created owner-only; SQLite gives its -wal and -shm the same permissions. */
    private static boolean createOwnerOnly(Path file) throws IOException {
        if (Files.exists(file)) {
            if (Files.size(file) > 0) {
                OwnerOnly.restrict(file);
                return false;
            }
            OwnerOnly.restrict(file);
            return true;
        }
        Files.createFile(file, OwnerOnly.fileAttribute());
        return true;
    }

    /** Ours, so made owner-only: an older build left them readable by everyone. */
    private static void restrictCompanions(Path file) throws IOException {
        for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
            OwnerOnly.restrict(file.resolveSibling(file.getFileName() + suffix));
        }
    }

    private static void mark(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA application_id = " + DatabaseFile.APPLICATION_ID);
        }
    }

    private static TablewardenStore emptyInMemory(Path file, SchemaMigrator migrator) {
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
            migrator.migrate(connection, file.toString());
            return new TablewardenStore(file, connection, new ArrayList<>(), Clock.systemUTC(), WriteRetry.DEFAULT);
        } catch (SQLException e) {
            throw new StoreException("cannot open an empty database: " + e.getMessage(), e);
        }
    }

    private static int version(Path file) {
        try (Connection c = connect(file, true, BUSY_TIMEOUT_MILLIS)) {
            return SchemaMigrator.version(c);
        } catch (SQLException e) {
            throw new StoreException("cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Looks at a file of ours read-only: null when it is usable, else why not. A newer schema is refused here,
     * before the real connection changes anything.
     */
    private static String probe(Path file, SchemaMigrator migrator) {
        try (Connection probe = connect(file, true, BUSY_TIMEOUT_MILLIS)) {
            migrator.requireKnown(SchemaMigrator.version(probe), file.toString());
            try (Statement st = probe.createStatement(); ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
                String first = rs.next() ? rs.getString(1) : "no answer";
                return "ok".equals(first) ? null : "integrity check: " + first.replaceAll("\\s+", " ");
            }
        } catch (SQLException e) {
            if (isCorruption(e)) {
                return String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
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

    private static Connection connect(Path file, boolean readOnly, int busyTimeoutMillis) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(busyTimeoutMillis);
        // BEGIN IMMEDIATE takes the write lock at the start, where the busy timeout and the retry apply, rather
        // than half-way through a transaction.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
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

    /** Organisation scans, each grouping the scans of its accounts. */
    public OrganizationScanRepository organizationScans() {
        return organizationScans;
    }

    Connection connection() {
        return connection;
    }

    /** The store's idea of now: which mutes are active, when a re-evaluation ran. */
    public Clock clock() {
        return clock;
    }

    WriteRetry retry() {
        return retry;
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
