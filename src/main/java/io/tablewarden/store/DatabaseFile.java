package io.tablewarden.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * What a file named as the scan database is, decided without writing a byte to it: its SQLite header carries our
 * {@code application_id}, or (for a database written before the id existed) it holds our tables. Anything else —
 * a text file, a copy of {@code ~/.aws/credentials}, another application's SQLite database — is not ours, and the
 * store refuses it untouched.
 */
final class DatabaseFile {

    /** Our {@code PRAGMA application_id}: "TWDB" in ASCII. */
    static final int APPLICATION_ID = 0x54574442;

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_SIZE = 100;
    /** The tables every Tablewarden database has had since its first schema. */
    private static final Set<String> OUR_TABLES = Set.of("account", "profile", "scan", "region_inventory",
            "raw_response", "result");

    /** What the file is. */
    enum Kind {
        /** No file, or an empty one: a new database may be started there. */
        NEW,
        /** Our application id. */
        OURS,
        /** Our tables, written by a build from before the application id: adopted on the next write. */
        OURS_WITHOUT_ID,
        /** Not an SQLite database at all. */
        NOT_SQLITE,
        /** An SQLite database with another application's id. */
        OTHER_APPLICATION,
        /** An SQLite database without our tables. */
        OTHER_DATABASE
    }

    /** The verdict, with the application id found in the header. */
    record Inspection(Kind kind, int applicationId) {

        boolean ours() {
            return kind == Kind.OURS || kind == Kind.OURS_WITHOUT_ID;
        }

        /** The one line that explains a refusal. */
        String refusal(Path file) {
            String what = switch (kind) {
                case NOT_SQLITE -> "it is not an SQLite database";
                case OTHER_APPLICATION -> "it is another application's SQLite database (application id 0x"
                        + Integer.toHexString(applicationId) + ")";
                case OTHER_DATABASE -> "it is an SQLite database without Tablewarden's tables";
                default -> "it is not a Tablewarden database";
            };
            return file + " is not a Tablewarden scan database (" + what + "); it was left untouched;"
                    + " name another file with --db";
        }
    }

    private DatabaseFile() {
    }

    /** Looks at {@code file} without changing it, its folder or its companions. */
    static Inspection inspect(Path file) {
        byte[] header;
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                return new Inspection(Kind.NEW, 0);
            }
            try (InputStream in = Files.newInputStream(file)) {
                header = in.readNBytes(HEADER_SIZE);
            }
        } catch (IOException e) {
            throw new StoreException("cannot read the database " + file + ": " + e.getMessage(), e);
        }
        if (header.length < HEADER_SIZE || !startsWithMagic(header)) {
            return new Inspection(Kind.NOT_SQLITE, 0);
        }
        int applicationId = ByteBuffer.wrap(header, 68, 4).getInt();
        if (applicationId == APPLICATION_ID) {
            return new Inspection(Kind.OURS, applicationId);
        }
        if (applicationId != 0) {
            return new Inspection(Kind.OTHER_APPLICATION, applicationId);
        }
        return new Inspection(hasOurTables(file) ? Kind.OURS_WITHOUT_ID : Kind.OTHER_DATABASE, 0);
    }

    private static boolean startsWithMagic(byte[] header) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (header[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the table names through an immutable connection: SQLite then takes no lock and creates no
     * {@code -shm} or {@code -wal}, so another application's file stays byte for byte as it was. A database whose
     * tables still sit in its write-ahead log (an older build killed before a checkpoint) is read once more through
     * that log.
     */
    private static boolean hasOurTables(Path file) {
        if (tables(file, "immutable=1").containsAll(OUR_TABLES)) {
            return true;
        }
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        return Files.exists(wal) && tables(file, "mode=ro").containsAll(OUR_TABLES);
    }

    private static Set<String> tables(Path file, String mode) {
        Set<String> names = new HashSet<>();
        String url = "jdbc:sqlite:" + file.toAbsolutePath().toUri() + "?" + mode;
        try (Connection c = DriverManager.getConnection(url);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } catch (SQLException e) {
            // A schema that cannot be read gives no proof that the file is ours.
            return Set.of();
        }
        return names;
    }
}
