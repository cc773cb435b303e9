package io.tablewarden.report;

import java.util.Locale;

/** The report formats of {@code scan --output-format}. */
public enum OutputFormat {
    TEXT, OCSF, CSV, JSON, HTML, ASFF, SCRIPT;

    /** A new writer for this format. */
    public ReportWriter writer() {
        switch (this) {
            case OCSF:
                return new OcsfReportWriter();
            case CSV:
                return new CsvReportWriter();
            case JSON:
                return new NativeJsonReportWriter();
            case HTML:
                return new io.tablewarden.report.html.HtmlReportWriter();
            case ASFF:
                return new AsffReportWriter();
            case SCRIPT:
                return new ScriptReportWriter();
            case TEXT:
            default:
                return new TextReportWriter();
        }
    }

    /** Whether the output is a file format rather than the text report, which ends with its own summary. */
    public boolean isMachineReadable() {
        return this != TEXT;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
