package io.tablewarden.ui.app;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** How the launcher decides a window cannot open, and the line it prints then. */
class WorkbenchLauncherTest {

    @Test
    void linuxWithoutDisplayCannotOpenAWindow() {
        assertEquals("no display: neither DISPLAY nor WAYLAND_DISPLAY is set",
                WorkbenchLauncher.missingDisplay(Map.of(), "Linux", null));
        assertNull(WorkbenchLauncher.missingDisplay(Map.of("DISPLAY", ":0"), "Linux", null));
        assertNull(WorkbenchLauncher.missingDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null));
        assertNull(WorkbenchLauncher.missingDisplay(Map.of(), "Linux", "Monocle"), "a headless platform on purpose");
        assertNull(WorkbenchLauncher.missingDisplay(Map.of(), "Windows 11", null));
        assertNull(WorkbenchLauncher.missingDisplay(Map.of(), "Mac OS X", null));
    }

    @Test
    void theFailureIsOneLinePointingAtTheCommandLine() {
        assertEquals("tablewarden: cannot open the workbench window (no display); the command line works without"
                + " a display: tablewarden scan --demo", WorkbenchLauncher.failure("no display"));
    }
}
