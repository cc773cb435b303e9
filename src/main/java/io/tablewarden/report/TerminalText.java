package io.tablewarden.report;

import io.tablewarden.engine.remediation.VisibleText;

/**
 * Account data on its way to a terminal. Table and cluster names, tags, policy Sids, aliases and status texts
 * are attacker-controlled; written raw, an escape sequence in them could clear the screen, set the window title
 * or hide lines, and a bidirectional override could reorder what the analyst reads. Every such value passes
 * through {@link #clean(String)}, which shows those characters as text ({@code \e}, {@code \a}, {@code \0},
 * {@code \n}, backslash-u and hex digits for U+202E) instead of sending them. The newlines a report writes
 * itself are added after cleaning and are not affected.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /** {@code value} with every control and bidirectional character made visible; null becomes "". */
    public static String clean(String value) {
        return value == null ? "" : VisibleText.of(value);
    }
}
