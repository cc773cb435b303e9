package io.tablewarden.report.html;

import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;
import io.tablewarden.report.CheckExplanation;
import io.tablewarden.report.DemoReports;
import io.tablewarden.report.ScanReport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report explains each check of the scan, and each failure shows the fix for its cause. */
class HtmlCheckGuidesTest {

    private static final String BACKUP = "dynamodb_table_protected_by_backup_plan";

    @Test
    void everyCheckOfTheScanIsExplainedInItsOwnSection() throws Exception {
        ScanReport report = DemoReports.demo();
        Document doc = Jsoup.parse(HtmlReportWriterTest.render(report));
        Set<String> checks = new TreeSet<>();
        report.results().forEach(r -> checks.add(r.checkId()));
        assertEquals(checks.size(), doc.select("#checks details.guide").size());
        assertNotNull(doc.selectFirst("nav a[href=#checks]"));
        Element guide = doc.getElementById("check-" + BACKUP);
        assertNotNull(guide);
        assertEquals(5, guide.select("h3").size(), guide.outerHtml());
        assertEquals(CheckExplanation.FALSE_POSITIVE, guide.select("h3").get(3).text());
        assertTrue(guide.text().contains("PITR is DynamoDB.2"), guide.text());
        assertFalse(guide.select("ol.steps li").isEmpty());
    }

    @Test
    void failuresShowTheFixOfTheirCauseAndASharedFixSaysSo() throws Exception {
        ScanReport report = DemoReports.demo();
        Document doc = Jsoup.parse(HtmlReportWriterTest.render(report));
        Element optIn = fixOf(doc, "de-invoices");
        assertTrue(optIn.select("code").get(0).text().contains("aws backup update-region-settings --region eu-central-1"),
                optIn.text());
        assertTrue(optIn.selectFirst(".fix-summary").text().contains("same for 3 resources in eu-central-1"
                + " (de-invoices, de-payroll, de-tax-rules): run it once"), optIn.selectFirst(".fix-summary").text());
        Element generic = fixOf(doc, "de-archive-2019");
        assertTrue(generic.select("code").get(0).text().contains("create-backup-selection"));
        assertFalse(generic.select("code").get(0).text().contains("update-region-settings"));
        assertFalse(generic.selectFirst(".fix-summary").text().contains("run it once"));
        long withCause = report.results().stream()
                .filter(r -> r.status() == Status.FAIL && r.cause() != null).count();
        assertTrue(withCause > 0);
    }

    private static Element fixOf(Document doc, String table) {
        for (Element article : doc.select("article.resource")) {
            if (article.selectFirst("h3").ownText().equals(table)) {
                Element result = article.selectFirst(".result[data-check=" + BACKUP + "]");
                assertNotNull(result, table);
                return result.selectFirst(".fix");
            }
        }
        throw new AssertionError("no resource " + table);
    }
}
