package io.tablewarden.engine.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Every check of the catalogue has complete metadata that agrees with the catalogue. */
class MetadataCatalogTest {

    private static final Set<String> CATEGORIES = Set.of("resilience", "high-availability", "capacity", "backup",
            "encryption", "key-management", "availability", "tagging", "inventory", "access-control",
            "data-exposure", "data-protection", "deletion-protection", "network");

    static Stream<String> checkIds() {
        return CheckCatalog.ids().stream();
    }

    @ParameterizedTest
    @MethodSource("checkIds")
    void metadataLoadsAndMatchesTheCatalogue(String checkId) {
        CheckMetadata m = CheckCatalog.load(checkId);
        CheckCatalog.Entry expected = CheckCatalog.entry(checkId);
        assertEquals(checkId, m.id());
        assertEquals(expected.severity(), m.severity(), checkId + " severity");
        assertEquals(expected.resourceType(), m.resourceType(), checkId + " resource type");
        assertEquals(expected.securityHubControl(), m.securityHubControl(), checkId + " Security Hub control");
    }

    @ParameterizedTest
    @MethodSource("checkIds")
    void noFieldIsEmptyOrUnfinished(String checkId) {
        CheckMetadata m = CheckCatalog.load(checkId);
        CheckMetadata.Remediation r = m.remediation();
        Map<String, String> texts = new TreeMap<>();
        texts.put("title", m.title());
        texts.put("shortLabel", m.shortLabel());
        texts.put("description", m.description());
        texts.put("risk", m.risk());
        texts.put("summary", r.summary());
        texts.put("cli", r.cli());
        texts.put("cloudFormation", r.cloudFormation());
        texts.put("terraform", r.terraform());
        for (int i = 0; i < r.console().size(); i++) {
            texts.put("console[" + i + "]", r.console().get(i));
        }
        texts.forEach((field, text) -> {
            assertNotNull(text, checkId + ": " + field);
            assertFalse(text.isBlank(), checkId + ": " + field + " is empty");
            String upper = text.toUpperCase(Locale.ROOT);
            assertFalse(upper.contains("TODO") || upper.contains("FIXME") || upper.contains("TBD")
                    || upper.contains("LOREM"), checkId + ": " + field + " is unfinished");
        });
        assertTrue(m.description().length() >= 80, checkId + ": description too short to say what is evaluated");
        assertTrue(m.risk().length() >= 80, checkId + ": risk too short");
        assertTrue(r.console().size() >= 2, checkId + ": console steps");
        r.console().forEach(step -> assertTrue(step.endsWith("."), checkId + ": console step is not a sentence: " + step));
        assertFalse(m.categories().isEmpty(), checkId + ": categories");
        m.categories().forEach(c -> assertTrue(CATEGORIES.contains(c), checkId + ": unknown category " + c));
        assertFalse(m.links().isEmpty(), checkId + ": links");
    }

    @ParameterizedTest
    @MethodSource("checkIds")
    void parametersNamedInTheDescriptionExist(String checkId) {
        Set<String> known = new TreeSet<>();
        for (RecordComponent c : CheckParameters.class.getRecordComponents()) {
            known.add(c.getName());
        }
        Matcher words = Pattern.compile("\\b(?:min|max|target|required|trusted|backup)[A-Z][A-Za-z]*\\b")
                .matcher(CheckCatalog.load(checkId).description());
        while (words.find()) {
            assertTrue(known.contains(words.group()), checkId + " names the unknown parameter " + words.group());
        }
    }

    @ParameterizedTest
    @MethodSource("checkIds")
    void linksAreAwsDocumentationUrls(String checkId) throws URISyntaxException {
        for (String link : CheckCatalog.load(checkId).links()) {
            URI uri = new URI(link);
            assertEquals("https", uri.getScheme(), link);
            assertEquals("docs.aws.amazon.com", uri.getHost(), link);
            assertTrue(uri.getPath().endsWith(".html"), link);
        }
    }

    @ParameterizedTest
    @MethodSource("checkIds")
    void fixesThatNeedANewResourceSaySo(String checkId) {
        CheckMetadata.Remediation r = CheckCatalog.load(checkId).remediation();
        boolean daxCreationOnly = checkId.equals("dynamodb_accelerator_cluster_encryption_enabled")
                || checkId.equals("dynamodb_accelerator_cluster_in_transit_encryption_enabled");
        assertEquals(!daxCreationOnly, r.inPlace(), checkId + " inPlace");
        if (daxCreationOnly) {
            assertTrue(r.cli().contains("aws dax create-cluster"), checkId);
            assertTrue(r.cli().contains("--sse-specification Enabled=true"), checkId);
            assertTrue(r.cli().contains("--cluster-endpoint-encryption-type TLS"), checkId);
            assertTrue(r.summary().toLowerCase(Locale.ROOT).contains("created"), checkId + ": summary must say why");
        }
    }

    /** The explanation a reader gets: steps that are sentences, a false-positive answer, related checks that exist. */
    @ParameterizedTest
    @MethodSource("checkIds")
    void everyCheckIsExplained(String checkId) {
        CheckMetadata.Learn learn = CheckCatalog.load(checkId).learn();
        assertNotNull(learn, checkId + ": learn");
        assertFalse(learn.howToFix().isEmpty(), checkId + ": howToFix");
        learn.howToFix().forEach(step -> assertTrue(step.endsWith("."), checkId + ": a step is not a sentence: " + step));
        assertTrue(learn.falsePositive().length() >= 60, checkId + ": falsePositive too short");
        for (String related : learn.related()) {
            assertTrue(CheckCatalog.ids().contains(related), checkId + ": unknown related check " + related);
            assertFalse(related.equals(checkId), checkId + ": related to itself");
        }
        List<String> texts = new ArrayList<>(learn.howToFix());
        texts.add(learn.falsePositive());
        texts.forEach(text -> {
            assertFalse(text.contains("{{"), checkId + ": the explanation is about the check, not one resource");
            String upper = text.toUpperCase(Locale.ROOT);
            assertFalse(upper.contains("TODO") || upper.contains("TBD"), checkId + ": unfinished");
        });
        CheckCatalog.load(checkId).causes().forEach((cause, fix) -> assertFalse(fix.title().isBlank(),
                checkId + ": cause " + cause + " has no title"));
    }

    /** Matrix column headers and chart axes have room for about two words. */
    @Test
    void shortLabelsAreShortAndTellTheChecksApart() {
        Map<String, String> byLabel = new TreeMap<>();
        for (String id : CheckCatalog.ids()) {
            String label = CheckCatalog.load(id).shortLabel();
            assertTrue(label.length() <= 14, id + ": short label longer than 14 characters: " + label);
            assertEquals(label.strip(), label, id + ": short label with surrounding spaces");
            String previous = byLabel.put(label.toLowerCase(Locale.ROOT), id);
            assertEquals(null, previous, "two checks have the short label " + label);
        }
    }

    @Test
    void securityHubMappingIsExactlyTheCatalogue() {
        Map<String, String> expected = new TreeMap<>();
        CheckCatalog.ENTRIES.stream().filter(e -> e.securityHubControl() != null)
                .forEach(e -> expected.put(e.securityHubControl(), e.id()));
        assertEquals(Set.of("DynamoDB.1", "DynamoDB.2", "DynamoDB.3", "DynamoDB.4", "DynamoDB.5", "DynamoDB.6",
                "DynamoDB.7"), expected.keySet());

        Map<String, String> actual = new TreeMap<>();
        for (String id : CheckCatalog.ids()) {
            String control = CheckCatalog.load(id).securityHubControl();
            if (control != null) {
                String previous = actual.put(control, id);
                assertEquals(null, previous, control + " is mapped twice");
            }
        }
        assertEquals(expected, actual);
    }

    @Test
    void everyMetadataFileBelongsToACheckOfTheCatalogue() throws IOException, URISyntaxException {
        URL folder = CheckCatalog.class.getResource("/io/tablewarden/engine/checks/metadata/");
        assertNotNull(folder);
        Set<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(Path.of(folder.toURI()))) {
            list.map(p -> p.getFileName().toString()).forEach(files::add);
        }
        Set<String> expected = new TreeSet<>();
        CheckCatalog.ids().forEach(id -> expected.add(id + ".json"));
        assertEquals(expected, files);
    }

    /**
     * The loader reads a JSON tree, so an unknown or misspelt field would be ignored silently; this test holds
     * every file to exactly the documented fields instead.
     */
    @Test
    void metadataFilesHaveExactlyTheDocumentedFields() throws IOException {
        Set<String> top = Set.of("id", "title", "shortLabel", "severity", "resourceType", "description", "risk",
                "securityHubControl", "categories", "links", "remediation", "learn");
        Set<String> remediation = Set.of("summary", "cli", "cloudFormation", "terraform", "console", "inPlace");
        ObjectMapper mapper = new ObjectMapper();
        List<String> problems = new ArrayList<>();
        for (String id : CheckCatalog.ids()) {
            try (InputStream in = CheckCatalog.class.getResourceAsStream(
                    "/io/tablewarden/engine/checks/metadata/" + id + ".json")) {
                assertNotNull(in, id);
                JsonNode root = mapper.readTree(in);
                Set<String> fields = new TreeSet<>(fieldNames(root));
                fields.remove("causes");
                if (!fields.equals(top)) {
                    problems.add(id + ": fields " + fieldNames(root));
                }
                if (root.has("causes")) {
                    Set<String> required = Set.of("title", "summary", "cli");
                    Set<String> optional = Set.of("regionCli", "cloudFormation", "terraform", "console", "inPlace");
                    root.get("causes").properties().forEach(cause -> {
                        Set<String> names = fieldNames(cause.getValue());
                        if (!names.containsAll(required) || !optional.containsAll(
                                names.stream().filter(n -> !required.contains(n)).collect(java.util.stream.Collectors.toSet()))) {
                            problems.add(id + ": cause " + cause.getKey() + " fields " + names);
                        }
                    });
                }
                if (!fieldNames(root.get("remediation")).equals(remediation)) {
                    problems.add(id + ": remediation fields " + fieldNames(root.get("remediation")));
                }
                if (!root.get("remediation").get("inPlace").isBoolean()) {
                    problems.add(id + ": inPlace is not a boolean");
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> out = new TreeSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
