package io.tablewarden.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.engine.remediation.RemediationRenderer;
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
import org.jsoup.select.Elements;
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
            "'; alert(1); //",
            "line\u2028separator\u2029end");

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
        assertEquals(1, doc.select("script:not([type])").size(), "the report's own script");
        assertEquals(1, doc.select("script[type=application/json]#report-data").size(), "its data block");
        assertEquals(2, doc.select("script").size());
        assertEquals(1, doc.select("style").size());
    }

    @Test
    void theContentSecurityPolicyAllowsExactlyTheInlineScriptAndStyle() throws Exception {
        Document doc = Jsoup.parse(render(DemoReports.demo()));
        Element meta = doc.selectFirst("meta[http-equiv=Content-Security-Policy]");
        assertNotNull(meta);
        String csp = meta.attr("content");
        assertTrue(csp.startsWith("default-src 'none'"), csp);
        String script = doc.selectFirst("script:not([type])").data();
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

    /** The report's data block, parsed. */
    static JsonNode data(String html) throws Exception {
        return new ObjectMapper().readTree(Jsoup.parse(html).getElementById("report-data").data());
    }

    /** A fix form joined from the data block the way the page's script joins it. */
    static String join(JsonNode form, JsonNode refs, JsonNode values, int format) {
        if (form == null || form.isNull()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode s : form) {
            if (s.isTextual()) {
                text.append(s.asText());
            } else {
                JsonNode v = values.get(s.asInt());
                text.append(v == null || v.isNull() ? refs.get(s.asInt()).asText()
                        : v.isTextual() ? v.asText() : v.get(format).asText());
            }
        }
        return text.toString();
    }

    private static Map<String, List<CheckResult>> shared(ScanReport report) {
        return io.tablewarden.report.SharedFixes.of(report.results(), report::metadataOf);
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    /** The data block's results in page order, each with its section's index. */
    static List<JsonNode> results(JsonNode data) {
        List<JsonNode> out = new ArrayList<>();
        data.get("resources").forEach(section -> section.forEach(out::add));
        return out;
    }

    @Test
    void everyResultIsInTheDataBlockOnceAndEveryFailureCarriesItsFourFilledFixForms() throws Exception {
        ScanReport report = DemoReports.demo();
        String html = render(report);
        Document doc = Jsoup.parse(html);
        JsonNode data = data(html);
        List<JsonNode> results = results(data);
        assertEquals(report.results().size(), results.size());
        long resources = report.results().stream().map(r -> r.resource().arn()).distinct().count();
        assertEquals(resources, doc.select("article.resource").size());
        assertEquals(resources, data.get("resources").size(), "one entry per resource section, in page order");
        // The matrix has a row per resource and a column per check that ran.
        assertEquals(resources, doc.select("table.matrix tbody tr").size());

        // Every failure's four forms, joined as the page joins them, are what the remediation renderer fills.
        Map<String, CheckResult> byKey = new LinkedHashMap<>();
        report.results().forEach(r -> byKey.put(r.resource().arn() + " " + r.checkId(), r));
        Elements articles = doc.select("article.resource");
        int fails = 0;
        int sharedNotes = 0;
        for (int i = 0; i < articles.size(); i++) {
            String arn = articles.get(i).selectFirst(".arn").text();
            for (JsonNode r : data.get("resources").get(i)) {
                JsonNode check = data.get("checks").get(r.get(0).asInt());
                CheckResult result = byKey.remove(arn + " " + check.get("id").asText());
                assertNotNull(result, "one result per resource and check: " + arn + " " + check);
                assertEquals(result.status().name(), data.get("statuses").get(r.get(1).asInt()).asText());
                assertEquals(result.statusText(), r.get(3).asText());
                if (result.status() != Status.FAIL) {
                    assertEquals(6, r.size(), "no fix for a " + result.status());
                    continue;
                }
                fails++;
                JsonNode form = check.get("fix");
                // the fix of the result's cause, as the workbench and the fix script show it
                CheckMetadata.Remediation filled = RemediationRenderer.fillFor(report.metadataOf(result.checkId()),
                        result);
                String shared = io.tablewarden.report.SharedFixes.note(shared(report).get(result.identity()));
                JsonNode refs = form.get("refs");
                JsonNode values = r.get(6);
                if (shared.isEmpty()) {
                    assertEquals(7, r.size(), "the demo's values all join: nothing is sent whole");
                    assertEquals(filled.summary(), join(form.get("summary"), refs, values, 3));
                } else {
                    assertEquals(8, r.size(), "a shared fix's summary is sent whole, with its note");
                    assertEquals(List.of("summary"), iterable(r.get(7).fieldNames()));
                    assertEquals(filled.summary() + " " + shared, r.get(7).get("summary").asText());
                    sharedNotes++;
                }
                assertEquals(filled.fullCli(), join(form.get("cli"), refs, values, 0));
                assertEquals(filled.cloudFormation(), join(form.get("cfn"), refs, values, 1));
                assertEquals(filled.terraform(), join(form.get("tf"), refs, values, 2));
                List<String> console = new ArrayList<>();
                form.get("console").forEach(step -> console.add(join(step, refs, values, 3)));
                assertEquals(filled.console(), console);
                assertFalse(filled.cli().contains("{{"), "unfilled placeholder: " + filled.cli());
            }
        }
        assertTrue(byKey.isEmpty(), "results missing from the data block: " + byKey.keySet());
        assertEquals(report.results().stream().filter(r -> r.status() == Status.FAIL).count(), fails);
        assertTrue(fails > 0);
        assertTrue(sharedNotes > 0, "the demo has fixes whose region-wide part serves several tables");
    }

    @Test
    void aValueNoShellWordCanCarryGetsTheRenderersCommentAndTheOtherFormsStillJoin() throws Exception {
        ScanReport hostile = hostileReport();
        CheckResult first = hostile.results().get(0);
        String name = "nul\0name";
        Map<String, String> values = new LinkedHashMap<>(first.placeholders());
        values.put("table_name", name);
        CheckResult withNul = new CheckResult(first.checkId(), new ResourceRef(first.resource().arn(), name,
                ResourceType.TABLE, "eu-west-1", "111122223333"), Status.FAIL, first.severity(), "fails",
                first.evidence(), values);
        ScanReport report = new ScanReport(hostile.scan(), List.of(withNul), null, hostile.metadata(), Map.of(),
                null);
        JsonNode data = data(render(report));
        JsonNode r = data.get("resources").get(0).get(0);
        CheckMetadata.Remediation filled = RemediationRenderer.fill(
                report.metadataOf(withNul.checkId()).remediation(), withNul);
        assertTrue(filled.cli().startsWith("# No command is offered"), filled.cli());
        assertEquals(filled.cli(), r.get(7).get("cli").asText(), "the shell form is sent whole");
        JsonNode form = data.get("checks").get(0).get("fix");
        assertEquals(filled.terraform(), join(form.get("tf"), form.get("refs"), r.get(6), 2));
        assertFalse(r.get(7).has("tf"));
    }

    @Test
    void mutedFindingsAreShownAsMutedWithTheirReasonAndExpiry() throws Exception {
        String html = render(DemoReports.demo());
        JsonNode data = data(html);
        List<JsonNode> muted = results(data).stream().filter(r -> r.get(4).asInt() >= 0).toList();
        assertEquals(1, muted.size());
        JsonNode mute = data.get("mutes").get(muted.get(0).get(4).asInt());
        assertEquals("Scratch table, deleted every night", mute.get(0).asText());
        assertEquals("analyst", mute.get(1).asText());
        assertTrue(mute.get(2).asText().startsWith("2027-03-01"), mute.toString());
        assertEquals(1, Jsoup.parse(html).select("#muted tbody tr").size());
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
    void theDataBlockCannotBeBrokenOutOfAndKeepsHostileTextIntact() throws Exception {
        String html = render(hostileReport());
        String open = "<script type=\"application/json\" id=\"report-data\">";
        int start = html.indexOf(open) + open.length();
        int end = html.indexOf("</script>", start);
        String block = html.substring(start, end);
        for (String forbidden : List.of("<", ">", "&", "\u2028", "\u2029")) {
            assertFalse(block.contains(forbidden), "the data block holds a raw " + forbidden);
        }
        // The whole of it, up to the first end tag, is one JSON document holding every hostile text unchanged.
        JsonNode data = new ObjectMapper().readTree(block);
        List<JsonNode> results = results(data);
        assertEquals(HOSTILE.size(), results.size());
        List<String> evidence = new ArrayList<>();
        for (JsonNode r : results) {
            r.get(5).forEach(e -> evidence.add(e.isNumber() ? data.get("strings").get(e.asInt()).asText() : e.asText()));
        }
        for (String hostile : HOSTILE) {
            assertTrue(results.stream().anyMatch(r -> r.get(3).asText().equals("Table " + hostile + " fails.")),
                    "reason kept: " + hostile);
            assertTrue(evidence.contains(hostile), "evidence kept: " + hostile);
        }
        assertEquals(HOSTILE.get(1), data.get("mutes").get(0).get(0).asText());
    }

    @Test
    void hostileNamesTagsAndPolicyTextRenderAsText() throws Exception {
        Document doc = Jsoup.parse(render(hostileReport()));
        assertEquals(1, doc.select("script:not([type])").size(), "only the report's own script");
        assertEquals(2, doc.select("script").size(), "and its data block");
        assertEquals(1, doc.select("style").size(), "only the report's own style sheet");
        assertTrue(doc.select("img").isEmpty());
        assertTrue(doc.select("[onerror], [onmouseover], [onclick]").isEmpty());
        for (String hostile : HOSTILE) {
            assertTrue(doc.text().contains(hostile), "shown as text: " + hostile);
        }
        assertTrue(doc.selectFirst("h1").text().contains(HOSTILE.get(0)));
    }
}
