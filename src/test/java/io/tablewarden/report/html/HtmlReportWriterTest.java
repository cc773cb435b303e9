package io.tablewarden.report.html;

import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.ResourceRef;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.Severity;
import io.tablewarden.model.Status;
import io.tablewarden.report.DemoReports;
import io.tablewarden.report.ScanReport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportWriterTest {

    static final List<String> HOSTILE = List.of(
            "<img src=x onerror=alert(1)>",
            "</script><script>alert(1)</script>",
            "=HYPERLINK(\"http://x\")",
            "\" onmouseover=\"alert(1)",
            "javascript:alert(1)",
            "<style>body{display:none}</style>",
            "'; alert(1); //");

    static String render(ScanReport report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HtmlReportWriter().write(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theDemoReportIsOneSelfContainedFile() throws Exception {
        Document doc = Jsoup.parse(render(DemoReports.demo()));
        for (Element e : doc.select("[src]")) {
            throw new AssertionError("external resource: " + e.outerHtml());
        }
        for (Element link : doc.select("[href]")) {
            String href = link.attr("href");
            assertTrue(href.startsWith("#") || href.startsWith("https://docs.aws.amazon.com/"),
                    "a link leaves the report: " + href);
        }
        assertTrue(doc.select("link, iframe, object, embed, base, form, img").isEmpty());
        assertEquals(1, doc.select("script").size());
        assertEquals(1, doc.select("style").size());
    }

    @Test
    void theContentSecurityPolicyAllowsExactlyTheInlineScriptAndStyle() throws Exception {
        Document doc = Jsoup.parse(render(DemoReports.demo()));
        Element meta = doc.selectFirst("meta[http-equiv=Content-Security-Policy]");
        assertNotNull(meta);
        String csp = meta.attr("content");
        assertTrue(csp.startsWith("default-src 'none'"), csp);
        String script = doc.selectFirst("script").data();
        String style = doc.selectFirst("style").data();
        assertTrue(csp.contains("script-src '" + HtmlAssets.sha256(script) + "'"), "script hash: " + csp);
        assertTrue(csp.contains("style-src '" + HtmlAssets.sha256(style) + "'"), "style hash: " + csp);
        assertFalse(csp.contains("unsafe-inline"));
        assertFalse(doc.html().contains(" style=\""), "style attributes would be blocked by the policy");
        assertTrue(doc.select("[onclick], [onload], [onerror], [onmouseover]").isEmpty());
    }

    @Test
    void theCoverNamesTheAccountScopeAndControls() throws Exception {
        ScanReport report = DemoReports.demo();
        Document doc = Jsoup.parse(render(report));
        assertTrue(doc.selectFirst("h1").text().contains(report.scan().accountId()));
        assertTrue(doc.selectFirst("h1").text().contains(report.scan().accountAlias()));
        List<String> controls = new ArrayList<>();
        doc.select("#controls tbody tr td:first-child").forEach(td -> controls.add(td.text()));
        assertEquals(List.of("DynamoDB.1", "DynamoDB.2", "DynamoDB.3", "DynamoDB.4", "DynamoDB.5", "DynamoDB.6",
                "DynamoDB.7"), controls);
        for (String region : report.scan().regions()) {
            assertTrue(doc.selectFirst(".facts").text().contains(region), region);
        }
        assertEquals(4, doc.select("figure.chart").size());
        assertTrue(doc.select(".partial").isEmpty(), "a completed scan is not labelled partial");
        assertTrue(doc.select("#region-errors").isEmpty());
    }

    @Test
    void everyResultAppearsOnceWithItsStatusAndEveryFailureHasFourFilledFixForms() throws Exception {
        ScanReport report = DemoReports.demo();
        Document doc = Jsoup.parse(render(report));
        assertEquals(report.results().size(), doc.select(".result").size());
        long fails = report.results().stream().filter(r -> r.status() == Status.FAIL).count();
        assertEquals(fails, doc.select(".result[data-status=FAIL]").size());
        assertEquals(fails, doc.select(".fix").size());
        for (Element fix : doc.select(".fix")) {
            assertEquals(4, fix.select(".panel").size());
            for (Element code : fix.select("code")) {
                assertFalse(code.text().contains("{{"), "unfilled placeholder: " + code.text());
            }
        }
        // The matrix has a row per resource and a column per check that ran.
        long resources = report.results().stream().map(r -> r.resource().arn()).distinct().count();
        assertEquals(resources, doc.select("table.matrix tbody tr").size());
        assertEquals(resources, doc.select("article.resource").size());
    }

    @Test
    void mutedFindingsAreShownAsMutedWithTheirReasonAndExpiry() throws Exception {
        Document doc = Jsoup.parse(render(DemoReports.demo()));
        assertEquals(1, doc.select(".result[data-muted=yes]").size());
        Element muted = doc.selectFirst(".result[data-muted=yes]");
        assertTrue(muted.text().contains("Scratch table, deleted every night"));
        assertTrue(muted.text().contains("2027-03-01"));
        assertEquals(1, doc.select("#muted tbody tr").size());
    }

    @Test
    void aPartialScanSaysSoOnTheCover() throws Exception {
        ScanReport demo = DemoReports.demo();
        ScanReport.ScanInfo s = demo.scan();
        ScanReport cancelled = new ScanReport(new ScanReport.ScanInfo(s.accountId(), s.partition(), s.callerArn(),
                s.regions(), s.started(), s.finished(), "CANCELLED", s.toolVersion(), s.parameters(),
                s.accountAlias()), demo.results(), demo.stats(), demo.metadata());
        Document doc = Jsoup.parse(render(cancelled));
        assertTrue(doc.selectFirst(".partial").text().contains("Partial results"));
    }

    @Test
    void regionErrorsAreListedOnTheCover() throws Exception {
        ScanReport demo = DemoReports.demo();
        io.tablewarden.model.RegionError error = new io.tablewarden.model.RegionError("eu-west-1", "tables",
                new io.tablewarden.model.CollectionError("dynamodb:ListTables", "AccessDeniedException",
                        "not authorized <b>x</b>", io.tablewarden.model.CollectionError.Kind.OTHER), 6);
        ScanReport withError = new ScanReport(demo.scan(), demo.results(), demo.stats(), demo.metadata(),
                List.of(error), demo.mutes(), null, null);
        Document doc = Jsoup.parse(render(withError));
        Element box = doc.getElementById("region-errors");
        assertNotNull(box);
        assertEquals(1, box.select("li").size());
        assertTrue(box.text().contains("could not list all tables in eu-west-1"), box.text());
        assertTrue(box.select("b").isEmpty(), "AWS error text is shown as text");
    }

    @Test
    void aBaselineGivesNewFixedAndStillFailing() throws Exception {
        ScanReport demo = DemoReports.demo();
        List<CheckResult> fails = demo.results().stream().filter(r -> r.status() == Status.FAIL).toList();
        ScanReport withBaseline = demo.with(demo.mutes(), new ScanReport.Baseline("42",
                Instant.parse("2026-11-01T09:00:00Z"), fails.subList(0, 2), fails.subList(2, 3),
                fails.subList(3, fails.size())));
        Document doc = Jsoup.parse(render(withBaseline));
        Element section = doc.getElementById("baseline");
        assertNotNull(section);
        assertTrue(section.text().contains("Compared with scan 42"));
        assertEquals(List.of("New failures 2", "Fixed 1", "Still failing " + (fails.size() - 3)),
                section.select("h3").eachText());
    }

    /** Results whose names, tags, Sids, reasons, alias and mute reasons are markup and formulas. */
    static ScanReport hostileReport() {
        CheckMetadata pitr = CheckRegistry.builtIn().all().stream()
                .filter(c -> c.id().equals("dynamodb_tables_pitr_enabled")).findFirst().orElseThrow().metadata();
        List<CheckResult> results = new ArrayList<>();
        for (String hostile : HOSTILE) {
            String arn = "arn:aws:dynamodb:eu-west-1:111122223333:table/" + hostile;
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("Tags", Map.of("owner", hostile));
            evidence.put("PolicySid", hostile);
            results.add(new CheckResult(pitr.id(), new ResourceRef(arn, hostile, ResourceType.TABLE, "eu-west-1",
                    "111122223333"), Status.FAIL, Severity.MEDIUM, "Table " + hostile + " fails.", evidence,
                    Map.of("table_name", hostile, "table_arn", arn, "region", "eu-west-1",
                            "account_id", "111122223333", "partition", "aws")));
        }
        ScanReport.ScanInfo info = new ScanReport.ScanInfo("111122223333", "aws", null, List.of("eu-west-1"),
                Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T09:00:05Z"), "COMPLETED", "1.0.0",
                CheckParameters.defaults(), HOSTILE.get(0));
        Map<String, ScanReport.MuteNote> mutes = Map.of(results.get(1).identity(),
                new ScanReport.MuteNote(HOSTILE.get(1), HOSTILE.get(3), null));
        return new ScanReport(info, results, null, Map.of(pitr.id(), pitr), mutes, null);
    }

    @Test
    void hostileNamesTagsAndPolicyTextRenderAsText() throws Exception {
        Document doc = Jsoup.parse(render(hostileReport()));
        assertEquals(1, doc.select("script").size(), "only the report's own script");
        assertEquals(1, doc.select("style").size(), "only the report's own style sheet");
        assertTrue(doc.select("img").isEmpty());
        assertTrue(doc.select("[onerror], [onmouseover], [onclick]").isEmpty());
        for (String hostile : HOSTILE) {
            assertTrue(doc.text().contains(hostile), "shown as text: " + hostile);
        }
        assertTrue(doc.selectFirst("h1").text().contains(HOSTILE.get(0)));
    }
}
