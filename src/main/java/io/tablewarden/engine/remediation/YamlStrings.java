package io.tablewarden.engine.remediation;

/**
 * The inside of a YAML double-quoted scalar: a snippet writes {@code "{{token}}"} and this fills the space
 * between the quotes. Quotes and backslashes are escaped, and control, bidirectional and separator characters
 * use YAML's escapes ({@code \n}, {@code \e}, {@code \xHH}, backslash-u), so the scalar parses back to exactly the
 * value and stays on one line, which also keeps a value inside a comment within that comment.
 */
public final class YamlStrings {

    private YamlStrings() {
    }

    /** The escaped text to put between double quotes. */
    public static String content(String value) {
        return VisibleText.escapeEach(value, c -> {
            if (c == '"' || c == '\\') {
                return "\\" + c;
            }
            // VisibleText's escapes are YAML escapes as well (\0 \a \b \t \n \v \f \r \e \xHH and \\u)
            boolean escaped = VisibleText.isHidden(c) || c == '\uFEFF' || c == '\uFFFE' || c == '\uFFFF';
            return escaped ? VisibleText.escape(c) : null;
        });
    }
}
