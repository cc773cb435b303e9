package io.tablewarden.profiles;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Nested properties: a property with an empty value followed by indented {@code name = value} lines, as in
 * {@code s3 =} / {@code   max_concurrent_requests = 10} or the per-service blocks of a {@code [services]}
 * section. The parser keeps such a value as the AWS tools do, one nested line after each {@code \n}.
 */
public final class SubProperties {

    private SubProperties() {
    }

    /** The nested properties of {@code value}, or an empty map when it is a plain value. */
    public static Map<String, String> of(String value) {
        Map<String, String> result = new LinkedHashMap<>();
        if (value == null || !value.startsWith("\n")) {
            return result;
        }
        for (String line : value.substring(1).split("\n", -1)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                result.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
            }
        }
        return Collections.unmodifiableMap(result);
    }

    /**
     * {@code properties} plus each nested property as {@code parent.name}, the flat form the AWS SDK for Java
     * offers next to the raw value.
     */
    public static Map<String, String> flattened(Map<String, String> properties) {
        Map<String, String> result = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            result.put(key, value);
            of(value).forEach((name, nested) -> result.put(key + "." + name, nested));
        });
        return Collections.unmodifiableMap(result);
    }
}
