package io.tablewarden.profiles;

/**
 * One physical line of a shared config file, kept verbatim so that an unmodified document is written back byte
 * for byte.
 *
 * @param kind       what the AWS parsers take the line for
 * @param text       the line without its terminator, exactly as read
 * @param terminator {@code "\n"}, {@code "\r\n"}, {@code "\r"} or {@code ""} for a last line without one
 */
public record ConfigLine(Kind kind, String text, String terminator) {

    /** How the AWS parsers classify a line, decided by its first character. */
    public enum Kind {
        /** Only spaces and tabs. */
        BLANK,
        /** Starts with {@code #} or {@code ;} in the first column. */
        COMMENT,
        /** Starts with {@code [}. */
        SECTION,
        /** Starts with a space or a tab: continues the value of the property above (or is a sub-property). */
        CONTINUATION,
        /** Anything else: {@code key = value}. */
        PROPERTY
    }

    /** Kind and length only: a line may hold a secret, and a log line must not. */
    @Override
    public String toString() {
        return "ConfigLine[" + kind + ", " + text.length() + " chars]";
    }

    /** The line as it is stored in the file. */
    public String raw() {
        return text + terminator;
    }

    /** Classifies {@code text} the way the AWS CLI and SDKs do. */
    static Kind classify(String text) {
        if (isBlank(text)) {
            return Kind.BLANK;
        }
        char first = text.charAt(0);
        if (first == '#' || first == ';') {
            return Kind.COMMENT;
        }
        if (first == '[') {
            return Kind.SECTION;
        }
        if (first == ' ' || first == '\t') {
            return Kind.CONTINUATION;
        }
        return Kind.PROPERTY;
    }

    private static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }
}
