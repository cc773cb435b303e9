package io.tablewarden.ui.export;

import io.tablewarden.report.OutputFormat;

/** The formats the workbench exports, with what the user reads and the file name extension. */
public enum ExportFormat {
    HTML("HTML report (for the client)", OutputFormat.HTML, "html"),
    OCSF("OCSF JSON (data lakes, Prowler tools)", OutputFormat.OCSF, "ocsf.json"),
    ASFF("ASFF (Security Hub)", OutputFormat.ASFF, "asff"),
    CSV("CSV (spreadsheets)", OutputFormat.CSV, "csv"),
    SCRIPT("Fix script (bash, failing findings)", OutputFormat.SCRIPT, "sh"),
    JSON("Tablewarden JSON", OutputFormat.JSON, "json");

    private final String label;
    private final OutputFormat format;
    private final String extension;

    ExportFormat(String label, OutputFormat format, String extension) {
        this.label = label;
        this.format = format;
        this.extension = extension;
    }

    /** The report format written. */
    public OutputFormat outputFormat() {
        return format;
    }

    /** File name ending, without the dot. */
    public String extension() {
        return extension;
    }

    @Override
    public String toString() {
        return label;
    }
}
