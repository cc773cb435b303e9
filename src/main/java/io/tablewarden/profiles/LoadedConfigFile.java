package io.tablewarden.profiles;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One shared file as read from disk: either a document, or the reason it could not be read. A file that could
 * not be parsed has no document, so nothing can ever write it back.
 *
 * @param type     config or credentials
 * @param path     where it is
 * @param stamp    what it looked like when read ({@link FileStamp#ABSENT} when it does not exist)
 * @param document the parsed content; an empty document for a missing file; {@code null} on error
 * @param error    why it could not be read, or {@code null}
 */
public record LoadedConfigFile(ConfigFileType type, Path path, FileStamp stamp, ConfigDocument document,
                               ConfigReadError error) {

    /** Whether the file was read (or is absent) and can be used and edited. */
    public boolean readable() {
        return document != null;
    }

    public Optional<ConfigDocument> documentIfReadable() {
        return Optional.ofNullable(document);
    }
}
