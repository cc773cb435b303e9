package io.tablewarden.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the database lives when the user does not say: one file per user in the platform's data folder.
 * An explicit {@code --db FILE} wins, then the {@code TABLEWARDEN_DB} environment variable.
 */
public final class DatabaseLocation {

    /** Environment variable that names the database file. */
    public static final String ENV_VARIABLE = "TABLEWARDEN_DB";
    static final String FILE_NAME = "tablewarden.db";

    private DatabaseLocation() {
    }

    /** The database of this process's user. */
    public static Path resolve(Path explicit) {
        return resolve(explicit, System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    /**
     * The database for the given environment.
     *
     * @param explicit   the {@code --db} option, or null
     * @param env        environment variables
     * @param osName     {@code os.name}
     * @param userHome   {@code user.home}
     */
    public static Path resolve(Path explicit, Map<String, String> env, String osName, String userHome) {
        if (explicit != null) {
            return explicit;
        }
        String fromEnv = env.get(ENV_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return dataFolder(env, osName, userHome).resolve(FILE_NAME);
    }

    static Path dataFolder(Map<String, String> env, String osName, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData)
                    : Path.of(userHome, "AppData", "Roaming");
            return base.resolve("Tablewarden");
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Tablewarden");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec says a relative value is invalid and must be ignored.
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "tablewarden");
        }
        return Path.of(userHome, ".local", "share", "tablewarden");
    }
}
