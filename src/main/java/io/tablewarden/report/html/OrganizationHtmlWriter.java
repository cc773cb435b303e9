package io.tablewarden.report.html;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import io.tablewarden.report.OrganizationReport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The organisation's HTML report: one self-contained page (no script, nothing from the network) with the
 * organisation's pass rate, the accounts worst first, the OUs, the accounts that could not be scanned and why,
 * then one section per account with what needs attention. Each account's full report, with evidence and filled
 * fixes, is {@code report SCAN --output-format html} of its stored scan. Every value is escaped by the template.
 */
public final class OrganizationHtmlWriter {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private OrganizationHtmlWriter() {
    }

    public static void write(OrganizationReport report, OutputStream out) throws IOException {
        OrganizationHtmlModel model = new OrganizationHtmlBuilder(report, HtmlAssets.standard()).build();
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        ENGINE.render("organization.jte", model, new WriterOutput(writer));
        writer.flush();
    }
}
