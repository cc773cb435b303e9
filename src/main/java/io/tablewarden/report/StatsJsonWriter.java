package io.tablewarden.report;

import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;

import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The {@code --stats} file: API call counts, retries, timing and result counts of one scan. */
public final class StatsJsonWriter implements ReportWriter {

    @Override
    public void write(ScanReport report, OutputStream out) throws IOException {
        ReportJson.write(ReportJson.stats(report.stats(), countByStatus(report.results())), out);
    }

    /** Counts taken from the results themselves, so they always match what the report lists. */
    static Map<Status, Long> countByStatus(List<CheckResult> results) {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (CheckResult result : results) {
            counts.merge(result.status(), 1L, Long::sum);
        }
        return counts;
    }
}
