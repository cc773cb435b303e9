package io.tablewarden.store;

import io.tablewarden.model.Status;
import io.tablewarden.platform.DataFolder;
import io.tablewarden.platform.OwnerOnly;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files the store must not damage: only ours is written, read-only opens create nothing, owner-only files. */
class StoreFileSafetyTest {

    private static final String CREDENTIALS = "[default]\naws_access_key_id = AKIAEXAMPLE0000000001\n"
            + "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n";

    @TempDir
    Path dir;

    @Test
    void aCopyOfTheCredentialsFileIsRefusedUntouchedByEveryOpen() throws Exception {
        Path file = dir.resolve("credentials");
        Files.writeString(file, CREDENTIALS);
        for (boolean readOnly : new boolean[] {false, true}) {
            StoreException e = assertThrows(StoreException.class,
                    () -> (readOnly ? TablewardenStore.openReadOnly(file) : TablewardenStore.open(file)).close());
            assertTrue(e.getMessage().contains("is not a Tablewarden scan database (it is not an SQLite database)"),
                    e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
        assertEquals(CREDENTIALS, Files.readString(file));
        assertEquals(List.of("credentials"), names());
    }

    @Test
    void anotherApplicationsDatabaseIsRefusedByteForByteWithoutWalOrShm() throws Exception {
        Path other = dir.resolve("other.sqlite");
        Path foreignId = dir.resolve("marked.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other);
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
            st.execute("INSERT INTO notes (text) VALUES ('keep me')");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreignId);
             Statement st = c.createStatement()) {
            st.execute("PRAGMA application_id = 1234");
            // our table names, but another application's mark: still not ours
            st.execute("CREATE TABLE scan (id INTEGER PRIMARY KEY)");
        }
        for (Path file : List.of(other, foreignId)) {
            byte[] before = Files.readAllBytes(file);
            assertThrows(StoreException.class, () -> TablewardenStore.open(file));
            assertThrows(StoreException.class, () -> TablewardenStore.openReadOnly(file));
            assertArrayEquals(before, Files.readAllBytes(file), file.toString());
        }
        StoreException e = assertThrows(StoreException.class, () -> TablewardenStore.open(foreignId));
        assertTrue(e.getMessage().contains("another application's SQLite database (application id 0x4d2)"),
                e.getMessage());
        assertEquals(List.of("marked.sqlite", "other.sqlite"), names(), "no -wal, -shm or moved copy");
    }

    @Test
    void aDatabaseFromBeforeTheApplicationIdIsAdoptedWithItsScans() throws Exception {
        Path file = dir.resolve("old.db");
        long id;
        try (TablewardenStore store = TablewardenStore.open(file)) {
            id = store.scans().create(StoreTestSupport.newScan("111122223333"));
            try (Statement st = store.connection().createStatement()) {
                st.execute("PRAGMA application_id = 0");
            }
        }
        assertEquals(0, applicationId(file), "written as an older build wrote it");
        try (TablewardenStore store = TablewardenStore.openReadOnly(file)) {
            assertEquals(1, store.scans().list(null).size());
        }
        try (TablewardenStore store = TablewardenStore.open(file)) {
            assertEquals(id, store.scans().require(id).id());
        }
        assertEquals(DatabaseFile.APPLICATION_ID, applicationId(file));
    }

    @Test
    void readOnlyOpeningCreatesNothing() throws Exception {
        Path file = dir.resolve("missing/folder/tw.db");
        try (TablewardenStore store = TablewardenStore.openReadOnly(file)) {
            assertTrue(store.scans().list(null).isEmpty());
            assertThrows(UnknownScanException.class, () -> store.scans().require(1));
        }
        assertEquals(List.of(), names());
    }

    @Test
    void readOnlyOpeningOfADatabaseOfOursCannotWriteToIt() throws Exception {
        Path file = dir.resolve("tw.db");
        TablewardenStore.open(file).close();
        try (TablewardenStore store = TablewardenStore.openReadOnly(file)) {
            assertThrows(StoreException.class, () -> store.scans().create(StoreTestSupport.newScan(null)));
        }
    }

    @Test
    void theDatabaseItsCompanionsAndItsFolderAreOwnerOnly() throws Exception {
        Assumptions.assumeTrue(OwnerOnly.posix());
        Path file = dir.resolve("new-folder/tw.db");
        try (TablewardenStore store = TablewardenStore.open(file)) {
            store.scans().create(StoreTestSupport.newScan(null));
            assertEquals("rw-------", permissions(file));
            assertEquals("rw-------", permissions(file.resolveSibling("tw.db-wal")));
            assertEquals("rw-------", permissions(file.resolveSibling("tw.db-shm")));
            assertEquals("rwx------", permissions(file.getParent()));
        }
        // A database an older build left world-readable is ours, so it is tightened at the next open.
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        TablewardenStore.open(file).close();
        assertEquals("rw-------", permissions(file));
    }

    @Test
    void sqlitesNativeLibraryIsUnpackedIntoTheDataFoldersCache() throws Exception {
        TablewardenStore.open(dir.resolve("tw.db")).close();
        Path cache = DataFolder.resolve().resolve("cache").toAbsolutePath();
        assertEquals(cache.toString(), System.getProperty(SqliteNativeLibrary.PROPERTY));
        try (Stream<Path> files = Files.list(cache)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("sqlite-")),
                    "the driver's library is in " + cache);
        }
    }

    @Test
    void aDamagedDatabaseIsMovedAsideAndItsReadableScansRecovered() throws Exception {
        Path file = dir.resolve("tw.db");
        try (TablewardenStore store = TablewardenStore.open(file)) {
            for (int i = 0; i < 40; i++) {
                long id = store.scans().create(StoreTestSupport.newScan("111122223333"));
                List<io.tablewarden.model.CheckResult> results = new java.util.ArrayList<>();
                for (int r = 0; r < 20; r++) {
                    results.add(StoreTestSupport.result("c" + r, "111122223333", "t" + i + "-" + r, Status.FAIL));
                }
                store.scans().writeRegion(id, "eu-west-1", null, List.of(), results);
                store.scans().finish(id, StoredScanState.COMPLETED, StoreTestSupport.NOW, null, null);
            }
            store.mutes().add("c1", "*", "accepted", "me", null);
            try (Statement st = store.connection().createStatement()) {
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        // Damage one page of result rows (the one holding a result's text, which only the table stores); the
        // scans, the mutes and the other results stay readable.
        int page = indexOf(bytes, "t20-5 is FAIL".getBytes(StandardCharsets.UTF_8)) / 4096;
        assertTrue(page > 1, "found the page");
        for (int i = page * 4096; i < (page + 1) * 4096; i++) {
            bytes[i] = (byte) 0x5A;
        }
        Files.write(file, bytes);
        try (TablewardenStore store = TablewardenStore.open(file, new SchemaMigrator(), StoreTestSupport.CLOCK)) {
            String notice = String.join(" ", store.notices());
            Path aside = dir.resolve("tw.db.corrupt-20260301T100000Z");
            assertTrue(notice.contains("it was moved to " + aside), notice);
            assertTrue(notice.contains("40 scans ("), notice);
            assertEquals(40, store.scans().list(null).size());
            int results = store.scans().list(null).stream().mapToInt(ScanSummary::resultCount).sum();
            assertTrue(results > 600 && results < 800, "most results were recovered: " + results);
            assertTrue(store.scans().list(null).stream().anyMatch(s -> s.state() == StoredScanState.INCOMPLETE),
                    "a scan that lost results says so");
            assertEquals(1, store.mutes().all().size());
            assertArrayEquals(bytes, Files.readAllBytes(aside), "the damaged file is kept as it was");
        }
    }

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static int applicationId(Path file) throws Exception {
        byte[] header = Files.readAllBytes(file);
        return ByteBuffer.wrap(header, 68, 4).getInt();
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
