package io.tablewarden.platform;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one atomic write: whole content or the old file, no temporary file left, owner-only by default. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheTargetAndLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("report.json");
        Files.writeString(target, "old");
        AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));
        assertEquals("new", Files.readString(target));
        assertEquals(1, count(dir));
    }

    @Test
    void aFailingWriterLeavesTheOldFileWholeAndNoTemporaryFile() throws Exception {
        Path target = dir.resolve("workbench.json");
        Files.writeString(target, "old content");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("old content", Files.readString(target));
        assertEquals(1, count(dir));
    }

    @Test
    void filesAreOwnerOnlyAndNewFoldersToo() throws Exception {
        Assumptions.assumeTrue(OwnerOnly.posix());
        Path target = dir.resolve("a/b/profile-tests.json");
        OwnerOnly.createFolders(target.getParent());
        Files.writeString(Files.createFile(dir.resolve("shared.txt")), "x");
        Files.setPosixFilePermissions(dir.resolve("shared.txt"), PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicFiles.write(target, "{}".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(dir.resolve("shared.txt"), "y".getBytes(StandardCharsets.UTF_8));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b"))));
        assertEquals("rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("shared.txt"))),
                "a replaced file is owner-only unless the caller asks otherwise");
    }

    @Test
    void explicitPermissionsAreKeptExactlyDespiteTheUmask() throws Exception {
        Assumptions.assumeTrue(OwnerOnly.posix());
        Path target = dir.resolve("config");
        AtomicFiles.write(target, out -> out.write('x'), PosixFilePermissions.fromString("rw-rw-r--"));
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void aMissingFolderIsNotInvented() {
        assertThrows(IOException.class, () -> AtomicFiles.write(dir.resolve("missing/report.csv"), new byte[] {1}));
        assertEquals(false, java.nio.file.Files.exists(dir.resolve("missing")));
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }
}
