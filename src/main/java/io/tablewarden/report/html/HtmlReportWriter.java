package io.tablewarden.report.html;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import io.tablewarden.report.ReportWriter;
import io.tablewarden.report.ScanReport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * {@code --output-format html}: one self-contained HTML file to hand to a client. Styles, script and charts are
 * inline, nothing is loaded from the network, and a Content-Security-Policy allows only the report's own script
 * and styles. The template is precompiled at build time (src/main/jte) and escapes every value for its context,
 * so names, tags and policy text from the account render as text.
 */
public final class HtmlReportWriter implements ReportWriter {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    @Override
    public void write(ScanReport report, OutputStream out) throws IOException {
        HtmlReportModel model = new HtmlReportBuilder(report, HtmlAssets.standard()).build();
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        ENGINE.render("report.jte", model, new WriterOutput(writer));
        writer.flush();
    }
}
