package io.tablewarden.engine.checks.support;

import io.tablewarden.model.Status;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one check on one resource before it becomes a result: status, the one-sentence
 * explanation, the raw fields that decided it (in display order) and check-specific placeholders.
 * The resource-level placeholders (names, ARNs, region, account) are added by the base classes.
 */
public final class Verdict {

    /** Shown for a field AWS did not return, so evidence never holds a bare null. */
    public static final String ABSENT = "(absent)";

    private final Status status;
    private final String text;
    private final Map<String, Object> evidence = new LinkedHashMap<>();
    private final Map<String, String> placeholders = new LinkedHashMap<>();
    private String cause;

    private Verdict(Status status, String text) {
        this.status = status;
        this.text = text;
    }

    public static Verdict pass(String text) {
        return new Verdict(Status.PASS, text);
    }

    public static Verdict fail(String text) {
        return new Verdict(Status.FAIL, text);
    }

    public static Verdict error(String text) {
        return new Verdict(Status.ERROR, text);
    }

    public static Verdict notApplicable(String text) {
        return new Verdict(Status.NOT_APPLICABLE, text);
    }

    public static Verdict of(boolean passed, String passText, String failText) {
        return passed ? pass(passText) : fail(failText);
    }

    /** Adds one evidence entry; a null value is recorded as {@link #ABSENT}. */
    public Verdict evidence(String key, Object value) {
        evidence.put(key, value == null ? ABSENT : value);
        return this;
    }

    /** Adds every entry of {@code entries} as evidence, keeping their order. */
    public Verdict evidence(Map<String, ?> entries) {
        entries.forEach(this::evidence);
        return this;
    }

    /** Adds a placeholder; null values are skipped because a placeholder is either known or absent. */
    public Verdict placeholder(String key, String value) {
        if (value != null) {
            placeholders.put(key, value);
        }
        return this;
    }

    /** Names the cause of a FAIL, which picks the fix for it from the check's metadata. */
    public Verdict cause(CheckCause value) {
        this.cause = value == null ? null : value.id();
        return this;
    }

    /** The cause id, or null. */
    public String cause() {
        return cause;
    }

    public Status status() {
        return status;
    }

    public String text() {
        return text;
    }

    public Map<String, Object> evidence() {
        return evidence;
    }

    public Map<String, String> placeholders() {
        return placeholders;
    }
}
