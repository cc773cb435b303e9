package io.tablewarden.engine.remediation;

/**
 * A value as literal Markdown text inside a console step: hidden characters are first made visible
 * ({@link VisibleText}), then every character that could start Markdown syntax (emphasis, code, links, images,
 * raw HTML, entity references, tables, strikethrough) is backslash-escaped, as are the characters that would
 * make a heading, list or block quote if the value began a line. The result renders as the value's text and
 * never as markup or HTML.
 */
public final class MarkdownText {

    /** Inline syntax: escaped wherever it appears. */
    private static final String INLINE = "\\`*_{}[]()<>!|~&#";
    /** Block syntax: escaped at the start of the value. */
    private static final String LINE_START = "-+=";

    private MarkdownText() {
    }

    /** The escaped Markdown text of {@code value}. */
    public static String text(String value) {
        String visible = VisibleText.of(value);
        StringBuilder out = new StringBuilder(visible.length() + 8);
        int digits = 0;
        for (int i = 0; i < visible.length(); i++) {
            char c = visible.charAt(i);
            boolean orderedListMark = (c == '.' || c == ')') && digits == i && i > 0;
            // an underscore between two letters or digits can neither open nor close emphasis: orders_v2 stays
            boolean intraword = c == '_' && i > 0 && i + 1 < visible.length()
                    && asciiAlphanumeric(visible.charAt(i - 1)) && asciiAlphanumeric(visible.charAt(i + 1));
            if ((INLINE.indexOf(c) >= 0 && !intraword) || (i == 0 && LINE_START.indexOf(c) >= 0) || orderedListMark) {
                out.append('\\');
            }
            out.append(c);
            if (c >= '0' && c <= '9' && digits == i) {
                digits++;
            }
        }
        return out.toString();
    }

    private static boolean asciiAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
