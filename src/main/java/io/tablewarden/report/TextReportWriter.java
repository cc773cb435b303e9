package io.tablewarden.report;

import io.tablewarden.model.CheckResult;
import io.tablewarden.model.RegionError;
import io.tablewarden.model.ResourceRef;
import io.tablewarden.model.Status;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The human report: a header, the region errors (regions or listings the scan could not complete), every
 * FAIL and ERROR grouped by resource with its one-sentence reason (worst severity first), then the summary
 * table. PASS and NOT_APPLICABLE appear only as counts. Every value from the account passes through
 * {@link TerminalText}: the report is read on a terminal.
 */
public final class TextReportWriter implements ReportWriter {

    @Override
    public void write(ScanReport report, OutputStream out) throws IOException {
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        header(w, report.scan());
        regionErrors(w, report.regionErrors());
        Map<String, List<CheckResult>> byResource = needingAttention(report.results());
        if (byResource.isEmpty()) {
            w.println("No failing findings.");
        } else {
            w.printf("Findings that need attention (%d resources):%n", byResource.size());
            for (List<CheckResult> group : byResource.values()) {
                w.println();
                ResourceRef ref = group.get(0).resource();
                w.printf("%s  [%s, %s]%n", TerminalText.clean(ref.name()), ref.type().cloudFormationType(),
                        TerminalText.clean(ref.region()));
                w.printf("  %s%n", TerminalText.clean(ref.arn()));
                for (CheckResult result : group) {
                    w.printf("  %-5s %-13s %s%n", result.status().name(), result.severity().lower(),
                            TerminalText.clean(result.checkId()));
                    w.printf("        %s%n", TerminalText.clean(result.statusText()));
                }
            }
        }
        w.println();
        w.println("Summary:");
        w.print(SummaryTable.render(report.results()));
        w.flush();
    }

    private static void header(PrintWriter w, ScanReport.ScanInfo scan) {
        w.printf("Tablewarden %s scan of account %s%s (%s)%n", TerminalText.clean(scan.toolVersion()),
                scan.accountId() == null ? "unknown" : TerminalText.clean(scan.accountId()),
                scan.accountAlias() == null ? "" : " \"" + TerminalText.clean(scan.accountAlias()) + "\"",
                TerminalText.clean(scan.partition()));
        if (!scan.regions().isEmpty()) {
            w.printf("Regions: %s%n", TerminalText.clean(String.join(", ", scan.regions())));
        }
        String duration = scan.started() != null && scan.finished() != null
                ? String.format(" in %.1f s", Duration.between(scan.started(), scan.finished()).toMillis() / 1000.0)
                : "";
        w.printf("Scan %s%s%n%n",
                scan.state() == null ? "ended" : TerminalText.clean(scan.state().toLowerCase(java.util.Locale.ROOT)),
                duration);
    }

    /** What the scan could not do for a whole region, before the findings: the results below are incomplete. */
    private static void regionErrors(PrintWriter w, List<RegionError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        w.printf("Region errors (%d):%n", errors.size());
        for (RegionError error : errors) {
            w.printf("  ERROR %s%n", TerminalText.clean(error.message()));
        }
        w.println();
    }

    /** FAIL and ERROR results keyed by resource ARN, in order of first appearance, worst first inside a group. */
    private static Map<String, List<CheckResult>> needingAttention(List<CheckResult> results) {
        Map<String, List<CheckResult>> groups = new LinkedHashMap<>();
        for (CheckResult result : results) {
            if (result.status() == Status.FAIL || result.status() == Status.ERROR) {
                groups.computeIfAbsent(result.resource().arn(), k -> new ArrayList<>()).add(result);
            }
        }
        Comparator<CheckResult> order = Comparator.comparing(CheckResult::status)
                .thenComparing(CheckResult::severity, Comparator.reverseOrder())
                .thenComparing(CheckResult::checkId);
        groups.values().forEach(group -> group.sort(order));
        return groups;
    }
}
