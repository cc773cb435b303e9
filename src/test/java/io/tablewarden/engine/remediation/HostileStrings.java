package io.tablewarden.engine.remediation;

import java.util.List;
import java.util.Random;

/**
 * Random attacker-chosen strings for the escaper properties: pieces of shell, YAML, HCL, Markdown and HTML syntax,
 * terminal escape sequences, bidirectional overrides, newlines, NUL, lone surrogates and random code points from
 * the whole Unicode range, glued together. A seeded {@link Random} makes every run reproducible; a failing
 * assertion names the value.
 */
public final class HostileStrings {

    /** File the hostile pieces try to create; a test asserts it never appears. */
    public static final String MARKER = "pwned";

    static final List<String> PIECES = List.of(
            "'", "\"", "$(touch " + MARKER + ")", "`touch " + MARKER + "`", "; touch " + MARKER,
            "'; touch " + MARKER + "; '", "\"; touch " + MARKER + "; \"", "\ntouch " + MARKER + "\n", "\r\n", "\t",
            "\0", "${x}", "${", "%{", "$${", "%%{y}", "\\", "\\'", "!", "!!", "!-1", "#", " # ", ": ", "- ", "---",
            "{{region}}", "{{", "}}", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&amp;", "&#60;",
            "*", "_", "**", "[x](http://e.example)", "![i](http://e.example)", "`", "|", "~~", "\u001b[2J",
            "\u001b]0;title\u0007", "\u009b31m", "\u202e", "\u2066", "\u200f", "\u061c", "\u2028", "\u0085",
            "\u007f", "\u00e9", "\uD83D\uDE00", "\uD800", "\uDFFF", "=HYPERLINK(\"http://x\")", "--debug", "-", "~",
            "*.json", "a b", "$HOME", "$1", "\\n", "\\u0041", "%s", "&", "@", "{", "}", "[", "]", "(", ")", "<", ">",
            "1.", "+", "=", "\ufeff", "\uffff", " ", "  ", "\u00a0");

    private HostileStrings() {
    }

    /** A hostile string, possibly empty. */
    public static String next(Random random) {
        StringBuilder out = new StringBuilder();
        int parts = random.nextInt(7);
        for (int i = 0; i < parts; i++) {
            if (random.nextInt(3) == 0) {
                out.appendCodePoint(codePoint(random));
            } else {
                out.append(PIECES.get(random.nextInt(PIECES.size())));
            }
        }
        return out.toString();
    }

    /** A hostile string without NUL, which no command-line argument can hold. */
    public static String nextWithoutNul(Random random) {
        return next(random).replace("\0", "");
    }

    private static int codePoint(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> random.nextInt(0x20);
            case 1 -> 0x7f + random.nextInt(0x21);
            case 2 -> 0x20 + random.nextInt(0x5f);
            case 3 -> {
                int c = random.nextInt(0x10000);
                yield Character.isSurrogate((char) c) ? 'x' : c;
            }
            default -> 0x10000 + random.nextInt(0x100000);
        };
    }
}
