package io.tablewarden.engine.remediation;

/**
 * The inside of a JSON string, for a value placed in a JSON document that a snippet passes to a command (a policy
 * or a backup selection): quotes and backslashes are escaped, and every control or bidirectional character
 * becomes a backslash-u escape, so the value can neither end the string nor add members to the document.
 */
public final class JsonStrings {

    private JsonStrings() {
    }

    /** The escaped text to put between the double quotes of a JSON string. */
    public static String content(String value) {
        return VisibleText.escapeEach(value, c -> {
            if (c == '"' || c == '\\') {
                return "\\" + c;
            }
            return VisibleText.isHidden(c) ? String.format("\\u%04x", (int) c) : null;
        });
    }
}
