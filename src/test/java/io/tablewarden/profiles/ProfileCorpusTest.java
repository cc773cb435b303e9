package io.tablewarden.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each corpus case parses to the sections and profiles in its {@code expected.json}, and every readable file is
 * written back byte for byte. Run with {@code -Dprofiles.corpus.update=true} to rewrite the expected files after a
 * deliberate change, then review the diff.
 */
class ProfileCorpusTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static List<Path> cases() throws IOException {
        return Corpus.cases();
    }

    static List<Path> files() throws IOException {
        return Corpus.files();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesAsExpected(Path caseDir) throws IOException {
        ProfileCatalog catalog = ProfileCatalog.load(Corpus.environment(caseDir));
        ObjectNode actual = MAPPER.createObjectNode();
        for (LoadedConfigFile file : List.of(catalog.config(), catalog.credentials())) {
            if (!Files.exists(file.path())) {
                continue;
            }
            actual.set(file.type().label(), file.readable() ? ProfileJson.sections(file.document())
                    : MAPPER.createObjectNode().put("line", file.error().line()).put("reason", file.error().reason()));
        }
        actual.set("catalog", ProfileJson.catalog(catalog));
        // Paths in error messages depend on where the build runs.
        String text = MAPPER.writeValueAsString(actual).replace(caseDir.toString(), "CASE");
        Path expectedFile = caseDir.resolve("expected.json");
        if (Boolean.getBoolean("profiles.corpus.update")) {
            Path source = Path.of("src/test/resources/profiles/corpus", caseDir.getFileName().toString(),
                    "expected.json");
            Files.writeString(source, text + "\n");
            return;
        }
        JsonNode expected = MAPPER.readTree(Files.readString(expectedFile));
        assertEquals(expected, MAPPER.readTree(text), () -> "actual parse of " + caseDir.getFileName() + ":\n" + text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void unmodifiedDocumentIsByteIdentical(Path file) throws IOException {
        byte[] original = Files.readAllBytes(file);
        LoadedConfigFile loaded = ConfigFileStore.read(file, Corpus.typeOf(file));
        if (loaded.readable()) {
            assertArrayEquals(original, loaded.document().toBytes(), file.toString());
            assertEquals(new String(original, StandardCharsets.UTF_8), loaded.document().text());
        }
    }
}
