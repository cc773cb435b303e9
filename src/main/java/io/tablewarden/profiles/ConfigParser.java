package io.tablewarden.profiles;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a shared config or credentials file with the rules of the AWS SDKs (the SDK for Java 2.x
 * {@code ProfileFileReader} in particular): which lines are comments, which headers are skipped, where a
 * trailing comment starts, when a line is an error. On top of those, a repeated section or key is an error, as it
 * is for the AWS CLI (see ADR 5). Every line is kept so the document can be written back unchanged.
 */
final class ConfigParser {

    /** The characters the SDKs accept in profile, section and property names. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_\\-/.%@:+]*");

    private final ConfigFileType type;
    private final String fileName;
    private final List<ConfigLine> lines = new ArrayList<>();
    private final List<ConfigSection> sections = new ArrayList<>();

    // The section being read: its header fields and properties so far.
    private SectionKind sectionKind;
    private String sectionName;
    private boolean sectionPrefix;
    private int sectionHeader = -1;
    private List<ConfigProperty> sectionProperties = new ArrayList<>();

    /**
     * The AWS CLI's reading of the file (Python's {@code configparser} in strict mode) refuses a section header
     * written twice and a key written twice in one section, whatever the SDKs make of them: the 1-based line of
     * each header text seen, and of each key (lower case, as the CLI compares them) under the current header.
     */
    private final Map<String, Integer> headerLines = new HashMap<>();
    private final Map<String, Map<String, Integer>> keyLines = new HashMap<>();
    private String header;

    /** Whether a valid section has been seen; properties before one are an error. */
    private boolean seenValidSection;
    /** The property that continuation lines extend, or -1. */
    private int currentProperty = -1;
    /** Its continuations must read as {@code key = value} because the property itself has an empty value. */
    private boolean subProperties;

    private ConfigParser(ConfigFileType type, String fileName) {
        this.type = type;
        this.fileName = fileName;
    }

    /** Decodes UTF-8 strictly: a file that is not text is not ours to rewrite. */
    static ConfigDocument parse(byte[] content, ConfigFileType type, String fileName) throws ConfigParseException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigParseException(fileName, 1, "the file is not UTF-8 text");
        }
        return parse(text, type, fileName);
    }

    static ConfigDocument parse(String text, ConfigFileType type, String fileName) throws ConfigParseException {
        ConfigParser parser = new ConfigParser(type, fileName);
        parser.split(text);
        for (int i = 0; i < parser.lines.size(); i++) {
            parser.read(i);
        }
        parser.closeSection(parser.lines.size());
        return new ConfigDocument(type, fileName, parser.lines, supersedeDefault(type, parser.sections));
    }

    /** Splits on {@code \n}, {@code \r\n} and a lone {@code \r}, like {@code BufferedReader.readLine}. */
    private void split(String text) {
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                int end = (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') ? i + 2 : i + 1;
                String line = text.substring(start, i);
                lines.add(new ConfigLine(ConfigLine.classify(line), line, text.substring(i, end)));
                start = end;
                i = end;
            } else {
                i++;
            }
        }
        if (start < text.length()) {
            String line = text.substring(start);
            lines.add(new ConfigLine(ConfigLine.classify(line), line, ""));
        }
    }

    private void read(int index) throws ConfigParseException {
        ConfigLine line = lines.get(index);
        switch (line.kind()) {
            case BLANK:
            case COMMENT:
                return;
            case SECTION:
                readHeader(index, line.text());
                return;
            case CONTINUATION:
                readContinuation(index, line.text());
                return;
            default:
                readProperty(index, line.text());
        }
    }

    private void readHeader(int index, String text) throws ConfigParseException {
        closeSection(index);
        // A header may carry a comment right after the bracket, without a space.
        String stripped = cutComment(text, "#", ";").trim();
        if (!stripped.endsWith("]") || stripped.length() < 2) {
            throw error(index, "section header has no closing ']'");
        }
        String inner = stripped.substring(1, stripped.length() - 1).trim();
        requireNewHeader(index, stripped.substring(1, stripped.length() - 1));
        sectionHeader = index;
        sectionProperties = new ArrayList<>();
        sectionPrefix = false;
        currentProperty = -1;
        String special = specialPrefix(inner);
        if (special != null) {
            sectionName = inner.substring(special.length()).trim();
            sectionKind = type == ConfigFileType.CONFIG && valid(sectionName)
                    ? ("sso-session".equals(special) ? SectionKind.SSO_SESSION : SectionKind.SERVICES)
                    : SectionKind.IGNORED;
        } else {
            sectionPrefix = inner.startsWith("profile ") || inner.startsWith("profile\t");
            if (type == ConfigFileType.CREDENTIALS) {
                sectionName = inner;
                sectionKind = valid(inner) ? SectionKind.PROFILE : SectionKind.IGNORED;
            } else if (sectionPrefix) {
                sectionName = inner.substring("profile".length()).trim();
                sectionKind = valid(sectionName) ? SectionKind.PROFILE : SectionKind.IGNORED;
            } else {
                sectionName = inner;
                sectionKind = "default".equals(inner) ? SectionKind.PROFILE : SectionKind.IGNORED;
            }
        }
        if (sectionKind != SectionKind.IGNORED) {
            seenValidSection = true;
        }
    }

    /**
     * The CLI compares headers by their exact text between the brackets; {@code [DEFAULT]} is its one header that
     * may repeat (its keys still may not).
     */
    private void requireNewHeader(int index, String text) throws ConfigParseException {
        Integer first = headerLines.putIfAbsent(text, index + 1);
        if (first != null && !"DEFAULT".equals(text)) {
            throw error(index, "duplicate section [" + text + "] (first on line " + first
                    + "); the AWS CLI refuses a file that repeats a section");
        }
        header = text;
    }

    /** A key is the text before the first {@code =} or {@code :}, compared in lower case, as the CLI does. */
    private void requireNewKey(int index, String text) throws ConfigParseException {
        if (header == null) {
            return;
        }
        int cut = text.length();
        for (char delimiter : new char[] {'=', ':'}) {
            int at = text.indexOf(delimiter);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        if (cut == text.length()) {
            return;
        }
        String key = text.substring(0, cut).trim().toLowerCase(Locale.ROOT);
        Integer first = keyLines.computeIfAbsent(header, h -> new HashMap<>()).putIfAbsent(key, index + 1);
        if (first != null) {
            throw error(index, "duplicate key " + key + " in [" + header + "] (first on line " + first
                    + "); the AWS CLI refuses a file that repeats a key");
        }
    }

    private static String specialPrefix(String inner) {
        for (String prefix : new String[] {"sso-session", "services"}) {
            if (inner.startsWith(prefix + " ") || inner.startsWith(prefix + "\t")) {
                return prefix;
            }
        }
        return null;
    }

    private void readProperty(int index, String text) throws ConfigParseException {
        if (sectionKind == SectionKind.IGNORED) {
            // The SDKs skip everything in a skipped section; only the CLI's duplicate rule reaches into it.
            requireNewKey(index, text);
            sectionProperties.add(new ConfigProperty(keyOrText(text), "", index, index, true));
            currentProperty = sectionProperties.size() - 1;
            return;
        }
        if (!seenValidSection) {
            throw error(index, "property outside of any section");
        }
        // A comment after a value needs whitespace before it; "a#b" is a value.
        String stripped = cutComment(text, " #", " ;", "\t#", "\t;").trim();
        int equals = stripped.indexOf('=');
        if (equals < 0) {
            throw error(index, "expected 'name = value'");
        }
        String key = stripped.substring(0, equals).trim();
        if (key.isEmpty()) {
            throw error(index, "property has no name");
        }
        requireNewKey(index, stripped);
        String value = stripped.substring(equals + 1).trim();
        sectionProperties.add(new ConfigProperty(key, value, index, index, !valid(key)));
        currentProperty = sectionProperties.size() - 1;
        subProperties = value.isEmpty();
    }

    private void readContinuation(int index, String text) throws ConfigParseException {
        if (sectionKind == SectionKind.IGNORED || (currentProperty >= 0
                && sectionProperties.get(currentProperty).ignored())) {
            if (currentProperty >= 0) {
                extend(index, "");
            }
            return;
        }
        if (!seenValidSection || currentProperty < 0) {
            throw error(index, "indented line does not continue a property");
        }
        // Comments are not cut on continuation lines: they are part of the value.
        String part = text.trim();
        if (subProperties) {
            int equals = part.indexOf('=');
            if (equals < 0) {
                throw error(index, "expected 'name = value' in a nested property");
            }
            if (part.substring(0, equals).trim().isEmpty()) {
                throw error(index, "nested property has no name");
            }
        }
        extend(index, part);
    }

    private void extend(int index, String part) {
        ConfigProperty p = sectionProperties.get(currentProperty);
        String value = p.ignored() ? p.value() : p.value() + "\n" + part;
        sectionProperties.set(currentProperty, new ConfigProperty(p.key(), value, p.firstLine(), index, p.ignored()));
    }

    private void closeSection(int end) {
        if (sectionHeader >= 0) {
            sections.add(new ConfigSection(sectionKind, sectionName, sectionPrefix, sectionHeader, end,
                    sectionProperties));
        }
    }

    /**
     * In the config file {@code [profile default]} wins over {@code [default]}: once the former exists anywhere in
     * the file, every plain {@code [default]} is skipped.
     */
    private static List<ConfigSection> supersedeDefault(ConfigFileType type, List<ConfigSection> sections) {
        if (type != ConfigFileType.CONFIG || sections.stream().noneMatch(s -> s.kind() == SectionKind.PROFILE
                && "default".equals(s.name()) && s.profilePrefix())) {
            return sections;
        }
        List<ConfigSection> result = new ArrayList<>();
        for (ConfigSection s : sections) {
            boolean superseded = s.kind() == SectionKind.PROFILE && "default".equals(s.name()) && !s.profilePrefix();
            result.add(superseded ? new ConfigSection(SectionKind.IGNORED, s.name(), false, s.headerLine(),
                    s.endLine(), s.properties()) : s);
        }
        return result;
    }

    private static String keyOrText(String text) {
        int equals = text.indexOf('=');
        return (equals < 0 ? text : text.substring(0, equals)).trim();
    }

    static boolean valid(String identifier) {
        return IDENTIFIER.matcher(identifier).matches();
    }

    private static String cutComment(String line, String... markers) {
        int cut = line.length();
        for (String marker : markers) {
            int at = line.indexOf(marker);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return line.substring(0, cut);
    }

    private ConfigParseException error(int index, String reason) {
        return new ConfigParseException(fileName, index + 1, reason);
    }
}
