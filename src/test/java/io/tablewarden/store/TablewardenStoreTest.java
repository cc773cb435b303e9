package io.tablewarden.store;

import io.tablewarden.model.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TablewardenStoreTest {

    @TempDir
    Path dir;

    @Test
    void aNewDatabaseIsInWalModeWithForeignKeysAndTheLatestSchema() throws Exception {
        Path file = dir.resolve("sub/folder/tw.db");
        try (TablewardenStore store = TablewardenStore.open(file)) {
            assertEquals("wal", pragma(store.connection(), "journal_mode"));
            assertEquals("1", pragma(store.connection(), "foreign_keys"));
            assertEquals(String.valueOf(TablewardenStore.BUSY_TIMEOUT_MILLIS),
                    pragma(store.connection(), "busy_timeout"));
            assertEquals(String.valueOf(SchemaMigrator.MIGRATIONS.size()), pragma(store.connection(), "user_version"));
            assertTrue(store.notices().isEmpty());
        }
    }

    @Test
    void aVersionOneDatabaseIsUpgradedInPlaceKeepingItsScans() throws Exception {
        Path file = dir.resolve("old.db");
        SchemaMigrator v1 = new SchemaMigrator(SchemaMigrator.MIGRATIONS.subList(0, 1));
        long id;
        try (TablewardenStore old = TablewardenStore.open(file, v1, StoreTestSupport.CLOCK)) {
            assertEquals("1", pragma(old.connection(), "user_version"));
            id = 7;
            // Version 1 has no reevaluation column: write the rows the way that release did.
            try (Statement st = old.connection().createStatement()) {
                st.execute("INSERT INTO account (account_id, partition) VALUES ('111122223333', 'aws')");
                st.execute("INSERT INTO scan (id, account_id, regions_json, checks_json, parameters_json, started_at,"
                        + " state) VALUES (7, '111122223333', '[\"eu-west-1\"]', '[]', '{}',"
                        + " '2026-01-01T00:00:00Z', 'running')");
                st.execute("INSERT INTO result (scan_id, check_id, resource_arn, resource_name, resource_type, region,"
                        + " account_id, status, severity, status_text, evidence_json, placeholders_json) VALUES ("
                        + id + ", 'c', 'arn:t', 't', 'TABLE', 'eu-west-1', '111122223333', 'FAIL', 'LOW', 'x',"
                        + " '{}', '{}')");
                st.execute("UPDATE scan SET state = 'completed', fail_count = 1 WHERE id = " + id);
            }
        }
        try (TablewardenStore store = TablewardenStore.open(file)) {
            assertEquals(String.valueOf(SchemaMigrator.MIGRATIONS.size()), pragma(store.connection(), "user_version"));
            ScanSummary scan = store.scans().require(id);
            assertEquals(StoredScanState.COMPLETED, scan.state());
            assertEquals(1, scan.failCount());
            assertEquals(1, store.scans().results(id).size());
            assertTrue(store.mutes().all().isEmpty());
        }
    }

    @Test
    void aNewerDatabaseIsRefusedAndLeftUntouched() throws Exception {
        Path file = dir.resolve("newer.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE future (x)");
            st.execute("PRAGMA application_id = " + DatabaseFile.APPLICATION_ID);
            st.execute("PRAGMA user_version = 99");
        }
        byte[] before = Files.readAllBytes(file);
        StoreException e = assertThrows(StoreException.class, () -> TablewardenStore.open(file));
        assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertFalse(Files.exists(dir.resolve("newer.db-wal")));
    }

    @Test
    void aCorruptedDatabaseIsMovedAsideWithItsCompanions() throws Exception {
        Path file = dir.resolve("tw.db");
        try (TablewardenStore store = TablewardenStore.open(file)) {
            for (int i = 0; i < 200; i++) {
                long id = store.scans().create(StoreTestSupport.newScan("111122223333"));
                store.scans().writeRegion(id, "eu-west-1", null, List.of(),
                        List.of(StoreTestSupport.result("c" + i, "111122223333", "t" + i, Status.FAIL)));
            }
            try (Statement st = store.connection().createStatement()) {
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        // Overwrite the middle pages (b-tree content) and leave the header alone.
        for (int i = 4096 * 2; i < bytes.length - 4096; i++) {
            bytes[i] = (byte) 0x5A;
        }
        Files.write(file, bytes);
        Files.writeString(dir.resolve("tw.db-wal"), "");
        try (TablewardenStore store = TablewardenStore.open(file, new SchemaMigrator(), StoreTestSupport.CLOCK)) {
            assertEquals(1, store.notices().size(), store.notices().toString());
            assertTrue(store.scans().list(null).isEmpty());
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertTrue(names.contains("tw.db.corrupt-20260301T100000Z"), names.toString());
            assertTrue(names.contains("tw.db.corrupt-20260301T100000Z-wal"), names.toString());
        }
    }

    @Test
    void aRunningScanWhoseProcessIsGoneBecomesInterrupted() throws Exception {
        Path file = dir.resolve("tw.db");
        long mine;
        long orphan;
        try (TablewardenStore store = TablewardenStore.open(file)) {
            mine = store.scans().create(StoreTestSupport.newScan("111122223333"));
            orphan = store.scans().create(StoreTestSupport.newScan("111122223333"));
            try (Statement st = store.connection().createStatement()) {
                st.execute("UPDATE scan SET owner_pid = " + deadPid() + " WHERE id = " + orphan);
            }
        }
        try (TablewardenStore store = TablewardenStore.open(file)) {
            assertEquals(StoredScanState.INTERRUPTED, store.scans().require(orphan).state());
            assertEquals(StoredScanState.RUNNING, store.scans().require(mine).state(), "this process is alive");
            assertEquals(1, store.notices().size());
        }
    }

    @Test
    void theDefaultLocationFollowsThePlatform() {
        Map<String, String> none = Map.of();
        assertEquals(Path.of("/h/.local/share/tablewarden/tablewarden.db"),
                DatabaseLocation.resolve(null, none, "Linux", "/h"));
        assertEquals(Path.of("/x/tablewarden/tablewarden.db"),
                DatabaseLocation.resolve(null, Map.of("XDG_DATA_HOME", "/x"), "Linux", "/h"));
        assertEquals(Path.of("/h/Library/Application Support/tablewarden/tablewarden.db"),
                DatabaseLocation.resolve(null, none, "Mac OS X", "/h"));
        assertEquals(Path.of("/appdata/tablewarden/tablewarden.db"),
                DatabaseLocation.resolve(null, Map.of("APPDATA", "/appdata"), "Windows 11", "/h"));
        assertEquals(Path.of("/env.db"),
                DatabaseLocation.resolve(null, Map.of("TABLEWARDEN_DB", "/env.db"), "Linux", "/h"));
        assertEquals(Path.of("/flag.db"), DatabaseLocation.resolve(Path.of("/flag.db"),
                Map.of("TABLEWARDEN_DB", "/env.db"), "Linux", "/h"));
        // The database follows the same data folder as every other file: TABLEWARDEN_DATA_DIR and $HOME.
        assertEquals(Path.of("/d/tablewarden.db"),
                DatabaseLocation.resolve(null, Map.of("TABLEWARDEN_DATA_DIR", "/d"), "Linux", "/h"));
        assertEquals(Path.of("/home/env/.local/share/tablewarden/tablewarden.db"),
                DatabaseLocation.resolve(null, Map.of("HOME", "/home/env"), "Linux", "/h"));
    }

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    static String pragma(Connection c, String name) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
