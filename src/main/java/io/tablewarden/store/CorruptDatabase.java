package io.tablewarden.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Moves an unreadable database aside, with its WAL and shared-memory files, instead of deleting it: it may hold
 * months of scans that a recovery tool could still save.
 */
final class CorruptDatabase {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private CorruptDatabase() {
    }

    /** Moves {@code file} (and {@code -wal}, {@code -shm}) to {@code <name>.corrupt-<timestamp>}; returns the new path. */
    static Path moveAside(Path file, Instant now) {
        String base = file.getFileName() + ".corrupt-" + STAMP.format(now);
        Path target = file.resolveSibling(base);
        for (int n = 2; Files.exists(target); n++) {
            target = file.resolveSibling(base + "-" + n);
        }
        try {
            for (String suffix : new String[] {"-wal", "-shm"}) {
                Path companion = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(companion)) {
                    Files.move(companion, target.resolveSibling(target.getFileName() + suffix));
                }
            }
            Files.move(file, target);
        } catch (IOException e) {
            throw new StoreException("the database " + file + " is unreadable and could not be moved aside ("
                    + e.getMessage() + "); move it yourself or use another database with --db", e);
        }
        return target;
    }
}
