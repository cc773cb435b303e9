package io.tablewarden.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes an organisation scan in one output: each scanned account's report in the account's own format writer
 * (so every finding and every region error keeps its own account), joined the way the format joins:
 * CSV rows under one header, OCSF findings in one array, ASFF batches one per line, Tablewarden's JSON as one
 * object with a member per account, the text report as a table of the accounts followed by each account's
 * report, and HTML as one page with a summary per account and per OU, then a section per account. An account that could not be scanned is a row of its own in CSV, JSON and text.
 */
public final class OrganizationReportWriter {

    /** The formats an organisation scan can be written in. */
    public static final Set<OutputFormat> FORMATS = Set.of(OutputFormat.TEXT, OutputFormat.CSV, OutputFormat.OCSF,
            OutputFormat.ASFF, OutputFormat.JSON, OutputFormat.HTML);

    private OrganizationReportWriter() {
    }

    /** Writes {@code report} as {@code format} (one of {@link #FORMATS}). */
    public static void write(OrganizationReport report, OutputFormat format, OutputStream out) throws IOException {
        switch (format) {
            case CSV:
                csv(report, out);
                break;
            case OCSF:
                ocsf(report, out);
                break;
            case ASFF:
                for (ScanReport r : report.reports()) {
                    new AsffReportWriter().write(r, out);
                }
                out.flush();
                break;
            case JSON:
                json(report, out);
                break;
            case TEXT:
                text(report, out);
                break;
            case HTML:
                io.tablewarden.report.html.OrganizationHtmlWriter.write(report, out);
                break;
            default:
                throw new IllegalArgumentException(format + " is not written for an organisation");
        }
    }

    private static void csv(OrganizationReport report, OutputStream out) throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        new CsvReportWriter().write(emptyLike(report), header);
        out.write(header.toByteArray());
        int headerLength = header.size();
        for (ScanReport r : report.reports()) {
            ByteArrayOutputStream one = new ByteArrayOutputStream();
            new CsvReportWriter().write(r, one);
            byte[] bytes = one.toByteArray();
            out.write(bytes, headerLength, bytes.length - headerLength);
        }
        OutputStreamWriter w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        for (OrganizationReport.Account a : report.accounts()) {
            if ("error".equals(a.outcome())) {
                // an account-level row: no region, check or resource; the account and why it was not scanned
                List<String> fields = new ArrayList<>(List.of(a.accountId(), nullToEmpty(a.name()), "", "", "", "",
                        "", "", "", "", "ERROR", "", "", "", nullToEmpty(a.message()), "", "", "", ""));
                for (int i = 0; i < fields.size(); i++) {
                    w.write((i > 0 ? "," : "") + CsvReportWriter.quote(fields.get(i)));
                }
                w.write("\r\n");
            }
        }
        w.flush();
    }

    private static void ocsf(OrganizationReport report, OutputStream out) throws IOException {
        ArrayNode all = ReportJson.MAPPER.createArrayNode();
        for (ScanReport r : report.reports()) {
            ByteArrayOutputStream one = new ByteArrayOutputStream();
            new OcsfReportWriter().write(r, one);
            all.addAll((ArrayNode) ReportJson.MAPPER.readTree(one.toByteArray()));
        }
        ReportJson.write(all, out);
    }

    private static void json(OrganizationReport report, OutputStream out) throws IOException {
        ObjectNode root = ReportJson.MAPPER.createObjectNode();
        root.put("organization", report.organizationId());
        root.put("managementAccount", report.managementAccountId());
        root.put("started", String.valueOf(report.started()));
        root.put("finished", String.valueOf(report.finished()));
        ArrayNode accounts = root.putArray("accounts");
        for (OrganizationReport.Account a : report.accounts()) {
            ObjectNode node = accounts.addObject();
            node.put("account", a.accountId());
            node.put("name", a.name());
            node.put("organizationalUnit", a.unitPath());
            node.put("outcome", a.outcome());
            if (a.message() != null) {
                node.put("message", a.message());
            }
            if (a.report() != null) {
                ByteArrayOutputStream one = new ByteArrayOutputStream();
                new NativeJsonReportWriter().write(a.report(), one);
                JsonNode scan = ReportJson.MAPPER.readTree(one.toByteArray());
                node.set("scan", scan);
            }
        }
        ReportJson.write(root, out);
    }

    private static void text(OrganizationReport report, OutputStream out) throws IOException {
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.println("Organisation " + TerminalText.clean(report.organizationId()) + " (management account "
                + TerminalText.clean(report.managementAccountId()) + ")");
        w.println();
        w.printf("%-12s  %-24s  %-20s  %-9s  %5s  %5s  %5s%n", "account", "name", "OU", "outcome", "PASS", "FAIL",
                "ERROR");
        for (OrganizationReport.Account a : report.accounts()) {
            long pass = count(a, Status.PASS);
            long fail = count(a, Status.FAIL);
            long error = count(a, Status.ERROR);
            w.printf("%-12s  %-24s  %-20s  %-9s  %5s  %5s  %5s%n", TerminalText.clean(a.accountId()),
                    TerminalText.clean(nullToEmpty(a.name())), TerminalText.clean(a.unitPath().isEmpty() ? "(root)"
                            : a.unitPath()), a.outcome(), a.report() == null ? "" : pass,
                    a.report() == null ? "" : fail, a.report() == null ? "" : error);
        }
        for (OrganizationReport.Account a : report.accounts()) {
            if (a.message() != null && !"excluded".equals(a.outcome())) {
                w.println();
                w.println(TerminalText.clean(a.accountId()) + " " + a.outcome() + ": "
                        + TerminalText.clean(a.message()));
            }
        }
        w.flush();
        for (OrganizationReport.Account a : report.accounts()) {
            if (a.report() == null) {
                continue;
            }
            w.println();
            w.println("=== Account " + TerminalText.clean(a.accountId()) + " (" + TerminalText.clean(
                    nullToEmpty(a.name())) + ") ===");
            w.flush();
            new TextReportWriter().write(a.report(), out);
        }
        w.flush();
    }

    private static long count(OrganizationReport.Account a, Status status) {
        if (a.report() == null) {
            return 0;
        }
        return a.report().results().stream().map(CheckResult::status).filter(s -> s == status).count();
    }

    /** A report with no results or region errors: the CSV writer then writes its header only. */
    private static ScanReport emptyLike(OrganizationReport report) {
        ScanReport.ScanInfo info = new ScanReport.ScanInfo(report.managementAccountId(), null, null, List.of(),
                report.started(), report.finished(), "COMPLETED", ProductInfo.version(), null, null);
        return new ScanReport(info, List.of(), null, java.util.Map.of());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
