package io.tablewarden.profiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Line-level edits of a {@link ConfigDocument}. Each edit touches only the lines it is about: a changed value
 * keeps the spacing before it and any trailing comment goes with the old value; a new key goes after the last
 * property of the section; a new section goes at the end of the file, after one blank line, written in the style
 * of the file's last property. After every edit the text is parsed again and checked to read back as intended,
 * so an edit can never leave a broken file.
 */
public final class DocumentEdit {

    private ConfigDocument document;

    DocumentEdit(ConfigDocument document) {
        this.document = document;
    }

    /** The document with every edit so far. */
    public ConfigDocument result() {
        return document;
    }

    /**
     * Sets {@code key} in the named section: replaces the value of the effective line, or adds a line when the key
     * is absent. Creates the section when there is none.
     */
    public DocumentEdit set(SectionKind kind, String name, String key, String value) {
        checkName(key);
        checkValue(value);
        List<ConfigSection> sections = document.sections(kind, name);
        if (sections.isEmpty()) {
            return addSection(kind, name, Map.of(key, value));
        }
        List<ConfigLine> lines = new ArrayList<>(document.lines());
        ConfigProperty existing = document.property(kind, name, key).orElse(null);
        if (existing != null) {
            ConfigLine old = lines.get(existing.firstLine());
            String text = old.text();
            int equals = text.indexOf('=');
            int valueStart = equals + 1;
            while (valueStart < text.length() && (text.charAt(valueStart) == ' ' || text.charAt(valueStart) == '\t')) {
                valueStart++;
            }
            // A value that was empty takes the usual single space after '='.
            String prefix = valueStart == text.length() && valueStart == equals + 1 ? text + " " : text.substring(0,
                    valueStart);
            String terminator = lines.get(existing.lastLine()).terminator();
            lines.subList(existing.firstLine(), existing.lastLine() + 1).clear();
            lines.add(existing.firstLine(), line(prefix + value, terminator));
        } else {
            ConfigSection last = sections.get(sections.size() - 1);
            insertAfter(lines, last.lastContentLine(), key + separator(last) + value);
        }
        return apply(lines, kind, name, key, value);
    }

    /** Removes every line of {@code key} (with its continuations) from the named sections. */
    public DocumentEdit remove(SectionKind kind, String name, String key) {
        List<ConfigLine> lines = new ArrayList<>(document.lines());
        List<ConfigSection> sections = document.sections(kind, name);
        for (int i = sections.size() - 1; i >= 0; i--) {
            List<ConfigProperty> properties = sections.get(i).properties();
            for (int j = properties.size() - 1; j >= 0; j--) {
                ConfigProperty p = properties.get(j);
                if (p.key().equals(key) && !p.ignored()) {
                    keepFinalTerminator(lines, p.firstLine(), p.lastLine());
                    lines.subList(p.firstLine(), p.lastLine() + 1).clear();
                }
            }
        }
        return apply(lines, kind, name, key, null);
    }

    /** Appends a new section with {@code properties} (in map order) at the end of the file. */
    public DocumentEdit addSection(SectionKind kind, String name, Map<String, String> properties) {
        checkName(name);
        if (document.has(kind, name)) {
            throw new IllegalArgumentException(name + " already exists in " + document.fileName());
        }
        List<ConfigLine> lines = new ArrayList<>(document.lines());
        String eol = document.lineEnding();
        if (!lines.isEmpty()) {
            int last = lines.size() - 1;
            if (lines.get(last).terminator().isEmpty()) {
                lines.set(last, line(lines.get(last).text(), eol));
            }
            if (lines.get(last).kind() != ConfigLine.Kind.BLANK) {
                lines.add(line("", eol));
            }
        }
        lines.add(line(document.header(kind, name), eol));
        String separator = fileSeparator();
        for (Map.Entry<String, String> e : properties.entrySet()) {
            checkName(e.getKey());
            checkValue(e.getValue());
            lines.add(line(e.getKey() + separator + e.getValue(), eol));
        }
        document = reparse(lines);
        for (Map.Entry<String, String> e : properties.entrySet()) {
            verify(kind, name, e.getKey(), e.getValue());
        }
        return this;
    }

    /**
     * Removes every section of this name (in the config file, with the plain {@code [default]} sections a
     * {@code [profile default]} overrides): from its header to its last property, and the blank lines that
     * separated it from what follows. Comments after its last property stay: they usually introduce the next
     * section.
     */
    public DocumentEdit removeSection(SectionKind kind, String name) {
        List<ConfigLine> lines = new ArrayList<>(document.lines());
        List<ConfigSection> sections = new ArrayList<>(document.sections(kind, name));
        // Plain [default] sections shadowed by [profile default] would come back to life: they go too.
        sections.addAll(shadowedDefaults(kind, name));
        sections.sort(java.util.Comparator.comparingInt(ConfigSection::headerLine));
        for (int i = sections.size() - 1; i >= 0; i--) {
            ConfigSection s = sections.get(i);
            int from = s.headerLine();
            int to = s.lastContentLine() + 1;
            while (to < s.endLine() && lines.get(to).kind() == ConfigLine.Kind.BLANK) {
                to++;
            }
            if (to == lines.size()) {
                // At the end of the file, the blank lines that separated it from the previous section go too.
                while (from > 0 && lines.get(from - 1).kind() == ConfigLine.Kind.BLANK) {
                    from--;
                }
            }
            keepFinalTerminator(lines, from, to - 1);
            lines.subList(from, to).clear();
        }
        document = reparse(lines);
        if (document.has(kind, name)) {
            throw new IllegalStateException("could not remove " + name + " from " + document.fileName());
        }
        return this;
    }

    /**
     * Renames every section of {@code from} in place, keeping each header's spacing and trailing comment. In the
     * config file a renamed {@code [default]} gets the {@code profile } prefix that other names need.
     */
    public DocumentEdit renameSection(SectionKind kind, String from, String to) {
        checkName(to);
        if (document.has(kind, to)) {
            throw new IllegalArgumentException(to + " already exists in " + document.fileName());
        }
        if (!shadowedDefaults(kind, from).isEmpty()) {
            throw new IllegalArgumentException("the file also has [default] sections that [profile default] "
                    + "overrides; they would take its place: merge or delete them first");
        }
        List<ConfigLine> lines = new ArrayList<>(document.lines());
        for (ConfigSection s : document.sections(kind, from)) {
            ConfigLine header = lines.get(s.headerLine());
            String text = header.text();
            int close = closingBracket(text);
            int end = close;
            while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            int start = end - from.length();
            if (start < 0 || !text.substring(start, end).equals(from)) {
                throw new IllegalStateException("unexpected header on line " + (s.headerLine() + 1));
            }
            // Only default may go without the prefix in the config file: [default] renamed becomes [profile NEW].
            boolean addPrefix = document.type() == ConfigFileType.CONFIG && kind == SectionKind.PROFILE
                    && !s.profilePrefix() && !"default".equals(to);
            String replacement = addPrefix ? "profile " + to : to;
            lines.set(s.headerLine(), line(text.substring(0, start) + replacement + text.substring(end),
                    header.terminator()));
        }
        document = reparse(lines);
        if (document.has(kind, from) || !document.has(kind, to)) {
            throw new IllegalStateException("could not rename " + from + " in " + document.fileName());
        }
        return this;
    }

    private List<ConfigSection> shadowedDefaults(SectionKind kind, String name) {
        List<ConfigSection> shadowed = new ArrayList<>();
        if (kind == SectionKind.PROFILE && "default".equals(name) && document.type() == ConfigFileType.CONFIG) {
            for (ConfigSection s : document.sections()) {
                if (s.kind() == SectionKind.IGNORED && "default".equals(s.name()) && !s.profilePrefix()) {
                    shadowed.add(s);
                }
            }
        }
        return shadowed;
    }

    private static int closingBracket(String header) {
        int cut = header.length();
        for (char marker : new char[] {'#', ';'}) {
            int at = header.indexOf(marker);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return header.lastIndexOf(']', cut - 1);
    }

    /** The style of the last property in the file, for a new section; {@code key = value} in an empty file. */
    private String fileSeparator() {
        List<ConfigSection> sections = document.sections();
        for (int i = sections.size() - 1; i >= 0; i--) {
            if (!sections.get(i).properties().isEmpty()) {
                return separator(sections.get(i));
            }
        }
        return " = ";
    }

    /** Follows the section's own style: {@code key=value} when its last property is written that way. */
    private String separator(ConfigSection section) {
        for (int i = section.properties().size() - 1; i >= 0; i--) {
            ConfigProperty p = section.properties().get(i);
            String text = document.lines().get(p.firstLine()).text();
            int equals = text.indexOf('=');
            if (equals > 0) {
                boolean spaceBefore = Character.isWhitespace(text.charAt(equals - 1));
                boolean spaceAfter = equals + 1 < text.length() && Character.isWhitespace(text.charAt(equals + 1));
                return (spaceBefore ? " " : "") + "=" + (spaceAfter || equals + 1 == text.length() ? " " : "");
            }
        }
        return " = ";
    }

    private void insertAfter(List<ConfigLine> lines, int index, String text) {
        ConfigLine before = lines.get(index);
        if (before.terminator().isEmpty()) {
            // The file ends here without a newline: the new line becomes the last one and keeps that.
            lines.set(index, line(before.text(), document.lineEnding()));
            lines.add(index + 1, line(text, ""));
        } else {
            lines.add(index + 1, line(text, document.lineEnding()));
        }
    }

    /** When the last lines of a file go, the new last line keeps the file's "no final newline" state. */
    private static void keepFinalTerminator(List<ConfigLine> lines, int from, int to) {
        if (to == lines.size() - 1 && from > 0 && lines.get(to).terminator().isEmpty()) {
            ConfigLine previous = lines.get(from - 1);
            lines.set(from - 1, line(previous.text(), ""));
        }
    }

    private DocumentEdit apply(List<ConfigLine> lines, SectionKind kind, String name, String key, String value) {
        document = reparse(lines);
        verify(kind, name, key, value);
        return this;
    }

    private void verify(SectionKind kind, String name, String key, String expected) {
        String actual = document.properties(kind, name).get(key);
        if (expected == null ? actual != null : !expected.equals(actual)) {
            throw new IllegalArgumentException("the value of " + key + " would not read back as written");
        }
    }

    private ConfigDocument reparse(List<ConfigLine> lines) {
        StringBuilder sb = new StringBuilder();
        for (ConfigLine l : lines) {
            sb.append(l.raw());
        }
        try {
            return ConfigParser.parse(sb.toString(), document.type(), document.fileName());
        } catch (ConfigParseException e) {
            throw new IllegalStateException("an edit would break " + document.fileName() + ": " + e.reason(), e);
        }
    }

    private static ConfigLine line(String text, String terminator) {
        return new ConfigLine(ConfigLine.classify(text), text, terminator);
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty() || !ConfigParser.valid(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a valid name: use letters, digits and - / . % @ _ : +");
        }
    }

    /** Values are single-line and must not start or end with blanks, which the AWS tools would trim away. */
    private static void checkValue(String value) {
        if (value == null || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || !value.equals(value.trim())) {
            throw new IllegalArgumentException("a value must be one line without leading or trailing blanks");
        }
    }
}
