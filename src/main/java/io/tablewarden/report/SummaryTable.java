package io.tablewarden.report;

import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of results per check and status, as a plain-text table with a total row. Check ids of a stored or
 * imported scan are shown through {@link TerminalText}.
 */
public final class SummaryTable {

    private static final String[] COLUMNS = {"PASS", "FAIL", "ERROR", "N/A"};

    private SummaryTable() {
    }

    /** The table, one line per check (sorted by id) plus a header and a total line, each ending in a newline. */
    public static String render(List<CheckResult> results) {
        Map<String, Map<Status, Long>> byCheck = new TreeMap<>();
        Map<Status, Long> total = new EnumMap<>(Status.class);
        for (CheckResult result : results) {
            byCheck.computeIfAbsent(TerminalText.clean(result.checkId()), k -> new EnumMap<>(Status.class))
                    .merge(result.status(), 1L, Long::sum);
            total.merge(result.status(), 1L, Long::sum);
        }
        int width = "total".length();
        for (String id : byCheck.keySet()) {
            width = Math.max(width, id.length());
        }
        String format = "%-" + width + "s %6s %6s %6s %6s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(format, "check", COLUMNS[0], COLUMNS[1], COLUMNS[2], COLUMNS[3]));
        byCheck.forEach((id, counts) -> out.append(line(format, id, counts)));
        out.append(line(format, "total", total));
        return out.toString();
    }

    private static String line(String format, String label, Map<Status, Long> counts) {
        return String.format(format, label, count(counts, Status.PASS), count(counts, Status.FAIL),
                count(counts, Status.ERROR), count(counts, Status.NOT_APPLICABLE));
    }

    private static String count(Map<Status, Long> counts, Status status) {
        return Long.toString(counts.getOrDefault(status, 0L));
    }
}
