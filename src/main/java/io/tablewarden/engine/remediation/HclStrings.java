package io.tablewarden.engine.remediation;

/**
 * The inside of an HCL (Terraform) quoted string: a snippet writes {@code "{{token}}"} and this fills the space
 * between the quotes. Quotes and backslashes are escaped, the template sequences <code>${</code> and <code>%{</code> are
 * written <code>$${</code> and <code>%%{</code> so that they stay literal text, newline, carriage return and tab use
 * {@code \n}, {@code \r}, {@code \t}, and other control or bidirectional characters a backslash-u escape. The
 * result is one line, so a value inside a comment stays within that comment.
 */
public final class HclStrings {

    private HclStrings() {
    }

    /** The escaped text to put between double quotes. */
    public static String content(String value) {
        String text = VisibleText.wellFormed(value);
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean opensTemplate = (c == '$' || c == '%') && i + 1 < text.length() && text.charAt(i + 1) == '{';
            if (opensTemplate) {
                out.append(c).append(c).append('{');
                i++;
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (VisibleText.isHidden(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
