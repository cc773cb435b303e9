package io.tablewarden.engine.checks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.Severity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            "description", "risk", "securityHubControl", "categories", "links", "remediation", "causes", "learn");
    private static final Set<String> REMEDIATION_FIELDS = Set.of("summary", "cli", "cloudFormation", "terraform",
            "console", "inPlace", "regionCli");
    private static final Set<String> CAUSE_FIELDS = Set.of("title", "summary", "cli", "cloudFormation", "terraform",
            "console", "inPlace", "regionCli");
    private static final Set<String> LEARN_FIELDS = Set.of("howToFix", "falsePositive", "related");

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
        CheckMetadata.Remediation remediation = remediation(rem, source, null);
        Map<String, CheckMetadata.Cause> causes = new LinkedHashMap<>();
        JsonNode causeNodes = root.get("causes");
        if (causeNodes != null && !causeNodes.isNull()) {
            causeNodes.fields().forEachRemaining(entry -> {
                String where = source + " causes." + entry.getKey();
                if (!CheckResult.CAUSE_ID.matcher(entry.getKey()).matches()) {
                    throw new IllegalStateException(where + ": not a cause id");
                }
                rejectUnknown(entry.getValue(), CAUSE_FIELDS, source, "causes." + entry.getKey() + ".");
                causes.put(entry.getKey(), new CheckMetadata.Cause(text(entry.getValue(), "title", where),
                        remediation(entry.getValue(), where, remediation)));
            });
        }
        CheckMetadata.Learn learn = null;
        JsonNode learnNode = root.get("learn");
        if (learnNode != null && !learnNode.isNull()) {
            rejectUnknown(learnNode, LEARN_FIELDS, source, "learn.");
            learn = new CheckMetadata.Learn(strings(required(learnNode, "howToFix", source)),
                    text(learnNode, "falsePositive", source), strings(learnNode.get("related")));
        }
        JsonNode control = root.get("securityHubControl");
        return new CheckMetadata(
                text(root, "id", source), text(root, "title", source), text(root, "shortLabel", source),
                Severity.parse(text(root, "severity", source)),
                ResourceType.valueOf(text(root, "resourceType", source)),
                text(root, "description", source), text(root, "risk", source),
                control == null || control.isNull() ? null : control.asText(),
                strings(root.get("categories")), strings(root.get("links")), remediation, causes, learn);
    }

    /**
     * One fix. A cause's fix ({@code generic} given) may leave out its CloudFormation, Terraform or console form
     * when the generic one is right for the cause as well; summary and CLI are always its own.
     */
    private static CheckMetadata.Remediation remediation(JsonNode rem, String source,
                                                         CheckMetadata.Remediation generic) {
        JsonNode regionCli = rem.get("regionCli");
        boolean inherit = generic != null;
        return new CheckMetadata.Remediation(
                text(rem, "summary", source), text(rem, "cli", source),
                inherit && !rem.has("cloudFormation") ? generic.cloudFormation() : text(rem, "cloudFormation", source),
                inherit && !rem.has("terraform") ? generic.terraform() : text(rem, "terraform", source),
                inherit && !rem.has("console") ? generic.console() : strings(rem.get("console")),
                !rem.has("inPlace") || rem.get("inPlace").asBoolean(),
                regionCli == null || regionCli.isNull() ? "" : regionCli.asText());
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
