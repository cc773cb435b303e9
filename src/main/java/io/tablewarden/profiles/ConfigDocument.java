package io.tablewarden.profiles;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A shared config or credentials file as a list of verbatim lines plus the sections the AWS tools see in it.
 * Immutable: every edit returns a new document in which only the lines the edit is about differ, so comments,
 * blank lines, spacing, line endings, unknown keys and other sections survive byte for byte.
 */
public final class ConfigDocument {

    private final ConfigFileType type;
    private final String fileName;
    private final List<ConfigLine> lines;
    private final List<ConfigSection> sections;
    /**
     * The sections of each kind and name, in file order, built once: a look-up per profile must not walk the whole
     * file, or listing n profiles costs n * n (100,000 profiles took minutes).
     */
    private final Map<SectionKind, Map<String, List<ConfigSection>>> index = new EnumMap<>(SectionKind.class);

    ConfigDocument(ConfigFileType type, String fileName, List<ConfigLine> lines, List<ConfigSection> sections) {
        this.type = type;
        this.fileName = fileName;
        this.lines = List.copyOf(lines);
        this.sections = List.copyOf(sections);
        for (ConfigSection s : this.sections) {
            if (s.name() != null) {
                index.computeIfAbsent(s.kind(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(s.name(), n -> new ArrayList<>(1)).add(s);
            }
        }
    }

    /** Parses {@code content}; {@code fileName} only labels errors. */
    public static ConfigDocument parse(byte[] content, ConfigFileType type, String fileName)
            throws ConfigParseException {
        return ConfigParser.parse(content, type, fileName);
    }

    /** Parses {@code text}; {@code fileName} only labels errors. */
    public static ConfigDocument parse(String text, ConfigFileType type, String fileName) throws ConfigParseException {
        return ConfigParser.parse(text, type, fileName);
    }

    /** An empty file of the given type, for a file that does not exist yet. */
    public static ConfigDocument empty(ConfigFileType type, String fileName) {
        return new ConfigDocument(type, fileName, List.of(), List.of());
    }

    public ConfigFileType type() {
        return type;
    }

    public String fileName() {
        return fileName;
    }

    public List<ConfigLine> lines() {
        return lines;
    }

    /** Every section in file order, skipped ones included. */
    public List<ConfigSection> sections() {
        return sections;
    }

    /** The exact file content. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (ConfigLine line : lines) {
            sb.append(line.raw());
        }
        return sb.toString();
    }

    public byte[] toBytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    /** The sections of one kind and name, in file order. */
    public List<ConfigSection> sections(SectionKind kind, String name) {
        List<ConfigSection> found = index.getOrDefault(kind, Map.of()).get(name);
        return found == null ? List.of() : Collections.unmodifiableList(found);
    }

    /** Names of one kind, each once, in order of first appearance. */
    public List<String> names(SectionKind kind) {
        return List.copyOf(index.getOrDefault(kind, Map.of()).keySet());
    }

    public boolean has(SectionKind kind, String name) {
        return !sections(kind, name).isEmpty();
    }

    /**
     * The properties the AWS tools read for one name: its sections merged in file order, a later key replacing an
     * earlier one but keeping its place.
     */
    public Map<String, String> properties(SectionKind kind, String name) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (ConfigSection s : sections(kind, name)) {
            for (ConfigProperty p : s.properties()) {
                if (!p.ignored()) {
                    merged.put(p.key(), p.value());
                }
            }
        }
        return Collections.unmodifiableMap(merged);
    }

    /** The effective property line for {@code key} (the last one), if any. */
    public Optional<ConfigProperty> property(SectionKind kind, String name, String key) {
        ConfigProperty found = null;
        for (ConfigSection s : sections(kind, name)) {
            for (ConfigProperty p : s.properties()) {
                if (!p.ignored() && p.key().equals(key)) {
                    found = p;
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** The line ending this file uses: that of its first line, {@code \n} for a file without any. */
    public String lineEnding() {
        for (ConfigLine line : lines) {
            if (!line.terminator().isEmpty()) {
                return line.terminator();
            }
        }
        return "\n";
    }

    /**
     * The header a new section gets in this file: {@code [profile NAME]} in the config file, {@code [NAME]} in the
     * credentials file, and for {@code default} the form this config file already uses.
     */
    String header(SectionKind kind, String name) {
        if (kind == SectionKind.SSO_SESSION) {
            return "[sso-session " + name + "]";
        }
        if (kind == SectionKind.SERVICES) {
            return "[services " + name + "]";
        }
        if (type == ConfigFileType.CREDENTIALS) {
            return "[" + name + "]";
        }
        if ("default".equals(name)) {
            // Keep to how this file already writes the default profile; plain [default] is the common form.
            boolean prefixed = sections.stream().anyMatch(s -> s.kind() == SectionKind.PROFILE
                    && "default".equals(s.name()) && s.profilePrefix());
            return prefixed ? "[profile default]" : "[default]";
        }
        return "[profile " + name + "]";
    }

    /** Edits on a copy of this document; see {@link DocumentEdit}. */
    public DocumentEdit edit() {
        return new DocumentEdit(this);
    }
}
