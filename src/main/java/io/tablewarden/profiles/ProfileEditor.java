package io.tablewarden.profiles;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds, edits, renames, duplicates and deletes profiles across the two shared files, then saves only the files
 * that changed. Keys go where the user already keeps them: a key that exists is changed in every file that has
 * it; a new secret ({@code aws_access_key_id}, {@code aws_secret_access_key}, {@code aws_session_token}) goes to
 * the credentials file; any other new key goes to the config file, unless the profile lives only in the
 * credentials file together with such settings already.
 *
 * <p>Renaming a profile also renames the {@code source_profile} references to it, so role chains keep working.
 * Nothing else outside the edited sections changes.
 */
public final class ProfileEditor {

    /** Keys that belong in the credentials file. */
    public static final Set<String> CREDENTIAL_KEYS = Set.of("aws_access_key_id", "aws_secret_access_key",
            "aws_session_token");

    private final LoadedConfigFile configFile;
    private final LoadedConfigFile credentialsFile;
    private ConfigDocument config;
    private ConfigDocument credentials;

    /**
     * @throws IllegalStateException when either file could not be read: a file with errors is never rewritten
     */
    public ProfileEditor(LoadedConfigFile configFile, LoadedConfigFile credentialsFile) {
        for (LoadedConfigFile f : List.of(configFile, credentialsFile)) {
            if (!f.readable()) {
                throw new IllegalStateException("cannot edit profiles while " + f.error().message());
            }
        }
        this.configFile = configFile;
        this.credentialsFile = credentialsFile;
        this.config = configFile.document();
        this.credentials = credentialsFile.document();
    }

    /** An editor of the files a catalog was read from. */
    public static ProfileEditor of(ProfileCatalog catalog) {
        return new ProfileEditor(catalog.config(), catalog.credentials());
    }

    /** The config document with the edits so far. */
    public ConfigDocument config() {
        return config;
    }

    /** The credentials document with the edits so far. */
    public ConfigDocument credentials() {
        return credentials;
    }

    /** Whether a profile exists in either file. */
    public boolean exists(String profile) {
        return config.has(SectionKind.PROFILE, profile) || credentials.has(SectionKind.PROFILE, profile);
    }

    /** Creates a profile with {@code properties}, each key in the file it belongs to. */
    public ProfileEditor add(String profile, Map<String, String> properties) {
        if (exists(profile)) {
            throw new IllegalArgumentException("profile " + profile + " already exists");
        }
        Map<String, String> forConfig = new LinkedHashMap<>();
        Map<String, String> forCredentials = new LinkedHashMap<>();
        properties.forEach((k, v) -> (CREDENTIAL_KEYS.contains(k) ? forCredentials : forConfig).put(k, v));
        // A profile with nothing but keys still gets its config section only when it has settings for it.
        if (!forConfig.isEmpty() || forCredentials.isEmpty()) {
            config = config.edit().addSection(SectionKind.PROFILE, profile, forConfig).result();
        }
        if (!forCredentials.isEmpty()) {
            credentials = credentials.edit().addSection(SectionKind.PROFILE, profile, forCredentials).result();
        }
        return this;
    }

    /** Sets one key of an existing profile. */
    public ProfileEditor set(String profile, String key, String value) {
        requireExists(profile);
        boolean inConfig = config.property(SectionKind.PROFILE, profile, key).isPresent();
        boolean inCredentials = credentials.property(SectionKind.PROFILE, profile, key).isPresent();
        if (!inConfig && !inCredentials) {
            if (newKeyGoesToCredentials(profile, key)) {
                inCredentials = true;
            } else {
                inConfig = true;
            }
        }
        if (inConfig) {
            config = config.edit().set(SectionKind.PROFILE, profile, key, value).result();
        }
        if (inCredentials) {
            credentials = credentials.edit().set(SectionKind.PROFILE, profile, key, value).result();
        }
        return this;
    }

    private boolean newKeyGoesToCredentials(String profile, String key) {
        if (CREDENTIAL_KEYS.contains(key)) {
            return true;
        }
        if (config.has(SectionKind.PROFILE, profile)) {
            return false;
        }
        return credentials.properties(SectionKind.PROFILE, profile).keySet().stream()
                .anyMatch(k -> !CREDENTIAL_KEYS.contains(k));
    }

    /** Removes one key from a profile, in both files. */
    public ProfileEditor remove(String profile, String key) {
        requireExists(profile);
        config = config.edit().remove(SectionKind.PROFILE, profile, key).result();
        credentials = credentials.edit().remove(SectionKind.PROFILE, profile, key).result();
        return this;
    }

    /** Renames a profile in both files and every {@code source_profile} that names it. */
    public ProfileEditor rename(String from, String to) {
        requireExists(from);
        if (exists(to)) {
            throw new IllegalArgumentException("profile " + to + " already exists");
        }
        config = renamed(config, from, to);
        credentials = renamed(credentials, from, to);
        return this;
    }

    private static ConfigDocument renamed(ConfigDocument doc, String from, String to) {
        ConfigDocument result = doc.has(SectionKind.PROFILE, from)
                ? doc.edit().renameSection(SectionKind.PROFILE, from, to).result() : doc;
        DocumentEdit edit = result.edit();
        for (String other : result.names(SectionKind.PROFILE)) {
            if (from.equals(result.properties(SectionKind.PROFILE, other).get("source_profile"))) {
                edit.set(SectionKind.PROFILE, other, "source_profile", to);
            }
        }
        return edit.result();
    }

    /** Copies a profile under a new name, each file's part into the same file. */
    public ProfileEditor duplicate(String from, String to) {
        requireExists(from);
        if (exists(to)) {
            throw new IllegalArgumentException("profile " + to + " already exists");
        }
        if (config.has(SectionKind.PROFILE, from)) {
            config = config.edit().addSection(SectionKind.PROFILE, to,
                    config.properties(SectionKind.PROFILE, from)).result();
        }
        if (credentials.has(SectionKind.PROFILE, from)) {
            credentials = credentials.edit().addSection(SectionKind.PROFILE, to,
                    credentials.properties(SectionKind.PROFILE, from)).result();
        }
        return this;
    }

    /** Deletes a profile from both files. Profiles that used it as {@code source_profile} become invalid. */
    public ProfileEditor delete(String profile) {
        requireExists(profile);
        if (config.has(SectionKind.PROFILE, profile)) {
            config = config.edit().removeSection(SectionKind.PROFILE, profile).result();
        }
        if (credentials.has(SectionKind.PROFILE, profile)) {
            credentials = credentials.edit().removeSection(SectionKind.PROFILE, profile).result();
        }
        return this;
    }

    /** Sets a key of an {@code [sso-session NAME]} section, creating it when needed. */
    public ProfileEditor setSsoSession(String session, String key, String value) {
        config = config.edit().set(SectionKind.SSO_SESSION, session, key, value).result();
        return this;
    }

    /** Whether anything differs from the files as read. */
    public boolean changed() {
        return !config.text().equals(configFile.document().text())
                || !credentials.text().equals(credentialsFile.document().text());
    }

    /**
     * Writes the files that changed (config, then credentials) with {@link ConfigFileStore#write} and returns the
     * catalog as now on disk.
     *
     * @throws FileChangedException when a file changed on disk since it was read; nothing of that file is written
     */
    public ProfileCatalog save(String currentProfile) throws IOException {
        boolean configChanged = !config.text().equals(configFile.document().text());
        boolean credentialsChanged = !credentials.text().equals(credentialsFile.document().text());
        // Both files are checked before either is written, so a conflict never leaves half an edit on disk.
        if (configChanged) {
            ConfigFileStore.requireUnchanged(configFile);
        }
        if (credentialsChanged) {
            ConfigFileStore.requireUnchanged(credentialsFile);
        }
        LoadedConfigFile newConfig = configFile;
        LoadedConfigFile newCredentials = credentialsFile;
        if (configChanged) {
            newConfig = ConfigFileStore.write(configFile, config);
        }
        if (credentialsChanged) {
            newCredentials = ConfigFileStore.write(credentialsFile, credentials);
        }
        return new ProfileCatalog(newConfig, newCredentials, currentProfile);
    }

    private void requireExists(String profile) {
        if (!exists(profile)) {
            throw new IllegalArgumentException("no profile " + profile);
        }
    }
}
