package io.tablewarden.report.html;

import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.Severity;
import io.tablewarden.model.Status;
import io.tablewarden.report.ScanReport;
import io.tablewarden.report.html.HtmlReportModel.Bar;
import io.tablewarden.report.html.HtmlReportModel.BaselineSection;
import io.tablewarden.report.html.HtmlReportModel.Change;
import io.tablewarden.report.html.HtmlReportModel.Chart;
import io.tablewarden.report.html.HtmlReportModel.Control;
import io.tablewarden.report.html.HtmlReportModel.Matrix;
import io.tablewarden.report.html.HtmlReportModel.MatrixRow;
import io.tablewarden.report.html.HtmlReportModel.MutedRow;
import io.tablewarden.report.html.HtmlReportModel.Pair;
import io.tablewarden.report.html.HtmlReportModel.ResourceSection;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Computes the {@link HtmlReportModel} of a scan report: counts, charts, matrix and per-resource sections. */
final class HtmlReportBuilder {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final List<Status> STATUS_ORDER = List.of(Status.FAIL, Status.ERROR, Status.PASS,
            Status.NOT_APPLICABLE);

    private final ScanReport report;
    private final HtmlAssets assets;

    HtmlReportBuilder(ScanReport report, HtmlAssets assets) {
        this.report = report;
        this.assets = assets;
    }

    HtmlReportModel build() {
        ScanReport.ScanInfo scan = report.scan();
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        report.results().forEach(r -> counts.merge(r.status(), 1L, Long::sum));
        long pass = counts.getOrDefault(Status.PASS, 0L);
        long fail = counts.getOrDefault(Status.FAIL, 0L);
        int passRate = pass + fail == 0 ? -1 : (int) Math.floor(100.0 * pass / (pass + fail));

        List<Bar> statusBars = bars(orderedCounts(counts), HtmlReportBuilder::statusTone, HtmlReportBuilder::statusLabel);
        List<Chart> charts = List.of(
                new Chart("Results by status", statusBars),
                new Chart("Failures by severity", bars(failuresBySeverity(), s -> s, s -> s)),
                new Chart("Failures by Security Hub control", bars(failuresByControl(), s -> "fail", s -> s)),
                new Chart("Failures by region", bars(failuresByRegion(), s -> "fail", s -> s)));

        List<Section> sections = sections(report.results());
        List<ResourceSection> resourceSections = sections.stream().map(Section::section).toList();
        String data = new ReportData(report).json(sections.stream().map(Section::results).toList());
        return new HtmlReportModel(
                scan.accountId() == null ? "unknown" : scan.accountId(), scan.accountAlias(),
                scan.finished() == null ? "unknown" : WHEN.format(scan.finished()),
                period(scan.started(), scan.finished()), stateNote(scan.state()),
                report.regionErrors().stream().map(io.tablewarden.model.RegionError::message).toList(),
                scan.toolVersion(),
                scan.callerArn(), scan.regions(), checkIds().size(), parameters(), passRate, statusBars,
                controls(), charts, matrix(sections), resourceSections, data, baseline(), muted(), assets.css(),
                assets.script(), assets.contentSecurityPolicy(), guides());
    }

    /** Every check of the scan explained, in the order of the matrix's columns' checks. */
    private List<HtmlReportModel.CheckGuide> guides() {
        List<HtmlReportModel.CheckGuide> out = new ArrayList<>();
        for (String id : checkIds()) {
            CheckMetadata meta = report.metadataOf(id);
            if (meta == null) {
                continue;
            }
            List<HtmlReportModel.GuideSection> sections = new ArrayList<>();
            for (io.tablewarden.report.CheckExplanation.Section s
                    : io.tablewarden.report.CheckExplanation.of(meta, report.metadata())) {
                sections.add(new HtmlReportModel.GuideSection(s.heading(), s.paragraphs(), s.steps()));
            }
            out.add(new HtmlReportModel.CheckGuide("check-" + id, id, meta.title(),
                    meta.securityHubControl() == null ? "" : meta.securityHubControl(), sections, meta.links()));
        }
        return out;
    }

    // the cover

    private static String period(Instant started, Instant finished) {
        if (started == null) {
            return "";
        }
        String from = WHEN.format(started);
        if (finished == null) {
            return from;
        }
        long seconds = Math.max(0, finished.getEpochSecond() - started.getEpochSecond());
        return from + ", " + (seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s");
    }

    private static String stateNote(String state) {
        if (state == null || "COMPLETED".equalsIgnoreCase(state)) {
            return null;
        }
        return switch (state.toUpperCase(Locale.ROOT)) {
            case "CANCELLED" -> "Partial results: the scan was cancelled before it covered everything in scope.";
            case "INTERRUPTED" -> "Partial results: the scan was interrupted before it covered everything in scope.";
            case "INCOMPLETE" -> "Partial results: not every result of this scan could be kept.";
            case "RUNNING" -> "Partial results: the scan was still running when this report was written.";
            default -> "Partial results: the scan ended in state " + state + ".";
        };
    }

    private List<Pair> parameters() {
        io.tablewarden.model.CheckParameters p = report.scan().parameters();
        List<Pair> out = new ArrayList<>();
        out.add(new Pair("Required tag keys", p.requiredTagKeys().isEmpty() ? "any user tag"
                : String.join(", ", p.requiredTagKeys())));
        out.add(new Pair("Trusted accounts", p.trustedAccountIds().isEmpty() ? "none"
                : String.join(", ", new TreeSet<>(p.trustedAccountIds()))));
        out.add(new Pair("Maximum recovery point age", p.maxRecoveryPointAgeHours() + " hours"));
        out.add(new Pair("Backup vault lock check", p.backupVaultLockCheck() ? "on" : "off"));
        optional(out, "Minimum PITR recovery period (days)", p.minRecoveryPeriodDays());
        optional(out, "Minimum provisioned read capacity", p.minProvisionedReadCapacity());
        optional(out, "Minimum provisioned write capacity", p.minProvisionedWriteCapacity());
        optional(out, "Target read utilization (%)", p.targetReadUtilization());
        optional(out, "Target write utilization (%)", p.targetWriteUtilization());
        return out;
    }

    private static void optional(List<Pair> out, String name, Integer value) {
        if (value != null) {
            out.add(new Pair(name, value.toString()));
        }
    }

    private TreeSet<String> checkIds() {
        TreeSet<String> ids = new TreeSet<>();
        report.results().forEach(r -> ids.add(r.checkId()));
        return ids;
    }

    private List<Control> controls() {
        Map<String, CheckMetadata> byControl = new TreeMap<>(Comparator.comparing(HtmlReportBuilder::controlOrder));
        report.metadata().values().stream().filter(m -> m.securityHubControl() != null)
                .forEach(m -> byControl.put(m.securityHubControl(), m));
        List<Control> out = new ArrayList<>();
        byControl.forEach((control, meta) -> {
            long passed = 0;
            long failed = 0;
            long errors = 0;
            for (CheckResult r : report.results()) {
                if (r.checkId().equals(meta.id())) {
                    passed += r.status() == Status.PASS ? 1 : 0;
                    failed += r.status() == Status.FAIL ? 1 : 0;
                    errors += r.status() == Status.ERROR ? 1 : 0;
                }
            }
            String status = failed > 0 ? "FAILED" : errors > 0 ? "ERROR" : passed > 0 ? "PASSED" : "NO DATA";
            String tone = failed > 0 ? "fail" : errors > 0 ? "error" : passed > 0 ? "pass" : "na";
            out.add(new Control(control, meta.title(), status, tone, passed, failed));
        });
        return out;
    }

    /** DynamoDB.2 before DynamoDB.10. */
    private static String controlOrder(String control) {
        int dot = control.lastIndexOf('.');
        String number = dot < 0 ? "" : control.substring(dot + 1);
        return number.matches("\\d+") ? control.substring(0, dot) + String.format("%05d", Integer.parseInt(number))
                : control;
    }

    // charts

    private static Map<String, Long> orderedCounts(Map<Status, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        STATUS_ORDER.forEach(s -> out.put(s.name(), counts.getOrDefault(s, 0L)));
        return out;
    }

    private Map<String, Long> failuresBySeverity() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Severity s : new Severity[] {Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW,
                Severity.INFORMATIONAL}) {
            long n = report.results().stream().filter(r -> r.status() == Status.FAIL && r.severity() == s).count();
            if (n > 0 || s == Severity.HIGH || s == Severity.MEDIUM || s == Severity.LOW) {
                out.put(s.lower(), n);
            }
        }
        return out;
    }

    private Map<String, Long> failuresByControl() {
        Map<String, Long> out = new TreeMap<>(Comparator.comparing(HtmlReportBuilder::controlOrder));
        for (CheckResult r : report.results()) {
            CheckMetadata meta = report.metadataOf(r.checkId());
            String control = meta == null || meta.securityHubControl() == null ? "Other checks"
                    : meta.securityHubControl();
            out.merge(control, r.status() == Status.FAIL ? 1L : 0L, Long::sum);
        }
        return out;
    }

    private Map<String, Long> failuresByRegion() {
        Map<String, Long> out = new TreeMap<>();
        report.scan().regions().forEach(r -> out.put(r, 0L));
        report.results().forEach(r -> out.merge(String.valueOf(r.resource().region()),
                r.status() == Status.FAIL ? 1L : 0L, Long::sum));
        return out;
    }

    private static List<Bar> bars(Map<String, Long> counts, java.util.function.UnaryOperator<String> tone,
                                  java.util.function.UnaryOperator<String> label) {
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Bar> out = new ArrayList<>();
        counts.forEach((key, n) -> out.add(new Bar(label.apply(key), n,
                max == 0 ? 0 : (int) Math.max(n > 0 ? 1 : 0, Math.round(100.0 * n / max)), tone.apply(key))));
        return out;
    }

    static String statusTone(String status) {
        return switch (status) {
            case "PASS" -> "pass";
            case "FAIL" -> "fail";
            case "ERROR" -> "error";
            default -> "na";
        };
    }

    static String statusLabel(String status) {
        return "NOT_APPLICABLE".equals(status) ? "Not applicable" : status.charAt(0)
                + status.substring(1).toLowerCase(Locale.ROOT);
    }

    // resources

    /** A resource's section and its results, failures first. */
    private record Section(ResourceSection section, List<CheckResult> results) {
    }

    private List<Section> sections(List<CheckResult> results) {
        Map<String, List<CheckResult>> byResource = new LinkedHashMap<>();
        for (CheckResult r : results) {
            byResource.computeIfAbsent(r.resource().arn(), k -> new ArrayList<>()).add(r);
        }
        List<Section> out = new ArrayList<>();
        int index = 0;
        for (List<CheckResult> list : byResource.values()) {
            list.sort(Comparator.comparing((CheckResult r) -> STATUS_ORDER.indexOf(r.status()))
                    .thenComparing(r -> -r.severity().ordinal())
                    .thenComparing(CheckResult::checkId));
            CheckResult first = list.get(0);
            String anchor = "r" + (index++);
            out.add(new Section(new ResourceSection(anchor, first.resource().name(), kind(first.resource().type()),
                    first.resource().region(), first.resource().arn(), first.status().name(), list.size()), list));
        }
        out.sort(Comparator.comparing((Section s) -> STATUS_ORDER.indexOf(Status.valueOf(s.section().worst())))
                .thenComparing(s -> s.section().region(), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(s -> s.section().name(), Comparator.nullsFirst(Comparator.naturalOrder())));
        return out;
    }

    private static String kind(ResourceType type) {
        return switch (type) {
            case TABLE -> "Table";
            case DAX_CLUSTER -> "DAX cluster";
            default -> "Region";
        };
    }

    private Matrix matrix(List<Section> sections) {
        List<String> ids = new ArrayList<>(checkIds());
        ids.sort(Comparator.comparing((String id) -> {
            CheckMetadata m = report.metadataOf(id);
            return m == null || m.securityHubControl() == null ? "~" + id : controlOrder(m.securityHubControl());
        }));
        List<Pair> headers = new ArrayList<>();
        ids.forEach(id -> {
            CheckMetadata m = report.metadataOf(id);
            headers.add(new Pair(ShortLabels.of(id, m), m == null ? id : m.title()));
        });
        List<MatrixRow> rows = new ArrayList<>();
        for (Section section : sections) {
            ResourceSection s = section.section();
            Map<String, String> byCheck = new LinkedHashMap<>();
            section.results().forEach(r -> byCheck.put(r.checkId(), r.status().name()));
            List<String> cells = new ArrayList<>();
            ids.forEach(id -> cells.add(byCheck.getOrDefault(id, "")));
            rows.add(new MatrixRow(s.name(), s.anchor(), s.region(), cells));
        }
        return new Matrix(headers, rows);
    }

    private List<MutedRow> muted() {
        List<MutedRow> out = new ArrayList<>();
        if (report.mutes().isEmpty()) {
            return out;
        }
        for (CheckResult r : report.results()) {
            ScanReport.MuteNote note = report.muteOf(r);
            if (note != null) {
                CheckMetadata meta = report.metadataOf(r.checkId());
                out.add(new MutedRow(r.resource().name(), "", meta == null ? r.checkId() : meta.title(),
                        r.status().name(), note.reason(), note.mutedBy() == null ? "" : note.mutedBy(),
                        note.expiresAt() == null ? "never" : WHEN.format(note.expiresAt())));
            }
        }
        return out;
    }

    private BaselineSection baseline() {
        ScanReport.Baseline b = report.baseline();
        if (b == null) {
            return null;
        }
        String label = b.scanLabel() + (b.started() == null ? "" : ", started " + WHEN.format(b.started()));
        return new BaselineSection(label, changes(b.newFailures()), changes(b.fixed()), changes(b.stillFailing()));
    }

    private List<Change> changes(List<CheckResult> results) {
        List<Change> out = new ArrayList<>();
        for (CheckResult r : results) {
            CheckMetadata meta = report.metadataOf(r.checkId());
            out.add(new Change(r.resource().name(), r.resource().region(), meta == null ? r.checkId() : meta.title(),
                    r.statusText()));
        }
        return out;
    }
}
