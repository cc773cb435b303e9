package io.tablewarden.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code --output-format script}: one bash script of the filled CLI fixes for the scan's failing, unmuted
 * results (see {@link FixScript}). A scan with nothing to fix gives a script that only says so.
 */
public final class ScriptReportWriter implements ReportWriter {

    @Override
    public void write(ScanReport report, OutputStream out) throws IOException {
        String script = FixScript.build(report.results(), report, true);
        if (script.isEmpty()) {
            script = "#!/usr/bin/env bash\n# No failing, unmuted finding of this scan has a fix to run.\n"
                    + "set -euo pipefail\n";
        }
        out.write(script.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
