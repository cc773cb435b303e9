package io.tablewarden.ui.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The preferences JSON file in the data folder. A missing file gives the defaults; a file that cannot be read
 * gives the defaults and a notice, and is left alone until the next save replaces it. Saving writes a
 * temporary file next to it and renames it over the old one, so a crash never leaves half a file.
 */
public final class PreferencesFile {

    /** File name inside the data folder. */
    public static final String FILE_NAME = "workbench.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private String notice;

    public PreferencesFile(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Why the last {@link #load()} fell back to the defaults, or null. */
    public String notice() {
        return notice;
    }

    /** The saved preferences, or the defaults. Never throws. */
    public WorkbenchPreferences load() {
        notice = null;
        if (!Files.isRegularFile(file)) {
            return new WorkbenchPreferences();
        }
        try {
            WorkbenchPreferences read = JSON.readValue(file.toFile(), WorkbenchPreferences.class);
            if (read == null) {
                throw new IOException("the file is empty");
            }
            if (read.theme == null) {
                read.theme = WorkbenchPreferences.Theme.SYSTEM;
            }
            if (read.dividers == null) {
                read.dividers = new java.util.LinkedHashMap<>();
            }
            return read;
        } catch (IOException | RuntimeException e) {
            notice = "The workbench settings in " + file.getFileName() + " could not be read, so the defaults are"
                    + " used; they will be saved again when the window closes.";
            return new WorkbenchPreferences();
        }
    }

    /** Writes {@code preferences} atomically. */
    public void save(WorkbenchPreferences preferences) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, FILE_NAME, ".tmp");
        try {
            JSON.writeValue(temp.toFile(), preferences);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
