package io.tablewarden.engine.remediation;

/**
 * Reads the inside of an HCL quoted string literal the way the HCL native syntax specification defines it: the
 * escapes {@code \n \r \t \" \\}, backslash-u with four and backslash-U with eight hex digits, and the doubled
 * template sequences {@code $$} and {@code %%} before a brace. Anything that would end the string or open a
 * template (a raw quote or newline, an undoubled template sequence, an unknown escape) is an error.
 */
final class HclStringDecoder {

    private HclStringDecoder() {
    }

    static String decode(String content) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '"' || c == '\n' || c == '\r') {
                throw new IllegalArgumentException("raw " + (int) c + " at " + i);
            }
            if ((c == '$' || c == '%') && content.startsWith("{", i + 1)) {
                throw new IllegalArgumentException("template sequence opens at " + i);
            }
            if ((c == '$' || c == '%') && content.startsWith(c + "{", i + 1)) {
                out.append(c).append('{');
                i += 2;
            } else if (c == '\\') {
                char e = content.charAt(++i);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(content.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    case 'U' -> {
                        out.appendCodePoint(Integer.parseInt(content.substring(i + 1, i + 9), 16));
                        i += 8;
                    }
                    default -> throw new IllegalArgumentException("unknown escape \\" + e + " at " + i);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
