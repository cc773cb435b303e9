package io.tablewarden.engine.remediation;

import java.nio.charset.StandardCharsets;

/**
 * Turns a value into one bash word that stands for exactly that value, whatever it contains: a command
 * substitution, backticks, quotes, newlines or terminal escapes are data, never code, and the word never spans
 * two lines (so a value inside a comment cannot end the comment).
 *
 * <ul>
 *   <li>a non-empty value of letters, digits and {@code _ . , : / @ % + -} stays bare;</li>
 *   <li>otherwise it is single-quoted, each {@code '} written as {@code '\''} (POSIX);</li>
 *   <li>a value holding characters that {@link VisibleText#isHidden(int)} names (newlines, escape sequences,
 *       bidirectional overrides) uses bash's {@code $'...'} form with those characters as {@code \xHH} bytes of
 *       their UTF-8 encoding, so the pasted line shows them instead of acting on them.</li>
 * </ul>
 * A NUL character cannot be part of any command-line argument: {@link #word(String)} refuses such a value.
 */
public final class ShellWords {

    private ShellWords() {
    }

    /** True when {@code value} can be passed as an argument, that is, has no NUL character. */
    public static boolean representable(String value) {
        return value.indexOf('\0') < 0;
    }

    /** The bash word for {@code value}; {@link IllegalArgumentException} when it holds a NUL character. */
    public static String word(String value) {
        if (!representable(value)) {
            throw new IllegalArgumentException("a NUL character cannot be passed as a shell argument");
        }
        String text = VisibleText.wellFormed(value);
        if (!text.isEmpty() && text.chars().allMatch(ShellWords::bare)) {
            return text;
        }
        if (text.chars().noneMatch(VisibleText::isHidden)) {
            return "'" + text.replace("'", "'\\''") + "'";
        }
        StringBuilder out = new StringBuilder("$'");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (VisibleText.isHidden(c)) {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    out.append(String.format("\\x%02x", b & 0xff));
                }
            } else if (c == '\\' || c == '\'') {
                out.append('\\').append(c);
            } else if (c == '!') {
                // an interactive shell must not see a history expansion in the pasted line
                out.append("\\x21");
            } else {
                out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    /**
     * An option and its value as the AWS CLI reads them: {@code --name value}, or {@code --name=value} when the
     * value starts with '-' (a separate word starting with '-' would be read as an option of its own).
     */
    public static String option(String name, String value) {
        return "--" + name + (value.startsWith("-") ? "=" : " ") + word(value);
    }

    private static boolean bare(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "_.,:/@%+-".indexOf(c) >= 0;
    }
}
