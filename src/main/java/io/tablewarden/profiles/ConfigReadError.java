package io.tablewarden.profiles;

/**
 * Why a shared file could not be used: a syntax error at a line, or an I/O failure (line 0).
 *
 * @param file   the path as shown to the user
 * @param line   1-based line of the syntax error, 0 when the file could not be read at all
 * @param reason what is wrong
 */
public record ConfigReadError(String file, int line, String reason) {

    /** {@code cannot read <file>:<line>: <reason>}, the one line the command line prints. */
    public String message() {
        return "cannot read " + file + (line > 0 ? ":" + line : "") + ": " + reason;
    }
}
