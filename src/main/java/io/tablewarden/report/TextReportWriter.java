package io.tablewarden.report;

import io.tablewarden.engine.remediation.RemediationRenderer;
import io.tablewarden.engine.remediation.SnippetFormat;
import io.tablewarden.model.CheckMetadata;
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
 * unmuted FAIL and ERROR grouped by resource with its one-sentence reason (worst severity first), the muted ones
 * apart with the mute's reason and expiry, then the summary table. PASS and NOT_APPLICABLE appear only as counts.
 * With the remediation, each FAIL is followed by its filled AWS CLI fix. Every value from the account passes
 * through {@link TerminalText}: the report is read on a terminal.
 */
public final class TextReportWriter implements ReportWriter {

    private final boolean withRemediation;

    /** The report without the fixes. */
    public TextReportWriter() {
        this(false);
    }

    /** @param withRemediation follow each FAIL with its filled AWS CLI fix */
    public TextReportWriter(boolean withRemediation) {
        this.withRemediation = withRemediation;
    }

    @Override
    public void write(ScanReport report, OutputStream out) throws IOException {
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        header(w, report.scan());
        regionErrors(w, report.regionErrors());
        List<CheckResult> open = new ArrayList<>();
        List<CheckResult> muted = new ArrayList<>();
        for (CheckResult result : report.results()) {
            if (result.status() == Status.FAIL || result.status() == Status.ERROR) {
                (report.muteOf(result) == null ? open : muted).add(result);
            }
        }
        Map<String, List<CheckResult>> byResource = byResource(open);
        if (byResource.isEmpty()) {
            w.println(muted.isEmpty() ? "No failing findings." : "No failing findings other than the muted ones.");
        } else {
            w.printf("Findings that need attention (%d resources):%n", byResource.size());
            for (List<CheckResult> group : byResource.values()) {
                resourceHeading(w, group.get(0).resource());
                for (CheckResult result : group) {
                    resultLines(w, result);
                    if (withRemediation && result.status() == Status.FAIL) {
                        fix(w, report, result);
                    }
                }
            }
        }
        mutedSection(w, report, muted);
        w.println();
        w.println("Summary:");
        w.print(SummaryTable.render(report.results()));
        w.flush();
    }

    private static void resourceHeading(PrintWriter w, ResourceRef ref) {
        w.println();
        w.printf("%s  [%s, %s]%n", TerminalText.clean(ref.name()), ref.type().cloudFormationType(),
                TerminalText.clean(ref.region()));
        w.printf("  %s%n", TerminalText.clean(ref.arn()));
    }

    private static void resultLines(PrintWriter w, CheckResult result) {
        w.printf("  %-5s %-13s %s%n", result.status().name(), result.severity().lower(),
                TerminalText.clean(result.checkId()));
        w.printf("        %s%n", TerminalText.clean(result.statusText()));
    }

    /**
     * Muted FAIL and ERROR results: kept out of the findings above (someone decided to accept them), yet listed,
     * so the report still shows everything that fails and why it is accepted.
     */
    private static void mutedSection(PrintWriter w, ScanReport report, List<CheckResult> muted) {
        if (muted.isEmpty()) {
            return;
        }
        w.println();
        Map<String, List<CheckResult>> byResource = byResource(muted);
        w.printf("Muted findings (%d, on %d resources):%n", muted.size(), byResource.size());
        for (List<CheckResult> group : byResource.values()) {
            resourceHeading(w, group.get(0).resource());
            for (CheckResult result : group) {
                resultLines(w, result);
                ScanReport.MuteNote note = report.muteOf(result);
                w.printf("        muted: %s%n", TerminalText.clean(note.reason()));
                StringBuilder by = new StringBuilder();
                if (note.mutedBy() != null && !note.mutedBy().isBlank()) {
                    by.append("by ").append(TerminalText.clean(note.mutedBy())).append(", ");
                }
                by.append(note.expiresAt() == null ? "no expiry" : "expires " + note.expiresAt());
                w.printf("        (%s)%n", by);
            }
        }
    }

    /**
     * The check's AWS CLI fix filled for {@code result}, shell-quoted for the values from the account, then each
     * line cleaned for the terminal. A check without a CLI fix says where the fix is described instead.
     */
    private static void fix(PrintWriter w, ScanReport report, CheckResult result) {
        CheckMetadata meta = report.metadataOf(result.checkId());
        String template = meta == null || meta.remediation() == null ? null : meta.remediation().cli();
        if (template == null || template.isBlank()) {
            w.println("        fix: no AWS CLI fix; see the check's console steps or templates.");
            return;
        }
        String filled = RemediationRenderer.fill(template, result.placeholders(), SnippetFormat.SHELL);
        w.println(meta.remediation().inPlace() ? "        fix (AWS CLI):"
                : "        fix (AWS CLI; creates a replacement, adapt before running):");
        for (String line : filled.strip().split("\n", -1)) {
            if (line.isBlank()) {
                w.println();
            } else {
                w.printf("          %s%n", TerminalText.clean(line));
            }
        }
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

    /** Results keyed by resource ARN, in order of first appearance, worst first inside a group. */
    private static Map<String, List<CheckResult>> byResource(List<CheckResult> results) {
        Map<String, List<CheckResult>> groups = new LinkedHashMap<>();
        for (CheckResult result : results) {
            groups.computeIfAbsent(result.resource().arn(), k -> new ArrayList<>()).add(result);
        }
        Comparator<CheckResult> order = Comparator.comparing(CheckResult::status)
                .thenComparing(CheckResult::severity, Comparator.reverseOrder())
                .thenComparing(CheckResult::checkId);
        groups.values().forEach(group -> group.sort(order));
        return groups;
    }
}
