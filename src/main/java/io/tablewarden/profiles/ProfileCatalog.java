package io.tablewarden.profiles;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every profile of the two shared files, merged the way the AWS SDKs merge them: a profile may be in either file
 * or both, and for a key set in both the credentials file wins. {@code sso-session} and {@code services}
 * sections come from the config file only. A file that could not be read contributes nothing and is reported in
 * {@link #errors()}.
 */
public final class ProfileCatalog {

    private final LoadedConfigFile config;
    private final LoadedConfigFile credentials;
    private final String currentProfile;
    private final Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
    private final Map<String, List<ConfigFileType>> sources = new LinkedHashMap<>();

    /**
     * @param config         the config file as read
     * @param credentials    the credentials file as read
     * @param currentProfile the profile selected by the environment
     */
    public ProfileCatalog(LoadedConfigFile config, LoadedConfigFile credentials, String currentProfile) {
        this.config = config;
        this.credentials = credentials;
        this.currentProfile = currentProfile;
        // Config first so that profiles keep the order a reader of ~/.aws/config expects.
        for (LoadedConfigFile file : List.of(config, credentials)) {
            if (!file.readable()) {
                continue;
            }
            ConfigDocument doc = file.document();
            for (String name : doc.names(SectionKind.PROFILE)) {
                profiles.computeIfAbsent(name, n -> new LinkedHashMap<>())
                        .putAll(doc.properties(SectionKind.PROFILE, name));
                sources.computeIfAbsent(name, n -> new ArrayList<>()).add(file.type());
            }
        }
    }

    /** Reads both files from where {@code environment} says they are. */
    public static ProfileCatalog load(ProfileEnvironment environment) {
        return new ProfileCatalog(ConfigFileStore.read(environment.configFile(), ConfigFileType.CONFIG),
                ConfigFileStore.read(environment.credentialsFile(), ConfigFileType.CREDENTIALS),
                environment.currentProfile());
    }

    public LoadedConfigFile config() {
        return config;
    }

    public LoadedConfigFile credentials() {
        return credentials;
    }

    /** The profile selected by {@code AWS_PROFILE}, or {@code default}. */
    public String currentProfile() {
        return currentProfile;
    }

    /** The files that could not be read, config first. */
    public List<ConfigReadError> errors() {
        List<ConfigReadError> errors = new ArrayList<>();
        for (LoadedConfigFile file : List.of(config, credentials)) {
            if (!file.readable()) {
                errors.add(file.error());
            }
        }
        return errors;
    }

    /** Profile names, config file order first, then those only in the credentials file. */
    public List<String> names() {
        return List.copyOf(profiles.keySet());
    }

    /** The merged raw properties of a profile, secrets included: for resolving credentials, never for display. */
    public Optional<Map<String, String>> properties(String name) {
        Map<String, String> p = profiles.get(name);
        return p == null ? Optional.empty() : Optional.of(Collections.unmodifiableMap(p));
    }

    /** The properties of an {@code [sso-session NAME]} section of the config file. */
    public Optional<Map<String, String>> ssoSession(String name) {
        if (!config.readable() || !config.document().has(SectionKind.SSO_SESSION, name)) {
            return Optional.empty();
        }
        return Optional.of(config.document().properties(SectionKind.SSO_SESSION, name));
    }

    /** Names of the {@code [sso-session NAME]} sections. */
    public List<String> ssoSessionNames() {
        return config.readable() ? config.document().names(SectionKind.SSO_SESSION) : List.of();
    }

    /** Names of the {@code [services NAME]} sections. */
    public List<String> servicesNames() {
        return config.readable() ? config.document().names(SectionKind.SERVICES) : List.of();
    }

    /** The properties of a {@code [services NAME]} section of the config file. */
    public Optional<Map<String, String>> services(String name) {
        if (!config.readable() || !config.document().has(SectionKind.SERVICES, name)) {
            return Optional.empty();
        }
        return Optional.of(config.document().properties(SectionKind.SERVICES, name));
    }

    /** The files that define a profile. */
    public List<ConfigFileType> sources(String name) {
        return sources.getOrDefault(name, List.of());
    }

    /** The summary of one profile. */
    public Optional<ProfileSummary> summary(String name) {
        if (!profiles.containsKey(name)) {
            return Optional.empty();
        }
        return Optional.of(new ProfileClassifier(this).summarize(name));
    }

    /** The summaries of every profile, in {@link #names()} order. */
    public List<ProfileSummary> summaries() {
        ProfileClassifier classifier = new ProfileClassifier(this);
        List<ProfileSummary> result = new ArrayList<>();
        for (String name : profiles.keySet()) {
            result.add(classifier.summarize(name));
        }
        return result;
    }
}
