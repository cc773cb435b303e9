package io.tablewarden.ui.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The preferences file: round trip, defaults when missing, a notice (never a crash) when malformed. */
class PreferencesFileTest {

    @TempDir
    Path dir;

    @Test
    void savesAndReadsBack() throws Exception {
        PreferencesFile file = new PreferencesFile(dir.resolve("nested/workbench.json"));
        WorkbenchPreferences p = new WorkbenchPreferences();
        p.width = 1400.0;
        p.theme = WorkbenchPreferences.Theme.DARK;
        p.lastProfile = "audit";
        p.dividers.put("scan", 0.3);
        file.save(p);
        WorkbenchPreferences read = file.load();
        assertNull(file.notice());
        assertEquals(1400.0, read.width);
        assertEquals(WorkbenchPreferences.Theme.DARK, read.theme);
        assertEquals("audit", read.lastProfile);
        assertEquals(0.3, read.divider("scan", 0.5));
        try (var files = Files.list(dir.resolve("nested"))) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void missingFileGivesDefaultsQuietly() {
        PreferencesFile file = new PreferencesFile(dir.resolve("workbench.json"));
        WorkbenchPreferences read = file.load();
        assertNull(file.notice());
        assertEquals(WorkbenchPreferences.Theme.SYSTEM, read.theme);
        assertEquals(0.4, read.divider("scan", 0.4));
    }

    @Test
    void malformedFileGivesDefaultsAndANotice() throws Exception {
        Path path = dir.resolve("workbench.json");
        Files.writeString(path, "{\"width\": \"wide\", ");
        PreferencesFile file = new PreferencesFile(path);
        WorkbenchPreferences read = file.load();
        assertNotNull(file.notice());
        assertTrue(file.notice().contains("defaults"));
        assertNull(read.width);
        assertEquals("{\"width\": \"wide\", ", Files.readString(path), "left alone until the next save");
    }
}
