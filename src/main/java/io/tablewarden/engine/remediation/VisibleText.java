package io.tablewarden.engine.remediation;

/**
 * Makes characters that change how text is displayed visible as plain text: C0 and C1 control characters
 * (escape sequences, bell, NUL, carriage return, newline), DEL, the bidirectional overrides, embeddings,
 * isolates and marks that reorder what a reader sees, and the Unicode line and paragraph separators. Each
 * becomes a short escape such as {@code \e}, {@code \n}, {@code \x9B}, or a backslash, {@code u} and four hex
 * digits for U+202E, so an analyst sees that something was there instead of having the terminal or viewer act
 * on it. A lone UTF-16 surrogate, which no UTF-8 output can carry, becomes U+FFFD. Everything else, including other non-ASCII text, is kept as it is.
 */
public final class VisibleText {

    private VisibleText() {
    }

    /** The text with every character that {@link #isHidden(int)} names replaced by its visible escape. */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        String wellFormed = wellFormed(text);
        StringBuilder out = null;
        for (int i = 0; i < wellFormed.length(); i++) {
            char c = wellFormed.charAt(i);
            if (isHidden(c)) {
                if (out == null) {
                    out = new StringBuilder(wellFormed.length() + 16).append(wellFormed, 0, i);
                }
                out.append(escape(c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? wellFormed : out.toString();
    }

    /**
     * True for C0 controls, DEL, C1 controls, the bidirectional formatting characters (U+061C, U+200E, U+200F,
     * U+202A to U+202E, U+2066 to U+2069) and the line and paragraph separators U+2028 and U+2029.
     */
    public static boolean isHidden(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || isBidi(c) || c == 0x2028 || c == 0x2029;
    }

    /** The bidirectional marks, embeddings, overrides and isolates. */
    public static boolean isBidi(int c) {
        return c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069);
    }

    /** The visible form of one hidden character: {@code \e}, {@code \n}, {@code \x7F}, or backslash-u and four hex digits. */
    public static String escape(char c) {
        return switch (c) {
            case 0 -> "\\0";
            case 7 -> "\\a";
            case '\b' -> "\\b";
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case 0x0b -> "\\v";
            case '\f' -> "\\f";
            case '\r' -> "\\r";
            case 0x1b -> "\\e";
            default -> c <= 0xff ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c);
        };
    }

    /** How one character is written by an escaper: its escape, or null to keep it as it is. */
    interface CharRule {
        String escape(char c);
    }

    /** {@code text}, made well-formed, with every character written by {@code rule}. */
    static String escapeEach(String text, CharRule rule) {
        String wellFormed = wellFormed(text);
        StringBuilder out = new StringBuilder(wellFormed.length() + 8);
        for (int i = 0; i < wellFormed.length(); i++) {
            char c = wellFormed.charAt(i);
            String escaped = rule.escape(c);
            if (escaped == null) {
                out.append(c);
            } else {
                out.append(escaped);
            }
        }
        return out.toString();
    }

    /** The text with each lone surrogate replaced by U+FFFD, so that it can be written as UTF-8 unchanged. */
    public static String wellFormed(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lone = Character.isHighSurrogate(c)
                    ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            if (lone && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(lone ? '\uFFFD' : c);
            }
        }
        return out == null ? text : out.toString();
    }
}
