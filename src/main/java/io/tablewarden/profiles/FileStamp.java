package io.tablewarden.profiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a file looked like when it was read: modification time, size and SHA-256 of the content. Comparing
 * stamps before a write tells whether another program changed the file in between.
 *
 * @param exists       whether the file existed
 * @param modifiedMillis last modification time
 * @param size         size in bytes
 * @param sha256       hex digest of the content
 */
public record FileStamp(boolean exists, long modifiedMillis, long size, String sha256) {

    /** The stamp of a file that does not exist. */
    public static final FileStamp ABSENT = new FileStamp(false, 0, 0, "");

    /** The stamp of {@code content} read from {@code file}. */
    static FileStamp of(Path file, byte[] content) throws IOException {
        return new FileStamp(true, Files.getLastModifiedTime(file).toMillis(), content.length, sha256(content));
    }

    /** The file's stamp now. */
    static FileStamp current(Path file) throws IOException {
        try {
            return of(file, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return ABSENT;
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
