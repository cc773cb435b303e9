package io.tablewarden.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * The one way the tool replaces a file (ADR 8): the new content goes to a temporary file in the target's folder,
 * is forced to the disk, and is then renamed over the target, so a reader or a crash sees the old file or the
 * complete new one, never half of one. The temporary file is created owner-only, so the content is never
 * readable by others even for a moment; the result is owner-only too unless the caller asks for other
 * permissions (an AWS config file keeps its own).
 */
public final class AtomicFiles {

    /** Produces the content of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Replaces {@code target} by {@code content}, owner-only. The folder must exist: a report path the user chose is
     * not invented; the tool's own folders are made with {@link OwnerOnly#createFolders(Path)} first.
     */
    public static void write(Path target, Content content) throws IOException {
        write(target, content, OwnerOnly.FILE);
    }

    /** Replaces {@code target} by {@code bytes}, owner-only. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes), OwnerOnly.FILE);
    }

    /**
     * Replaces {@code target} by {@code content} with the given POSIX permissions (ignored where the file system
     * has none). The target's folder must exist.
     */
    public static void write(Path target, Content content, Set<PosixFilePermission> permissions) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Path temp = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp", OwnerOnly.fileAttribute());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                content.writeTo(out);
                out.flush();
                // Forced before the rename: otherwise a power cut could leave the new name on an empty file.
                channel.force(true);
            }
            if (OwnerOnly.posix() && !permissions.equals(OwnerOnly.FILE)) {
                // Set explicitly rather than at creation, where the umask would trim them.
                Files.setPosixFilePermissions(temp, permissions);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // Some network and FUSE file systems refuse atomic renames; a plain replace is the best left.
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            forceFolder(folder);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Makes the rename itself durable where the platform allows a folder to be synced (Linux, macOS). */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            // Windows cannot open a folder as a channel; the rename is as durable as that file system makes it.
        }
    }
}
