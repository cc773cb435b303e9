package io.tablewarden.report.html;

import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.RegionError;
import io.tablewarden.model.Status;
import io.tablewarden.report.OrganizationReport;
import io.tablewarden.report.ScanReport;
import io.tablewarden.report.html.OrganizationHtmlModel.AccountRow;
import io.tablewarden.report.html.OrganizationHtmlModel.AccountSection;
import io.tablewarden.report.html.OrganizationHtmlModel.Count;
import io.tablewarden.report.html.OrganizationHtmlModel.Finding;
import io.tablewarden.report.html.OrganizationHtmlModel.Refused;
import io.tablewarden.report.html.OrganizationHtmlModel.UnitRow;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Computes the {@link OrganizationHtmlModel}: the cover, the accounts worst first, the OUs, the account sections. */
final class OrganizationHtmlBuilder {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final List<String> SEVERITY_ORDER = List.of("critical", "high", "medium", "low", "informational");

    private final OrganizationReport report;
    private final HtmlAssets assets;

    OrganizationHtmlBuilder(OrganizationReport report, HtmlAssets assets) {
        this.report = report;
        this.assets = assets;
    }

    OrganizationHtmlModel build() {
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        List<Refused> refused = new ArrayList<>();
        List<AccountRow> rows = new ArrayList<>();
        Map<String, long[]> units = new TreeMap<>();
        Map<String, AccountSection> sections = new LinkedHashMap<>();
        long pass = 0;
        long fail = 0;
        for (OrganizationReport.Account a : report.accounts()) {
            outcomes.merge(a.outcome(), 1, Integer::sum);
            String unit = a.unitPath() == null || a.unitPath().isEmpty() ? "(root)" : a.unitPath();
            if (a.report() == null) {
                if (!"excluded".equals(a.outcome())) {
                    refused.add(new Refused(a.accountId(), a.name(), a.outcome(), a.message()));
                    units.computeIfAbsent(unit, k -> new long[5])[4]++;
                }
                continue;
            }
            long p = count(a.report(), Status.PASS);
            long f = count(a.report(), Status.FAIL);
            long e = count(a.report(), Status.ERROR);
            pass += p;
            fail += f;
            String anchor = "account-" + a.accountId();
            rows.add(new AccountRow(anchor, a.accountId(), a.name(), unit, rate(p, f), p, f, e,
                    a.message() != null ? a.message() : a.report().regionErrors().isEmpty() && e == 0 ? null
                            : "incomplete"));
            long[] u = units.computeIfAbsent(unit, k -> new long[5]);
            u[0]++;
            u[1] += p;
            u[2] += f;
            u[3] += e;
            sections.put(a.accountId(), section(anchor, a, unit));
        }
        rows.sort(Comparator.comparingInt((AccountRow r) -> r.passRate() < 0 ? 101 : r.passRate())
                .thenComparing(AccountRow::accountId));
        List<AccountSection> ordered = new ArrayList<>();
        rows.forEach(r -> ordered.add(sections.get(r.accountId())));
        List<UnitRow> unitRows = new ArrayList<>();
        units.forEach((unit, u) -> unitRows.add(new UnitRow(unit, (int) u[0], (int) u[4], u[1], u[2], u[3],
                rate(u[1], u[2]))));
        List<Count> counts = new ArrayList<>();
        outcomes.forEach((outcome, n) -> counts.add(new Count(outcome, n, tone(outcome))));
        return new OrganizationHtmlModel(report.organizationId(), report.managementAccountId(),
                report.finished() == null ? "unknown" : WHEN.format(report.finished()),
                io.tablewarden.report.ProductInfo.version(), rate(pass, fail), counts, refused, rows, unitRows,
                ordered, assets.css(), "default-src 'none'; style-src '" + HtmlAssets.sha256(assets.css())
                + "'; img-src data:; base-uri 'none'; form-action 'none'");
    }

    private static AccountSection section(String anchor, OrganizationReport.Account a, String unit) {
        ScanReport r = a.report();
        List<Finding> findings = new ArrayList<>();
        for (CheckResult result : r.results()) {
            if (result.status() != Status.FAIL && result.status() != Status.ERROR) {
                continue;
            }
            CheckMetadata meta = r.metadataOf(result.checkId());
            findings.add(new Finding(result.severity().lower(), result.status().name(), result.checkId(),
                    meta == null ? result.checkId() : meta.title(), result.resource().region(),
                    result.resource().name() != null ? result.resource().name() : result.resource().arn(),
                    result.statusText()));
        }
        findings.sort(Comparator.comparingInt((Finding f) -> f.status().equals("ERROR") ? 0 : 1)
                .thenComparingInt(f -> SEVERITY_ORDER.indexOf(f.severity()))
                .thenComparing(Finding::resource).thenComparing(Finding::check));
        return new AccountSection(anchor, a.accountId(), a.name(), unit,
                r.history() == null ? null : r.history().scanId(),
                r.regionErrors().stream().map(RegionError::message).toList(), findings, count(r, Status.PASS));
    }

    private static long count(ScanReport r, Status status) {
        return r.results().stream().filter(x -> x.status() == status).count();
    }

    private static int rate(long pass, long fail) {
        return pass + fail == 0 ? -1 : (int) Math.floor(100.0 * pass / (pass + fail));
    }

    private static String tone(String outcome) {
        switch (outcome) {
            case "scanned":
                return "pass";
            case "error":
            case "cancelled":
                return "error";
            default:
                return "na";
        }
    }
}
