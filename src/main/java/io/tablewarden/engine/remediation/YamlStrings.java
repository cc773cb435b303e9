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
        String text = VisibleText.wellFormed(value);
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (VisibleText.isHidden(c) || c == '\uFEFF' || c == '\uFFFE' || c == '\uFFFF') {
                // VisibleText's escapes are YAML escapes as well (\0 \a \b \t \n \v \f \r \e \xHH and \\u)
                out.append(VisibleText.escape(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
