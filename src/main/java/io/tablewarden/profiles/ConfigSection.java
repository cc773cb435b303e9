package io.tablewarden.profiles;

import java.util.List;

/**
 * One section header and the lines under it, up to the next header. A name may have several sections in one
 * file; the AWS tools merge them, later keys winning.
 *
 * @param kind          what the header declares
 * @param name          the profile, session or services name ({@code null} only when it could not be read)
 * @param profilePrefix the header says {@code profile NAME} rather than {@code NAME}
 * @param headerLine    index of the header line (0-based)
 * @param endLine       index after the last line of the section (the next header or the end of the file)
 * @param properties    the properties in file order
 */
public record ConfigSection(SectionKind kind, String name, boolean profilePrefix, int headerLine, int endLine,
                            List<ConfigProperty> properties) {

    public ConfigSection {
        properties = List.copyOf(properties);
    }

    /** Index of the last property or continuation line, or the header when the section is empty. */
    public int lastContentLine() {
        int last = headerLine;
        for (ConfigProperty p : properties) {
            last = Math.max(last, p.lastLine());
        }
        return last;
    }
}
