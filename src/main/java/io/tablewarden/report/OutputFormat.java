package io.tablewarden.report;

import java.util.Locale;

/** The report formats of {@code scan --output-format}. */
public enum OutputFormat {
    TEXT, OCSF, CSV, JSON;

    /** A new writer for this format. */
    public ReportWriter writer() {
        switch (this) {
            case OCSF:
                return new OcsfReportWriter();
            case CSV:
                return new CsvReportWriter();
            case JSON:
                return new NativeJsonReportWriter();
            case TEXT:
            default:
                return new TextReportWriter();
        }
    }

    /** Whether the output is meant for programs rather than people. */
    public boolean isMachineReadable() {
        return this != TEXT;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
