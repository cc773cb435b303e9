package io.tablewarden.report;

import java.io.IOException;
import java.io.OutputStream;

/** Renders a scan in one output format. Implementations are stateless and write UTF-8. */
public interface ReportWriter {

    /** Writes {@code report} to {@code out}; does not close the stream. */
    void write(ScanReport report, OutputStream out) throws IOException;
}
