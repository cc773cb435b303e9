package io.tablewarden.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a database to the schema this build knows, one numbered SQL resource at a time, each in its own
 * transaction together with the new {@code PRAGMA user_version}: a crash mid-upgrade leaves the previous
 * version intact. A database from a newer build is refused before anything is written to it.
 */
public final class SchemaMigrator {

    private static final String FOLDER = "/io/tablewarden/store/migrations/";

    /** The migrations of this build, in order; version N is the N-th entry. */
    static final List<String> MIGRATIONS = List.of(
            "001-initial.sql",
            "002-mutes-and-reevaluation.sql",
            "003-incomplete-state.sql",
            "004-mute-rules.sql",
            "005-result-cause.sql",
            "006-organization-scans.sql");

    private final List<String> migrations;

    /** The migrations of this build. */
    public SchemaMigrator() {
        this(MIGRATIONS);
    }

    /** A given prefix of the migrations, to build databases as an older release wrote them. */
    SchemaMigrator(List<String> migrations) {
        this.migrations = List.copyOf(migrations);
    }

    /** Schema version this migrator brings a database to. */
    public int latestVersion() {
        return migrations.size();
    }

    /** Reads {@code PRAGMA user_version}. */
    static int version(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Refuses a database written by a newer build; call before changing anything in the file. */
    void requireKnown(int version, String file) {
        if (version > latestVersion()) {
            throw new StoreException("the database " + file + " has schema version " + version
                    + ", newer than this Tablewarden understands (" + latestVersion()
                    + "); use a newer Tablewarden or another database with --db");
        }
    }

    /**
     * Applies the missing migrations. Foreign keys are off while they run (SQLite only changes that setting outside a
     * transaction): a migration that rebuilds a parent table must not cascade into its children. Each migration must
     * leave every reference intact, which {@code PRAGMA foreign_key_check} verifies before it commits.
     */
    void migrate(Connection connection, String file) throws SQLException {
        int current = version(connection);
        requireKnown(current, file);
        if (current == latestVersion()) {
            return;
        }
        boolean autoCommit = connection.getAutoCommit();
        boolean foreignKeys = pragmaOn(connection, "foreign_keys");
        try (Statement off = connection.createStatement()) {
            off.execute("PRAGMA foreign_keys = OFF");
        }
        connection.setAutoCommit(false);
        try {
            for (int version = current + 1; version <= latestVersion(); version++) {
                try (Statement st = connection.createStatement()) {
                    for (String sql : statements(load(migrations.get(version - 1)))) {
                        st.execute(sql);
                    }
                    try (ResultSet broken = st.executeQuery("PRAGMA foreign_key_check")) {
                        if (broken.next()) {
                            throw new SQLException("migration " + version + " broke a reference in table "
                                    + broken.getString(1));
                        }
                    }
                    st.execute("PRAGMA user_version = " + version);
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            }
        } finally {
            connection.setAutoCommit(autoCommit);
            if (foreignKeys) {
                try (Statement on = connection.createStatement()) {
                    on.execute("PRAGMA foreign_keys = ON");
                }
            }
        }
    }

    private static boolean pragmaOn(Connection connection, String pragma) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    private static String load(String name) {
        try (InputStream in = SchemaMigrator.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("missing schema migration " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read schema migration " + name, e);
        }
    }

    /** Splits a script at semicolons that end a line; our scripts keep each statement's end there. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
