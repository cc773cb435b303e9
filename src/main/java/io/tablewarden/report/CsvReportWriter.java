package io.tablewarden.report;

import io.tablewarden.engine.remediation.RemediationRenderer;
import io.tablewarden.engine.remediation.SnippetFormat;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.RegionError;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One row per result, RFC 4180: comma separated, CRLF line ends, a field is quoted when it holds a
 * comma, quote, CR or LF, and quotes inside are doubled. Spreadsheet users get the filled CLI fix. After the
 * results come the region errors, one row each with status ERROR and empty check and resource columns.
 *
 * <p>Names, tag values and messages come from the audited account, so a field that a spreadsheet would
 * read as a formula (it starts with {@code = + - @}, a tab or a CR) gets a leading apostrophe, as OWASP
 * recommends against CSV injection.
 */
public final class CsvReportWriter implements ReportWriter {

    static final List<String> HEADER = List.of("account", "account_alias", "region", "resource_type",
            "resource_name", "resource_arn", "check_id", "check_title", "security_hub_control", "severity", "status",
            "muted", "mute_reason", "mute_expires", "status_text", "remediation_cli", "first_seen", "scan_id",
            "finding_uid");

    @Override
    public void write(ScanReport report, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        row(writer, HEADER);
        for (CheckResult result : report.results()) {
            CheckMetadata meta = report.metadataOf(result.checkId());
            String cli = meta == null ? "" : RemediationRenderer.fill(meta.remediationFor(result).fullCli(), result.placeholders(),
                    SnippetFormat.SHELL);
            ScanReport.MuteNote mute = report.muteOf(result);
            boolean sameAccount = result.resource().accountId() != null
                    && result.resource().accountId().equals(report.scan().accountId());
            java.time.Instant firstSeen = report.firstSeen(result);
            row(writer, List.of(
                    nullToEmpty(result.resource().accountId()),
                    sameAccount ? nullToEmpty(report.scan().accountAlias()) : "",
                    nullToEmpty(result.resource().region()),
                    result.resource().type().cloudFormationType(),
                    nullToEmpty(result.resource().name()),
                    nullToEmpty(result.resource().arn()),
                    result.checkId(),
                    meta == null ? "" : nullToEmpty(meta.title()),
                    meta == null ? "" : nullToEmpty(meta.securityHubControl()),
                    result.severity().lower(),
                    result.status().name(),
                    mute == null ? "no" : "yes",
                    mute == null ? "" : nullToEmpty(mute.reason()),
                    mute == null || mute.expiresAt() == null ? "" : mute.expiresAt().toString(),
                    nullToEmpty(result.statusText()),
                    result.status() == io.tablewarden.model.Status.FAIL ? nullToEmpty(cli) : "",
                    firstSeen == null ? "" : firstSeen.toString(),
                    report.history() == null ? "" : nullToEmpty(report.history().scanId()),
                    FindingUid.of(result)));
        }
        for (RegionError error : report.regionErrors()) {
            // A region-level row: no check and no resource, only where and what went wrong.
            row(writer, List.of(nullToEmpty(report.scan().accountId()), nullToEmpty(report.scan().accountAlias()),
                    error.region(), "", "", "", "", "", "", "", "ERROR", "", "", "", error.message(), "", "",
                    report.history() == null ? "" : nullToEmpty(report.history().scanId()), ""));
        }
        writer.flush();
    }

    private static void row(Writer writer, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(quote(fields.get(i)));
        }
        writer.write("\r\n");
    }

    /** Neutralises a formula, then quotes the field only when RFC 4180 requires it. */
    static String quote(String raw) {
        String field = isFormula(raw) ? "'" + raw : raw;
        boolean needsQuotes = field.indexOf(',') >= 0 || field.indexOf('"') >= 0
                || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0;
        return needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    private static boolean isFormula(String field) {
        if (field.isEmpty()) {
            return false;
        }
        char first = field.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
