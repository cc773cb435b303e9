package io.tablewarden.logging;

import ch.qos.logback.core.PropertyDefinerBase;
import io.tablewarden.platform.DataFolder;
import io.tablewarden.platform.OwnerOnly;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the log goes: {@code logs} in the user's data folder, or the folder named by the system property
 * {@value #PROPERTY}. Logback asks for it once, while it reads {@code logback.xml}; the folder is created
 * owner-only then, and the log file owner-only too (it names accounts, regions and resources).
 */
public final class LogFolder extends PropertyDefinerBase {

    /** System property that moves the log folder. */
    public static final String PROPERTY = "tablewarden.log.dir";
    /** The current log file's name; rolled files are {@code tablewarden.1.log} to {@code tablewarden.4.log}. */
    public static final String FILE_NAME = "tablewarden.log";

    @Override
    public String getPropertyValue() {
        Path folder = folder();
        try {
            OwnerOnly.createFolders(folder);
            Files.createFile(folder.resolve(FILE_NAME), OwnerOnly.fileAttribute());
        } catch (FileAlreadyExistsException e) {
            // an earlier run's log: appended to
        } catch (IOException | RuntimeException e) {
            // Without a writable folder Logback drops the lines; the tool itself works the same.
        }
        return folder.toString();
    }

    /** The log folder of this process. */
    public static Path folder() {
        String chosen = System.getProperty(PROPERTY);
        return chosen != null && !chosen.isBlank() ? Path.of(chosen) : DataFolder.resolve().resolve("logs");
    }
}
