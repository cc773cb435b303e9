package io.tablewarden.ui.app;

import javafx.application.Application;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Starts the desktop window from {@code main}, and turns "there is no screen" into one clear line instead
 * of a toolkit stack trace, pointing at the command line, which needs none.
 */
public final class WorkbenchLauncher {

    /** JavaFX unpacks its native libraries here; by default it would be a folder in the user's home. */
    static final String CACHE_PROPERTY = "javafx.cachedir";

    /**
     * Held so the level set on it stays: the toolkit warns about running from the class path, which is how a
     * single jar runs, and the warning would be the first thing a user reads.
     */
    private static final java.util.logging.Logger TOOLKIT_LOG = java.util.logging.Logger.getLogger("javafx");

    private WorkbenchLauncher() {
    }

    /** Opens the window and returns when it is closed: 0, or 1 when the window could not open. */
    public static int launch(String[] args, PrintStream err) {
        Map<String, String> env = System.getenv();
        useCacheFolder(WorkbenchEnvironment.dataFolder(env));
        String missing = missingDisplay(env, System.getProperty("os.name", ""), System.getProperty("glass.platform"));
        if (missing != null) {
            err.println(failure(missing));
            return 1;
        }
        TOOLKIT_LOG.setLevel(java.util.logging.Level.SEVERE);
        try {
            Application.launch(WorkbenchApp.class, args);
            return 0;
        } catch (RuntimeException | Error e) {
            err.println(failure(reason(e)));
            return 1;
        }
    }

    /** The line printed when the window cannot open. */
    static String failure(String reason) {
        return "tablewarden: cannot open the workbench window (" + reason
                + "); the command line works without a display: tablewarden scan --demo";
    }

    /** Points JavaFX's native cache into the data folder unless the user chose another place. */
    static void useCacheFolder(Path dataFolder) {
        if (System.getProperty(CACHE_PROPERTY) == null) {
            System.setProperty(CACHE_PROPERTY, dataFolder.resolve("javafx-cache").toString());
        }
    }

    /**
     * Why no window can open on this machine, or null when one may. On Linux and the BSDs a window needs X11 or
     * Wayland; a headless glass platform chosen on purpose is respected.
     */
    static String missingDisplay(Map<String, String> env, String osName, String glassPlatform) {
        String os = osName.toLowerCase(Locale.ROOT);
        boolean unixDesktop = os.contains("linux") || os.contains("bsd");
        if (!unixDesktop || glassPlatform != null) {
            return null;
        }
        if (isBlank(env.get("DISPLAY")) && isBlank(env.get("WAYLAND_DISPLAY"))) {
            return "no display: neither DISPLAY nor WAYLAND_DISPLAY is set";
        }
        return null;
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return (message == null || message.isBlank() ? root.getClass().getSimpleName() : message)
                .replaceAll("\\s+", " ").trim();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
