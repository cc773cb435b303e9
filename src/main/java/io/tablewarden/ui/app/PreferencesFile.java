package io.tablewarden.ui.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.tablewarden.platform.AtomicFiles;
import io.tablewarden.platform.OwnerOnly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The preferences JSON file in the data folder. A missing file gives the defaults; a file that cannot be read
 * gives the defaults and a notice, and is left alone until the next save replaces it. Saving goes through
 * {@link AtomicFiles}, so a crash never leaves half a file.
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

    /** Writes {@code preferences} atomically and owner-only. */
    public void save(WorkbenchPreferences preferences) throws IOException {
        OwnerOnly.createFolders(file.toAbsolutePath().getParent());
        AtomicFiles.write(file, JSON.writeValueAsBytes(preferences));
    }
}
