package io.tablewarden.platform;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One data folder for every file the tool writes, on every platform, with one folder name. */
class DataFolderTest {

    @Test
    void theOverrideWinsEverywhere() {
        Map<String, String> env = Map.of("TABLEWARDEN_DATA_DIR", "/t", "HOME", "/h", "XDG_DATA_HOME", "/x",
                "APPDATA", "/a");
        for (String os : new String[] {"Linux", "Mac OS X", "Windows 11", "FreeBSD"}) {
            assertEquals(Path.of("/t"), DataFolder.resolve(env, os, "/u"), os);
        }
    }

    @Test
    void linuxFollowsXdgWhenAbsoluteElseHomeFromTheEnvironment() {
        assertEquals(Path.of("/x/data/tablewarden"),
                DataFolder.resolve(Map.of("XDG_DATA_HOME", "/x/data", "HOME", "/h"), "Linux", "/u"));
        assertEquals(Path.of("/h/.local/share/tablewarden"),
                DataFolder.resolve(Map.of("XDG_DATA_HOME", "relative/data", "HOME", "/h"), "Linux", "/u"),
                "a relative XDG_DATA_HOME is invalid and ignored");
        assertEquals(Path.of("/h/.local/share/tablewarden"), DataFolder.resolve(Map.of("HOME", "/h"), "Linux", "/u"),
                "HOME from the environment, not user.home");
        assertEquals(Path.of("/u/.local/share/tablewarden"), DataFolder.resolve(Map.of(), "Linux", "/u"),
                "user.home only when HOME is unset");
    }

    @Test
    void macOsAndWindowsUseTheirConventionWithTheSameName() {
        assertEquals(Path.of("/h/Library/Application Support/tablewarden"),
                DataFolder.resolve(Map.of("HOME", "/h"), "Mac OS X", "/u"));
        assertEquals(Path.of("/u/Library/Application Support/tablewarden"),
                DataFolder.resolve(Map.of(), "Mac OS X", "/u"));
        assertEquals(Path.of("/a/tablewarden"), DataFolder.resolve(Map.of("APPDATA", "/a"), "Windows 10", "/u"));
        assertEquals(Path.of("/u", "AppData", "Roaming", "tablewarden"),
                DataFolder.resolve(Map.of(), "Windows 10", "/u"));
    }
}
