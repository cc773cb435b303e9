package io.tablewarden.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Evidence values (strings, numbers, booleans, lists and maps of them) as one readable line each. */
final class EvidenceText {

    private EvidenceText() {
    }

    static String of(Object value) {
        if (value == null) {
            return "none";
        }
        if (value instanceof Map) {
            List<String> parts = new ArrayList<>();
            ((Map<?, ?>) value).forEach((k, v) -> parts.add(k + ": " + of(v)));
            return parts.isEmpty() ? "{}" : "{" + String.join(", ", parts) + "}";
        }
        if (value instanceof List) {
            List<String> parts = new ArrayList<>();
            ((List<?>) value).forEach(v -> parts.add(of(v)));
            return parts.isEmpty() ? "none" : String.join(", ", parts);
        }
        return String.valueOf(value);
    }
}
