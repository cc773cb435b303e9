package io.tablewarden.profiles;

import io.tablewarden.platform.AtomicFiles;
import io.tablewarden.platform.OwnerOnly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Reads and writes the shared files without ever damaging them.
 *
 * <p>A write: refuses a file that could not be parsed; refuses when the file changed on disk since it was read
 * (modification time, size and SHA-256); copies the current file to {@code NAME.bak} next to it (one backup, the
 * version before the latest save, replaced at each save); writes the new content through {@link AtomicFiles}
 * (a temporary file in the same folder, forced to disk, renamed over the file), so a crash leaves either the old
 * or the new file. On POSIX systems the
 * credentials file and its backup are made readable by their owner only (0600), and a missing {@code ~/.aws}
 * folder is created 0700. When the file is a symbolic link, the file it points to is replaced (and backed up next
 * to it), and the link stays.
 */
public final class ConfigFileStore {

    private static final boolean POSIX = OwnerOnly.posix();

    private ConfigFileStore() {
    }

    /** Reads and parses one file; a missing file reads as an empty document. */
    public static LoadedConfigFile read(Path path, ConfigFileType type) {
        String shown = path.toString();
        byte[] content;
        try {
            content = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return new LoadedConfigFile(type, path, FileStamp.ABSENT, ConfigDocument.empty(type, shown), null);
        } catch (IOException e) {
            return new LoadedConfigFile(type, path, FileStamp.ABSENT, null,
                    new ConfigReadError(shown, 0, e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                            : " " + e.getMessage())));
        }
        FileStamp stamp;
        try {
            stamp = FileStamp.of(path, content);
        } catch (IOException e) {
            stamp = new FileStamp(true, 0, content.length, FileStamp.sha256(content));
        }
        try {
            return new LoadedConfigFile(type, path, stamp, ConfigDocument.parse(content, type, shown), null);
        } catch (ConfigParseException e) {
            return new LoadedConfigFile(type, path, stamp, null, new ConfigReadError(shown, e.line(), e.reason()));
        }
    }

    /** The backup written next to {@code file} before it is replaced. */
    public static Path backupOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".bak");
    }

    /**
     * Replaces the file read as {@code original} with {@code updated} and returns the file as now on disk.
     *
     * @throws IllegalStateException when the original could not be parsed: such a file is never rewritten
     * @throws FileChangedException  when the file changed since it was read
     */
    public static LoadedConfigFile write(LoadedConfigFile original, ConfigDocument updated) throws IOException {
        if (!original.readable()) {
            throw new IllegalStateException("refusing to rewrite " + original.path() + ", which could not be read: "
                    + original.error().reason());
        }
        if (updated.type() != original.type()) {
            throw new IllegalArgumentException("a " + updated.type().label() + " document cannot replace "
                    + original.path());
        }
        // A symbolic link (a common way to keep ~/.aws on another volume) stays a link: the real file is replaced.
        Path target = Files.exists(original.path()) ? original.path().toRealPath() : original.path().toAbsolutePath();
        FileStamp now = FileStamp.current(target);
        requireUnchanged(original, now);
        byte[] content = updated.toBytes();
        boolean secret = original.type() == ConfigFileType.CREDENTIALS;
        if (now.exists()) {
            Path backup = backupOf(target);
            Files.copy(target, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            if (secret) {
                ownerOnly(backup);
            }
        }
        // A missing ~/.aws is created 0700; the content is forced to disk before the rename.
        OwnerOnly.createFolders(target.getParent());
        AtomicFiles.write(target, out -> out.write(content),
                secret || !POSIX ? OwnerOnly.FILE : keptPermissions(target));
        return new LoadedConfigFile(original.type(), original.path(), FileStamp.of(target, content), updated, null);
    }

    /**
     * Throws {@link FileChangedException} when the file is no longer as it was read; lets a caller that saves
     * several files check them all before writing any.
     */
    public static void requireUnchanged(LoadedConfigFile original) throws IOException {
        requireUnchanged(original, FileStamp.current(original.path()));
    }

    private static void requireUnchanged(LoadedConfigFile original, FileStamp now) throws FileChangedException {
        if (!sameContent(original.stamp(), now)) {
            throw new FileChangedException(original.path());
        }
    }

    /**
     * Unchanged time and size are not trusted alone (coarse clocks, same-size edits): the digest must match too.
     * A new time with identical bytes (a "touch", a sync tool) is not a conflict: nothing would be lost.
     */
    private static boolean sameContent(FileStamp read, FileStamp now) {
        if (read.exists() != now.exists()) {
            return false;
        }
        return read.size() == now.size() && read.sha256().equals(now.sha256());
    }

    /** A config file keeps its permissions; a new one gets the usual 0644 of the AWS CLI. */
    private static Set<PosixFilePermission> keptPermissions(Path target) throws IOException {
        try {
            return Files.getPosixFilePermissions(target);
        } catch (NoSuchFileException e) {
            return PosixFilePermissions.fromString("rw-r--r--");
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(file, OwnerOnly.FILE);
        }
    }

    static boolean posix() {
        return POSIX;
    }
}
