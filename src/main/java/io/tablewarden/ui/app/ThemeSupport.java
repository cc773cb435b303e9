package io.tablewarden.ui.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Applies the Primer themes and guesses whether the desktop prefers dark. */
public final class ThemeSupport {

    /** Longest wait for the desktop's answer; the caller runs it off the UI thread anyway. */
    private static final long QUERY_TIMEOUT_MILLIS = 1500;

    private ThemeSupport() {
    }

    /** Sets the application-wide AtlantaFX theme. Call on the UI thread. */
    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /**
     * Whether the desktop prefers a dark look: {@code GTK_THEME} naming a dark variant, else GNOME's
     * {@code color-scheme} setting. Blocks for up to a second and a half; never call it on the UI thread.
     */
    public static boolean systemPrefersDark(Map<String, String> env) {
        String gtkTheme = env.get("GTK_THEME");
        if (gtkTheme != null && !gtkTheme.isBlank()) {
            return gtkTheme.toLowerCase(Locale.ROOT).contains("dark");
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            return false;
        }
        String answer = query("gsettings", "get", "org.gnome.desktop.interface", "color-scheme");
        return answer != null && answer.contains("dark");
    }

    private static String query(String... command) {
        Process process = null;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
            process.getOutputStream().close();
            if (!process.waitFor(QUERY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
                return null;
            }
            try (InputStream in = process.getInputStream()) {
                return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }
}
