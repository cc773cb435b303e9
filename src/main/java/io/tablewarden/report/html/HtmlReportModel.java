package io.tablewarden.report.html;

import java.util.List;

/**
 * Everything the HTML report template shows, computed beforehand so the template only lays it out. Every text
 * here may come from the audited account; the template escapes it for its context (jte's HTML mode).
 *
 * @param accountId    audited account id, or "unknown"
 * @param accountAlias the account's alias, or null
 * @param generated    when the scan ended (UTC, readable)
 * @param period       start and end of the scan
 * @param stateNote    null for a complete scan, else the sentence saying why the results are partial
 * @param regionErrors what the scan could not do for a whole region, one sentence each
 * @param toolVersion  the version that scanned
 * @param callerArn    the identity that scanned, or null
 * @param regions      regions in scope
 * @param checkCount   checks that ran
 * @param parameters   check parameters that differ from nothing: name and value
 * @param passRate     PASS ÷ (PASS + FAIL), in percent, or -1 when nothing passed or failed
 * @param counts       results per status, PASS, FAIL, ERROR, NOT_APPLICABLE order
 * @param controls     Security Hub DynamoDB controls with their status
 * @param charts       the bar charts
 * @param matrix       resources × checks
 * @param resources    one section per resource, failing resources first
 * @param data         the results of every section, in the same order, as the JSON of {@link ReportData},
 *                     already escaped for a script data block
 * @param baseline     the comparison with an earlier scan, or null
 * @param muted        muted findings
 * @param css          the style sheet, inlined (its hash is in the CSP)
 * @param script       the script, inlined (its hash is in the CSP)
 * @param csp          the Content-Security-Policy
 * @param guides       each check of the scan explained (what, why, how to fix, false positives, related checks)
 */
public record HtmlReportModel(String accountId, String accountAlias, String generated, String period,
                              String stateNote, List<String> regionErrors, String toolVersion, String callerArn, List<String> regions,
                              int checkCount, List<Pair> parameters, int passRate, List<Bar> counts,
                              List<Control> controls, List<Chart> charts, Matrix matrix,
                              List<ResourceSection> resources, String data, BaselineSection baseline, List<MutedRow> muted,
                              String css, String script, String csp, List<CheckGuide> guides) {

    /**
     * One check explained, for the report's "About the checks" section.
     *
     * @param anchor   the element id, {@code check-<id>}
     * @param id       the check id
     * @param title    its title
     * @param control  its Security Hub control, or empty
     * @param sections the explanation's sections
     * @param links    documentation pages
     */
    public record CheckGuide(String anchor, String id, String title, String control, List<GuideSection> sections,
                             List<String> links) {
    }

    /** One section of a guide: heading, paragraphs and numbered steps. */
    public record GuideSection(String heading, List<String> paragraphs, List<String> steps) {
    }

    /** A label and its value. */
    public record Pair(String name, String value) {
    }

    /**
     * One bar of a chart.
     *
     * @param label    what is counted
     * @param count    how many
     * @param width    bar length in percent of the longest bar (0–100)
     * @param tone     css tone: pass, fail, error, na, high, medium, low, neutral
     */
    public record Bar(String label, long count, int width, String tone) {
    }

    /** A titled bar chart. */
    public record Chart(String title, List<Bar> bars) {
    }

    /**
     * A Security Hub control.
     *
     * @param id       e.g. DynamoDB.2
     * @param title    the title of the check that implements it
     * @param status   PASSED, FAILED, ERROR or NO DATA
     * @param tone     css tone
     * @param passed   resources passing
     * @param failed   resources failing
     */
    public record Control(String id, String title, String status, String tone, long passed, long failed) {
    }

    /** Resources × checks: one header per check, one row per resource. */
    public record Matrix(List<Pair> checks, List<MatrixRow> rows) {
    }

    /** One resource's statuses, in the order of {@link Matrix#checks()}; an empty string where no result exists. */
    public record MatrixRow(String name, String anchor, String region, List<String> cells) {
    }

    /**
     * One resource; its results are in {@link HtmlReportModel#data()}.
     *
     * @param anchor  id of the section (for links from the matrix)
     * @param name    resource name
     * @param kind    "Table" or "DAX cluster"
     * @param region  region
     * @param arn     ARN
     * @param worst   its worst status
     * @param results how many results it has
     */
    public record ResourceSection(String anchor, String name, String kind, String region, String arn, String worst,
                                  int results) {
    }

    /** A muted finding in the list of muted findings. */
    public record MutedRow(String resource, String anchor, String check, String status, String reason, String by,
                           String expires) {
    }

    /**
     * What changed since a baseline scan.
     *
     * @param label        the earlier scan
     * @param newFailures  failing now and not before
     * @param fixed        failing before, fixed now
     * @param stillFailing failing in both
     */
    public record BaselineSection(String label, List<Change> newFailures, List<Change> fixed,
                                  List<Change> stillFailing) {
    }

    /** One finding of the comparison. */
    public record Change(String resource, String region, String check, String reason) {
    }
}
