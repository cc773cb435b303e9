package io.tablewarden.engine.checks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.Severity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a check's metadata from {@code /io/tablewarden/engine/checks/metadata/<id>.json}.
 * The file format mirrors {@link CheckMetadata}; see {@code docs/check-metadata.md}.
 */
public final class MetadataLoader {

    static final String FOLDER = "/io/tablewarden/engine/checks/metadata/";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private static final Set<String> FIELDS = Set.of("id", "title", "shortLabel", "severity", "resourceType",
            "description", "risk", "securityHubControl", "categories", "links", "remediation");
    private static final Set<String> REMEDIATION_FIELDS = Set.of("summary", "cli", "cloudFormation", "terraform",
            "console", "inPlace");

    private MetadataLoader() {
    }

    /** Loads and validates the metadata of {@code checkId}; a missing or malformed file is a programming error. */
    public static CheckMetadata load(String checkId) {
        String path = FOLDER + checkId + ".json";
        try (InputStream in = MetadataLoader.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no metadata file " + path);
            }
            JsonNode root = MAPPER.readTree(in);
            CheckMetadata metadata = parse(root, path);
            if (!metadata.id().equals(checkId)) {
                throw new IllegalStateException(path + ": id is " + metadata.id() + ", expected " + checkId);
            }
            return metadata;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    static CheckMetadata parse(JsonNode root, String source) {
        rejectUnknown(root, FIELDS, source, "");
        JsonNode rem = required(root, "remediation", source);
        rejectUnknown(rem, REMEDIATION_FIELDS, source, "remediation.");
        CheckMetadata.Remediation remediation = new CheckMetadata.Remediation(
                text(rem, "summary", source), text(rem, "cli", source), text(rem, "cloudFormation", source),
                text(rem, "terraform", source), strings(rem.get("console")),
                !rem.has("inPlace") || rem.get("inPlace").asBoolean());
        JsonNode control = root.get("securityHubControl");
        return new CheckMetadata(
                text(root, "id", source), text(root, "title", source), text(root, "shortLabel", source),
                Severity.parse(text(root, "severity", source)),
                ResourceType.valueOf(text(root, "resourceType", source)),
                text(root, "description", source), text(root, "risk", source),
                control == null || control.isNull() ? null : control.asText(),
                strings(root.get("categories")), strings(root.get("links")), remediation);
    }

    /** A misspelt field would silently drop text, so every field name must be known. */
    private static void rejectUnknown(JsonNode node, Set<String> known, String source, String prefix) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw new IllegalStateException(source + ": unknown field " + prefix + name);
            }
        });
    }

    private static JsonNode required(JsonNode node, String field, String source) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalStateException(source + ": missing field " + field);
        }
        return value;
    }

    private static String text(JsonNode node, String field, String source) {
        return required(node, field, source).asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}
