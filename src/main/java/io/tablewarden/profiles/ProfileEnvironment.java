package io.tablewarden.profiles;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/**
 * Where the shared files are and which profile is current, from the same environment variables the AWS CLI and
 * SDKs read. Built from a map so tests never depend on the machine they run on.
 *
 * @param variables environment variables
 * @param home      the user's home folder, for {@code ~/.aws} and {@code ~} in the variables
 */
public record ProfileEnvironment(Map<String, String> variables, Path home) {

    /** Name of the profile used when {@code AWS_PROFILE} is not set. */
    public static final String DEFAULT_PROFILE = "default";

    public ProfileEnvironment {
        variables = Map.copyOf(variables);
    }

    /** The running process: its environment and home folder (found as the SDKs find it). */
    public static ProfileEnvironment system() {
        Map<String, String> env = System.getenv();
        return new ProfileEnvironment(env, Paths.get(homeFolder(env)));
    }

    private static String homeFolder(Map<String, String> env) {
        String home = env.get("HOME");
        if (home != null && !home.isEmpty()) {
            return home;
        }
        String profile = env.get("USERPROFILE");
        if (profile != null && !profile.isEmpty()) {
            return profile;
        }
        return System.getProperty("user.home");
    }

    /** {@code AWS_CONFIG_FILE}, else {@code ~/.aws/config}. */
    public Path configFile() {
        return fromVariable("AWS_CONFIG_FILE", "config");
    }

    /** {@code AWS_SHARED_CREDENTIALS_FILE}, else {@code ~/.aws/credentials}. */
    public Path credentialsFile() {
        return fromVariable("AWS_SHARED_CREDENTIALS_FILE", "credentials");
    }

    /** The file of one type. */
    public Path file(ConfigFileType type) {
        return type == ConfigFileType.CONFIG ? configFile() : credentialsFile();
    }

    /** {@code AWS_PROFILE}, else {@code default}. */
    public String currentProfile() {
        String profile = variables.get("AWS_PROFILE");
        return profile == null || profile.isBlank() ? DEFAULT_PROFILE : profile.trim();
    }

    private Path fromVariable(String name, String defaultFile) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            return home.resolve(".aws").resolve(defaultFile);
        }
        return expandHome(value.trim());
    }

    /** {@code ~} alone or followed by a separator means the home folder, as in the SDKs; {@code ~user} does not. */
    Path expandHome(String value) {
        if (value.equals("~")) {
            return home;
        }
        if (value.startsWith("~/") || value.startsWith("~\\")) {
            return home.resolve(value.substring(2));
        }
        return Paths.get(value);
    }
}
