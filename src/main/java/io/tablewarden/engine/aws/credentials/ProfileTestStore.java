package io.tablewarden.engine.aws.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tablewarden.platform.AtomicFiles;
import io.tablewarden.platform.DataFolder;
import io.tablewarden.platform.OwnerOnly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The last {@link ProfileTestResult} of each profile, in {@code profile-tests.json} in the user's data folder
 * ({@link DataFolder}). Written atomically and owner-only; holds no credentials.
 */
public final class ProfileTestStore {

    public static final String FILE_NAME = "profile-tests.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public ProfileTestStore(Path file) {
        this.file = file;
    }

    /** The store in the user's data folder, from the given environment (System.getenv() in production). */
    public static ProfileTestStore inUserDataFolder(Map<String, String> env) {
        return new ProfileTestStore(DataFolder.resolve(env).resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /** Every remembered result, by profile name. An unreadable file counts as empty. */
    public synchronized Map<String, ProfileTestResult> all() {
        Map<String, ProfileTestResult> out = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            root.path("profiles").properties().forEach(e -> out.put(e.getKey(), read(e.getKey(), e.getValue())));
        } catch (IOException | RuntimeException e) {
            return new TreeMap<>();
        }
        return out;
    }

    public Optional<ProfileTestResult> get(String profile) {
        return Optional.ofNullable(all().get(profile));
    }

    /** Remembers {@code result} as its profile's latest. */
    public synchronized void put(ProfileTestResult result) {
        Map<String, ProfileTestResult> all = all();
        all.put(result.profile(), result);
        ObjectNode root = JSON.createObjectNode();
        root.put("formatVersion", 1);
        ObjectNode profiles = root.putObject("profiles");
        all.forEach((name, r) -> {
            ObjectNode n = profiles.putObject(name);
            n.put("testedAt", r.testedAt() == null ? null : r.testedAt().toString());
            n.put("ok", r.ok());
            n.put("account", r.account());
            n.put("arn", r.arn());
            n.put("accountAlias", r.accountAlias());
            n.put("error", r.error());
        });
        try {
            OwnerOnly.createFolders(file.toAbsolutePath().getParent());
            AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static ProfileTestResult read(String name, JsonNode n) {
        String at = text(n, "testedAt");
        return new ProfileTestResult(name, at == null ? null : Instant.parse(at), n.path("ok").asBoolean(false),
                text(n, "account"), text(n, "arn"), text(n, "accountAlias"), text(n, "error"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
