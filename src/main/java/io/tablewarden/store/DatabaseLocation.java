package io.tablewarden.store;

import io.tablewarden.platform.DataFolder;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the database lives when the user does not say: {@code tablewarden.db} in the user's data folder
 * ({@link DataFolder}).
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
     * @param userHome   {@code user.home}, used only when {@code HOME} is unset
     */
    public static Path resolve(Path explicit, Map<String, String> env, String osName, String userHome) {
        if (explicit != null) {
            return explicit;
        }
        String fromEnv = env.get(ENV_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return DataFolder.resolve(env, osName, userHome).resolve(FILE_NAME);
    }
}
