package io.tablewarden.profiles;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every edit on every profile of every readable corpus file: the bytes outside the edited section are identical,
 * and the AWS SDK reads the result with exactly the intended change and nothing else.
 */
class CorpusEditsTest {

    static List<Path> files() throws IOException {
        List<Path> readable = new ArrayList<>();
        for (Path file : Corpus.files()) {
            if (ConfigFileStore.read(file, Corpus.typeOf(file)).readable()) {
                readable.add(file);
            }
        }
        return readable;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyEditStaysInsideItsSection(Path file) throws Exception {
        ConfigDocument doc = ConfigFileStore.read(file, Corpus.typeOf(file)).document();
        Map<String, Map<String, String>> before = sdk(doc);
        for (String name : doc.names(SectionKind.PROFILE)) {
            Map<String, String> props = doc.properties(SectionKind.PROFILE, name);

            ConfigDocument added = doc.edit().set(SectionKind.PROFILE, name, "tablewarden_note", "edited").result();
            assertOutsideUnchanged(doc, added, name);
            assertEquals(changed(before, name, "tablewarden_note", "edited"), sdk(added), name);

            if (!props.isEmpty()) {
                String key = props.keySet().iterator().next();
                ConfigDocument set = doc.edit().set(SectionKind.PROFILE, name, key, "new-value").result();
                assertOutsideUnchanged(doc, set, name);
                assertEquals(changed(before, name, key, "new-value"), sdk(set), name + " " + key);

                ConfigDocument removed = doc.edit().remove(SectionKind.PROFILE, name, key).result();
                assertOutsideUnchanged(doc, removed, name);
                assertEquals(changed(before, name, key, null), sdk(removed), name + " -" + key);
            }

            if (shadowsDefault(doc, name)) {
                assertThrows(IllegalArgumentException.class,
                        () -> doc.edit().renameSection(SectionKind.PROFILE, name, name + "-renamed"));
            } else {
                ConfigDocument renamed = doc.edit().renameSection(SectionKind.PROFILE, name, name + "-renamed")
                        .result();
                assertOutsideUnchanged(doc, renamed, name);
                Map<String, Map<String, String>> expected = new TreeMap<>(before);
                expected.put(name + "-renamed", expected.remove(name));
                assertEquals(expected, sdk(renamed), "rename " + name);
            }

            ConfigDocument deleted = doc.edit().removeSection(SectionKind.PROFILE, name).result();
            Map<String, Map<String, String>> without = new TreeMap<>(before);
            without.remove(name);
            assertEquals(without, sdk(deleted), "delete " + name);
            // Deleting default also deletes the plain [default] sections that [profile default] overrides.
            int first = doc.sections().stream().filter(s -> name.equals(s.name())
                    && (s.kind() == SectionKind.PROFILE || shadowsDefault(doc, name)))
                    .mapToInt(ConfigSection::headerLine).min().orElseThrow();
            assertTrue(deleted.text().startsWith(text(doc, 0, lastNonBlankBefore(doc, first))), "delete " + name);
        }
    }

    private static boolean shadowsDefault(ConfigDocument doc, String name) {
        return "default".equals(name) && doc.sections().stream().anyMatch(s -> s.kind() == SectionKind.IGNORED
                && "default".equals(s.name()));
    }

    private static int lastNonBlankBefore(ConfigDocument doc, int line) {
        int end = line;
        while (end > 0 && doc.lines().get(end - 1).kind() == ConfigLine.Kind.BLANK) {
            end--;
        }
        // The line before may lose its newline when the deleted section ended the file without one.
        return Math.max(0, end - 1);
    }

    /** Bytes before the first section of {@code name} and after its last one are the same. */
    private static void assertOutsideUnchanged(ConfigDocument before, ConfigDocument after, String name) {
        List<ConfigSection> sections = before.sections(SectionKind.PROFILE, name);
        String prefix = text(before, 0, sections.get(0).headerLine());
        ConfigSection last = sections.get(sections.size() - 1);
        String suffix = text(before, last.endLine(), before.lines().size());
        assertTrue(after.text().startsWith(prefix), "before " + name);
        assertTrue(after.text().endsWith(suffix), "after " + name);
    }

    private static String text(ConfigDocument doc, int from, int to) {
        StringBuilder sb = new StringBuilder();
        doc.lines().subList(from, to).forEach(l -> sb.append(l.raw()));
        return sb.toString();
    }

    private static Map<String, Map<String, String>> changed(Map<String, Map<String, String>> before, String name,
                                                            String key, String value) {
        Map<String, Map<String, String>> result = new TreeMap<>(before);
        Map<String, String> props = new LinkedHashMap<>(before.get(name));
        props.keySet().removeIf(k -> k.equals(key) || k.startsWith(key + "."));
        if (value != null) {
            props.put(key, value);
        }
        result.put(name, props);
        return result;
    }

    private static Map<String, Map<String, String>> sdk(ConfigDocument doc) {
        ProfileFile file = ProfileFile.builder()
                .content(new ByteArrayInputStream(doc.text().getBytes(StandardCharsets.UTF_8)))
                .type(doc.type() == ConfigFileType.CONFIG ? ProfileFile.Type.CONFIGURATION
                        : ProfileFile.Type.CREDENTIALS)
                .build();
        Map<String, Map<String, String>> result = new TreeMap<>();
        for (Map.Entry<String, Profile> e : file.profiles().entrySet()) {
            result.put(e.getKey(), new TreeMap<>(e.getValue().properties()));
        }
        return result;
    }
}
