package io.tablewarden.platform;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Tablewarden's per-user data folder, the one place every file the tool writes on its own account lives in
 * (the scan database by default, {@code profile-tests.json}, {@code workbench.json}, {@code javafx-cache},
 * {@code logs}). {@code TABLEWARDEN_DATA_DIR} overrides it; otherwise it follows the platform's convention:
 * <ul>
 *   <li>Linux and other Unix: {@code $XDG_DATA_HOME/tablewarden} when that variable is an absolute path,
 *       else {@code $HOME/.local/share/tablewarden};</li>
 *   <li>macOS: {@code $HOME/Library/Application Support/tablewarden};</li>
 *   <li>Windows: {@code %APPDATA%\tablewarden}.</li>
 * </ul>
 * The home folder is {@code $HOME} from the environment, so a user or a test that sets {@code HOME} gets what
 * they expect; Java's {@code user.home} is only the fallback when {@code HOME} is unset. The folder name is the
 * same everywhere; the macOS and Windows file systems ignore case, so an older {@code Tablewarden} folder there
 * is the same folder.
 */
public final class DataFolder {

    /** Environment variable that names the data folder outright. */
    public static final String OVERRIDE_VARIABLE = "TABLEWARDEN_DATA_DIR";
    /** The folder's name inside the platform's data location. */
    public static final String NAME = "tablewarden";

    private DataFolder() {
    }

    /** The data folder of this process's user. Not created: see {@link OwnerOnly#createFolders(Path)}. */
    public static Path resolve() {
        return resolve(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    /** The data folder for the given environment, on this machine's operating system. */
    public static Path resolve(Map<String, String> env) {
        return resolve(env, System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    /**
     * The data folder for the given environment.
     *
     * @param env      environment variables
     * @param osName   the {@code os.name} system property
     * @param userHome the {@code user.home} system property, used only when {@code HOME} is unset
     */
    public static Path resolve(Map<String, String> env, String osName, String userHome) {
        String override = env.get(OVERRIDE_VARIABLE);
        if (present(override)) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        String home = present(env.get("HOME")) ? env.get("HOME") : userHome;
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = present(appData) ? Path.of(appData) : Path.of(userHome, "AppData", "Roaming");
            return base.resolve(NAME);
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", NAME);
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG Base Directory specification says a relative value is invalid and must be ignored.
        if (present(xdg) && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, NAME);
        }
        return Path.of(home, ".local", "share", NAME);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
