package io.tablewarden.profiles;

/**
 * A shared config or credentials file that the AWS tools themselves would reject. Such a file is shown to the
 * user as it is and never rewritten.
 */
public final class ConfigParseException extends Exception {

    private final String file;
    private final int line;
    private final String reason;

    /**
     * @param file   the file name as shown to the user
     * @param line   1-based line number
     * @param reason what is wrong, in a few words
     */
    public ConfigParseException(String file, int line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
