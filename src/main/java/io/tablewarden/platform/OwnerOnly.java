package io.tablewarden.platform;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Owner-only permissions for what the tool writes: scans hold policies, tags and ARNs, and the SSO cache holds
 * tokens, so files are {@code 0600} and the folders the tool creates {@code 0700} wherever the file system has
 * POSIX permissions. Elsewhere (Windows) the user's profile folder already keeps other users out.
 */
public final class OwnerOnly {

    /** {@code rw-------}. */
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    /** {@code rwx------}. */
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() {
    }

    /** Whether this machine's default file system has POSIX permissions. */
    public static boolean posix() {
        return POSIX;
    }

    /**
     * Creates {@code folder} and any missing parents; the ones created here are {@code 0700}. Existing folders
     * keep their permissions: a user who shares a folder on purpose is not overruled.
     */
    public static Path createFolders(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return folder;
        }
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = absolute; p != null && !Files.exists(p); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path next = missing.pop();
            if (POSIX) {
                Files.createDirectories(next, PosixFilePermissions.asFileAttribute(FOLDER));
                // createDirectories applies the umask; the permissions are set again to be exact
                Files.setPosixFilePermissions(next, FOLDER);
            } else {
                Files.createDirectories(next);
            }
        }
        return folder;
    }

    /** Makes an existing file readable and writable by its owner only (no-op without POSIX permissions). */
    public static void restrict(Path file) throws IOException {
        if (POSIX && Files.exists(file)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /** The attribute that creates a file owner-only, for {@code Files.createFile} and friends; none without POSIX. */
    public static FileAttribute<?>[] fileAttribute() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }
}
