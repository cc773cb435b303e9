package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Type, length, enum and pattern checks on fixture values; each failure names the JSON path. */
final class FixtureChecks {

    private FixtureChecks() {
    }

    static JsonNode object(JsonNode node, String path) throws FixtureException {
        if (node == null || !node.isObject()) {
            throw new FixtureException(path, "must be an object, got " + describe(node));
        }
        return node;
    }

    static JsonNode requiredObject(JsonNode parent, String field, String path) throws FixtureException {
        return object(parent.get(field), path + "." + field);
    }

    static JsonNode optionalObject(JsonNode parent, String field, String path) throws FixtureException {
        JsonNode v = parent.get(field);
        return v == null || v.isNull() ? null : object(v, path + "." + field);
    }

    static JsonNode optionalArray(JsonNode parent, String field, String path) throws FixtureException {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw new FixtureException(path + "." + field, "must be an array, got " + describe(v));
        }
        return v;
    }

    static String requiredText(JsonNode parent, String field, String path) throws FixtureException {
        JsonNode v = parent.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new FixtureException(path + "." + field, "must be a non-empty string, got " + describe(v));
        }
        return v.asText();
    }

    /** A string or null/absent; returns the string or null. */
    static String optionalText(JsonNode parent, String field, String path) throws FixtureException {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new FixtureException(path + "." + field, "must be a string, got " + describe(v));
        }
        return v.asText();
    }

    /** An optional string whose length in characters lies in [min, max]. */
    static String text(JsonNode parent, String field, String path, int min, int max) throws FixtureException {
        String v = optionalText(parent, field, path);
        if (v != null) {
            length(v, path + "." + field, min, max);
        }
        return v;
    }

    static void length(String value, String path, int min, int max) throws FixtureException {
        int n = value.codePointCount(0, value.length());
        if (n < min || n > max) {
            throw new FixtureException(path, "must be " + min + " to " + max + " characters long, got " + n);
        }
    }

    /** An optional string that must be one of {@code values} (AWS's enum, from the service model). */
    static void enumValue(JsonNode parent, String field, String path, Set<String> values) throws FixtureException {
        String v = optionalText(parent, field, path);
        if (v != null && !values.contains(v)) {
            String near = FixtureKeys.nearest(v, values);
            throw new FixtureException(path + "." + field, "\"" + v + "\" is not one of "
                    + String.join(", ", new java.util.TreeSet<>(values)) + (near != null ? "; did you mean " + near
                    + "?" : ""));
        }
    }

    /** An optional integer of at least {@code min} (no fraction, no string). */
    static void integer(JsonNode parent, String field, String path, long min) throws FixtureException {
        JsonNode v = parent.get(field);
        if (v != null && !v.isNull() && !(v.isIntegralNumber() && v.canConvertToLong() && v.asLong() >= min)) {
            throw new FixtureException(path + "." + field, "must be an integer of at least " + min + ", got "
                    + describe(v));
        }
    }

    /** An optional number (integer or not). */
    static void number(JsonNode parent, String field, String path) throws FixtureException {
        JsonNode v = parent.get(field);
        if (v != null && !v.isNull() && !v.isNumber()) {
            throw new FixtureException(path + "." + field, "must be a number, got " + describe(v));
        }
    }

    static void bool(JsonNode parent, String field, String path) throws FixtureException {
        JsonNode v = parent.get(field);
        if (v != null && !v.isNull() && !v.isBoolean()) {
            throw new FixtureException(path + "." + field, "must be true or false, got " + describe(v));
        }
    }

    static void matches(String value, String path, Pattern pattern, String rule) throws FixtureException {
        if (!pattern.matcher(value).matches()) {
            throw new FixtureException(path, "\"" + value + "\" is not a name AWS accepts: " + rule);
        }
    }

    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        return v.getNodeType().name().toLowerCase(Locale.ROOT) + (v.isContainerNode() ? "" : " " + v);
    }
}
