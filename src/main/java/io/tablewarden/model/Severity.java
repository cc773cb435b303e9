package io.tablewarden.model;

import java.util.Locale;

/** Severity as used in check metadata, OCSF and Security Hub. */
public enum Severity {
    INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL;

    public String lower() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
