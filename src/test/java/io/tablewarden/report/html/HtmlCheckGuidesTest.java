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

import java.util.List;
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
        String html = HtmlReportWriterTest.render(report);
        Document doc = Jsoup.parse(html);
        com.fasterxml.jackson.databind.JsonNode data = HtmlReportWriterTest.data(html);
        Fix optIn = fixOf(doc, data, "de-invoices");
        assertTrue(optIn.cli().contains("aws backup update-region-settings --region eu-central-1"), optIn.cli());
        assertTrue(optIn.summary().contains("same for 3 resources in eu-central-1"
                + " (de-invoices, de-payroll, de-tax-rules): run it once"), optIn.summary());
        Fix generic = fixOf(doc, data, "de-archive-2019");
        assertTrue(generic.cli().contains("create-backup-selection"), generic.cli());
        assertFalse(generic.cli().contains("update-region-settings"));
        assertFalse(generic.summary().contains("run it once"));
        long withCause = report.results().stream()
                .filter(r -> r.status() == Status.FAIL && r.cause() != null).count();
        assertTrue(withCause > 0);
    }

    /** A failure's CLI form and summary as the page draws them from the data block. */
    private record Fix(String cli, String summary) {
    }

    private static Fix fixOf(Document doc, com.fasterxml.jackson.databind.JsonNode data, String table) {
        List<Element> articles = doc.select("article.resource");
        for (int i = 0; i < articles.size(); i++) {
            if (!articles.get(i).selectFirst("h3").ownText().equals(table)) {
                continue;
            }
            for (com.fasterxml.jackson.databind.JsonNode r : data.get("resources").get(i)) {
                com.fasterxml.jackson.databind.JsonNode check = data.get("checks").get(r.get(0).asInt());
                if (!check.get("id").asText().equals(BACKUP)) {
                    continue;
                }
                com.fasterxml.jackson.databind.JsonNode form = check.get("fix");
                String summary = r.size() > 7 && r.get(7).has("summary") ? r.get(7).get("summary").asText()
                        : HtmlReportWriterTest.join(form.get("summary"), form.get("refs"), r.get(6), 3);
                return new Fix(HtmlReportWriterTest.join(form.get("cli"), form.get("refs"), r.get(6), 0), summary);
            }
            throw new AssertionError("no " + BACKUP + " result for " + table);
        }
        throw new AssertionError("no resource " + table);
    }
}
