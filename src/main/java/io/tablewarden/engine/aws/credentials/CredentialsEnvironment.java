package io.tablewarden.engine.aws.credentials;

import io.tablewarden.profiles.ConfigFileStore;
import io.tablewarden.profiles.ConfigFileType;
import io.tablewarden.profiles.LoadedConfigFile;
import io.tablewarden.profiles.ProfileEnvironment;
import software.amazon.awssdk.profiles.ProfileFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where profiles, the IAM Identity Center token cache and environment variables come from. The system
 * environment in production; tests pass temporary files, a temporary home and a map, so nothing they do reaches
 * the user's own {@code ~/.aws}.
 *
 * @param configFile      the AWS config file ({@code AWS_CONFIG_FILE}, else {@code ~/.aws/config}); may not exist
 * @param credentialsFile the credentials file ({@code AWS_SHARED_CREDENTIALS_FILE}, else {@code ~/.aws/credentials})
 * @param ssoCacheDir     the token cache shared with the AWS CLI, {@code ~/.aws/sso/cache}
 * @param env             environment variables, read for {@code credential_source = Environment}
 */
public record CredentialsEnvironment(Path configFile, Path credentialsFile, Path ssoCacheDir, Map<String, String> env) {

    public CredentialsEnvironment {
        Objects.requireNonNull(ssoCacheDir, "ssoCacheDir");
        env = env == null ? Map.of() : Map.copyOf(env);
    }

    /** The files and variables the AWS CLI would use for the current user. */
    public static CredentialsEnvironment system() {
        Map<String, String> env = System.getenv();
        Path home = home(env);
        Path config = env.containsKey("AWS_CONFIG_FILE") ? Path.of(env.get("AWS_CONFIG_FILE"))
                : home.resolve(".aws").resolve("config");
        Path credentials = env.containsKey("AWS_SHARED_CREDENTIALS_FILE")
                ? Path.of(env.get("AWS_SHARED_CREDENTIALS_FILE")) : home.resolve(".aws").resolve("credentials");
        return new CredentialsEnvironment(config, credentials, ssoCacheDir(home), env);
    }

    /** The files, home and variables of a profile environment (the workbench's, or a test's). */
    public static CredentialsEnvironment of(ProfileEnvironment profiles) {
        return new CredentialsEnvironment(profiles.configFile(), profiles.credentialsFile(),
                ssoCacheDir(profiles.home()), profiles.variables());
    }

    /** Names the files only: the environment may hold AWS_SECRET_ACCESS_KEY. */
    @Override
    public String toString() {
        return "CredentialsEnvironment[configFile=" + configFile + ", credentialsFile=" + credentialsFile
                + ", ssoCacheDir=" + ssoCacheDir + ", env=(" + env.size() + " variables)]";
    }

    /** The AWS CLI's token cache folder under a home folder. */
    public static Path ssoCacheDir(Path home) {
        return home.resolve(".aws").resolve("sso").resolve("cache");
    }

    /** Same files and cache, another config file (null keeps this one). */
    public CredentialsEnvironment withConfigFile(Path file) {
        return file == null ? this : new CredentialsEnvironment(file, credentialsFile, ssoCacheDir, env);
    }

    /**
     * The config and credentials files read together, credentials taking precedence as in the AWS CLI.
     *
     * @throws UnreadableProfileFileException when either file is one the AWS tools would reject
     */
    public ProfileFile profileFile() {
        requireReadableFiles();
        ProfileFile.Aggregator all = ProfileFile.aggregator();
        if (configFile != null && Files.isRegularFile(configFile)) {
            all.addFile(ProfileFile.builder().content(configFile).type(ProfileFile.Type.CONFIGURATION).build());
        }
        if (credentialsFile != null && Files.isRegularFile(credentialsFile)) {
            all.addFile(ProfileFile.builder().content(credentialsFile).type(ProfileFile.Type.CREDENTIALS).build());
        }
        return all.build();
    }

    /**
     * Reads both files with the rules {@code profiles list} uses (those of the AWS CLI, duplicates included) and
     * throws for the first one that breaks them, so every command reports a broken file the same way, with its
     * line, instead of the SDK's message without a file name.
     *
     * @throws UnreadableProfileFileException naming the file, line and reason
     */
    public void requireReadableFiles() {
        check(configFile, ConfigFileType.CONFIG);
        check(credentialsFile, ConfigFileType.CREDENTIALS);
    }

    private static void check(Path file, ConfigFileType type) {
        // A missing file, or a folder in its place, is skipped by the AWS tools as it is here.
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        LoadedConfigFile loaded = ConfigFileStore.read(file, type);
        if (!loaded.readable()) {
            throw new UnreadableProfileFileException(null, loaded.error());
        }
    }

    private static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        if (home == null || home.isBlank()) {
            home = env.get("USERPROFILE");
        }
        return Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home);
    }
}
