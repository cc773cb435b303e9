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

    static final List<String> HEADER = List.of("account", "region", "check_id", "security_hub_control", "severity",
            "status", "resource_type", "resource_name", "resource_arn", "status_text", "finding_uid",
            "remediation_cli");

    @Override
    public void write(ScanReport report, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        row(writer, HEADER);
        for (CheckResult result : report.results()) {
            CheckMetadata meta = report.metadataOf(result.checkId());
            String cli = meta == null ? "" : RemediationRenderer.fill(meta.remediation().cli(), result.placeholders(),
                    SnippetFormat.SHELL);
            row(writer, List.of(
                    nullToEmpty(result.resource().accountId()),
                    nullToEmpty(result.resource().region()),
                    result.checkId(),
                    meta == null ? "" : nullToEmpty(meta.securityHubControl()),
                    result.severity().lower(),
                    result.status().name(),
                    result.resource().type().cloudFormationType(),
                    nullToEmpty(result.resource().name()),
                    nullToEmpty(result.resource().arn()),
                    nullToEmpty(result.statusText()),
                    FindingUid.of(result),
                    nullToEmpty(cli)));
        }
        for (RegionError error : report.regionErrors()) {
            // A region-level row: no check and no resource, only where and what went wrong.
            row(writer, List.of(nullToEmpty(report.scan().accountId()), error.region(), "", "", "", "ERROR", "",
                    "", "", error.message(), "", ""));
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
