package io.tablewarden.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Copies what is still readable of a damaged database into a fresh one: accounts, profiles, scans, inventories,
 * raw answers, results and mutes, row by row in rowid order. A damaged page ends a run of rows; the copy then seeks
 * past it (further and further ahead) and goes on, so one bad page costs the rows on it, not the whole history.
 * Rows whose scan was lost are dropped; a scan that lost some of its results is marked {@code incomplete}.
 */
final class DatabaseRecovery {

    /** Parents before children, so ids and references survive as they were. */
    private static final List<String> TABLES = List.of("account", "profile", "scan", "region_inventory",
            "raw_response", "result", "mute");
    private static final int BATCH = 500;

    /** What was saved. */
    record Recovered(int scans, int results) {
    }

    private DatabaseRecovery() {
    }

    /** Copies the readable rows of {@code damaged} into {@code fresh}, which has this build's schema. */
    static Recovered copy(Path damaged, Connection fresh) throws SQLException {
        try (Statement st = fresh.createStatement()) {
            st.execute("PRAGMA foreign_keys = OFF");
            st.execute("ATTACH DATABASE '" + damaged.toAbsolutePath().toUri().toString().replace("'", "''")
                    + "?mode=ro' AS damaged");
        }
        // No transaction around the reads: SQLite rolls back the open transaction when a read meets a damaged
        // page, so each batch is read first and then written in a transaction of its own.
        try {
            for (String table : TABLES) {
                copyTable(fresh, table);
            }
        } finally {
            try (Statement st = fresh.createStatement()) {
                st.execute("DETACH DATABASE damaged");
            }
        }
        // Tidied once the damaged file is detached: a statement must not wander into its broken pages.
        try {
            fresh.setAutoCommit(false);
            tidy(fresh);
            fresh.commit();
        } catch (SQLException | RuntimeException e) {
            fresh.rollback();
            throw e;
        } finally {
            fresh.setAutoCommit(true);
            try (Statement st = fresh.createStatement()) {
                st.execute("PRAGMA foreign_keys = ON");
            }
        }
        try (Statement st = fresh.createStatement();
             ResultSet scans = st.executeQuery("SELECT (SELECT count(*) FROM scan), (SELECT count(*) FROM result)")) {
            scans.next();
            return new Recovered(scans.getInt(1), scans.getInt(2));
        }
    }

    private static void copyTable(Connection fresh, String table) throws SQLException {
        List<String> columns = commonColumns(fresh, table);
        if (columns.isEmpty()) {
            return;
        }
        String list = String.join(", ", columns);
        String placeholders = String.join(", ", Collections.nCopies(columns.size(), "?"));
        String select = "SELECT rowid, " + list + " FROM damaged." + table + " WHERE rowid > ? ORDER BY rowid LIMIT "
                + BATCH;
        String insert = "INSERT OR IGNORE INTO main." + table + " (" + list + ") VALUES (" + placeholders + ")";
        {
            long after = Long.MIN_VALUE;
            long skip = 1;
            while (true) {
                List<Object[]> rows = new ArrayList<>();
                long last = after;
                // A statement that met a damaged page cannot be run again: each batch gets its own.
                try (PreparedStatement read = fresh.prepareStatement(select)) {
                    read.setLong(1, after);
                    try (ResultSet rs = read.executeQuery()) {
                        while (rs.next()) {
                            last = rs.getLong(1);
                            Object[] row = new Object[columns.size()];
                            for (int i = 0; i < row.length; i++) {
                                row[i] = rs.getObject(i + 2);
                            }
                            rows.add(row);
                        }
                    }
                } catch (SQLException damagedPage) {
                    // Keep the rows read before the bad page, then seek past it.
                    insert(fresh, insert, rows);
                    if (skip > (1L << 40)) {
                        return;
                    }
                    after = (last == Long.MIN_VALUE ? 0 : last) + skip;
                    skip *= 8;
                    continue;
                }
                insert(fresh, insert, rows);
                if (rows.size() < BATCH) {
                    return;
                }
                after = last;
                skip = 1;
            }
        }
    }

    /**
     * One statement per row: the driver finalizes a statement whose execution failed (a row that breaks a constraint
     * of the current schema), and such a row must not take the rest of the batch with it.
     */
    private static void insert(Connection fresh, String insert, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        fresh.setAutoCommit(false);
        try {
            insertRows(fresh, insert, rows);
            fresh.commit();
        } finally {
            fresh.setAutoCommit(true);
        }
    }

    private static void insertRows(Connection fresh, String insert, List<Object[]> rows) {
        for (Object[] row : rows) {
            try (PreparedStatement write = fresh.prepareStatement(insert)) {
                for (int i = 0; i < row.length; i++) {
                    write.setObject(i + 1, row[i]);
                }
                write.executeUpdate();
            } catch (SQLException e) {
                // Damaged data: the row is left behind.
            }
        }
    }

    /** Columns both schemas have (an older damaged database may lack newer ones). */
    private static List<String> commonColumns(Connection c, String table) throws SQLException {
        Set<String> old = columns(c, "damaged", table);
        List<String> common = new ArrayList<>();
        for (String column : columns(c, "main", table)) {
            if (old.contains(column)) {
                common.add(column);
            }
        }
        return common;
    }

    private static Set<String> columns(Connection c, String schema, String table) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM " + schema + "." + table + " LIMIT 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                names.add(meta.getColumnName(i));
            }
        } catch (SQLException e) {
            // the table itself is unreadable in the damaged file: nothing to copy
        }
        return names;
    }

    /** Drops rows whose parent was lost and marks scans whose results are fewer than they recorded. */
    private static void tidy(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String child : List.of("region_inventory", "raw_response", "result")) {
                st.executeUpdate("DELETE FROM " + child + " WHERE scan_id NOT IN (SELECT id FROM scan)");
            }
            st.executeUpdate("INSERT OR IGNORE INTO account (account_id) SELECT DISTINCT account_id FROM scan"
                    + " WHERE account_id IS NOT NULL");
            st.executeUpdate("UPDATE scan SET profile_id = NULL WHERE profile_id NOT IN (SELECT id FROM profile)");
            st.executeUpdate("UPDATE scan SET reevaluation_of = NULL WHERE reevaluation_of NOT IN"
                    + " (SELECT id FROM scan)");
            // One statement: the reason reads the recorded counts, the counts become what was saved.
            String saved = "(SELECT count(*) FROM result r WHERE r.scan_id = scan.id";
            st.executeUpdate("UPDATE scan SET state = 'incomplete', failure_reason = 'recovered from a damaged"
                    + " database: ' || " + saved + ") || ' of ' || (pass_count + fail_count + error_count"
                    + " + not_applicable_count) || ' results could be read',"
                    + " pass_count = " + saved + " AND r.status = 'PASS'),"
                    + " fail_count = " + saved + " AND r.status = 'FAIL'),"
                    + " error_count = " + saved + " AND r.status = 'ERROR'),"
                    + " not_applicable_count = " + saved + " AND r.status = 'NOT_APPLICABLE')"
                    + " WHERE state = 'completed' AND " + saved + ")"
                    + " < pass_count + fail_count + error_count + not_applicable_count");
        }
    }
}
