package io.tablewarden.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.Status;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * AWS Security Finding Format (ASFF) for {@code aws securityhub batch-import-findings}: one finding per result,
 * written as JSON Lines where every line is one JSON array of at most {@value #BATCH_SIZE} findings, the most the
 * API takes in one call. Each line is therefore a ready {@code --findings} document:
 *
 * <pre>{@code
 * while IFS= read -r batch; do
 *   printf '%s' "$batch" > batch.json
 *   aws securityhub batch-import-findings --region REGION --findings file://batch.json
 * done < findings.asff
 * }</pre>
 *
 * <p>Findings go to the account's default custom integration
 * ({@code arn:PARTITION:securityhub:REGION:ACCOUNT:product/ACCOUNT/default}); their {@code Id} is the finding's
 * stable uid, so importing the next scan updates the same findings instead of adding new ones.
 */
public final class AsffReportWriter implements ReportWriter {

    /** BatchImportFindings accepts at most this many findings per call. */
    public static final int BATCH_SIZE = 100;
    static final String SCHEMA_VERSION = "2018-10-08";
    /** ASFF field limits (characters). */
    static final int TITLE_MAX = 256;
    static final int DESCRIPTION_MAX = 1024;
    static final int RECOMMENDATION_MAX = 512;

    /** One batch per line: no indentation. */
    private static final ObjectMapper COMPACT = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Override
    public void write(ScanReport report, OutputStream out) throws IOException {
        // One batch at a time is built and written: the findings of a large scan are never all in memory.
        Instant time = findingTime(report);
        Instant firstSeen = firstSeen(report, time);
        List<CheckResult> results = report.results();
        for (int from = 0; from < results.size(); from += BATCH_SIZE) {
            ArrayNode batch = COMPACT.createArrayNode();
            for (CheckResult result : results.subList(from, Math.min(results.size(), from + BATCH_SIZE))) {
                batch.add(finding(report, result, time, firstSeen));
            }
            COMPACT.writeValue(out, batch);
            out.write('\n');
        }
        out.flush();
    }

    /** The report's findings, one per result in the report's order, each addressed to its resource's region. */
    public static List<ObjectNode> findings(ScanReport report) {
        Instant time = findingTime(report);
        Instant firstSeen = firstSeen(report, time);
        List<ObjectNode> out = new java.util.ArrayList<>(report.results().size());
        for (CheckResult result : report.results()) {
            out.add(finding(report, result, time, firstSeen));
        }
        return out;
    }

    private static Instant findingTime(ScanReport report) {
        return (report.scan().finished() != null ? report.scan().finished() : Instant.now())
                .truncatedTo(ChronoUnit.MILLIS);
    }

    private static Instant firstSeen(ScanReport report, Instant time) {
        return report.scan().started() != null ? report.scan().started().truncatedTo(ChronoUnit.MILLIS) : time;
    }

    /**
     * The default custom integration of {@code account} in {@code region}: BatchImportFindings in a region takes
     * findings whose {@code ProductArn} names that region.
     */
    public static String productArn(String partition, String region, String account) {
        return "arn:" + partition + ":securityhub:" + region + ":" + account + ":product/" + account + "/default";
    }

    /**
     * {@code finding} addressed to the default integration in {@code region} instead of its resource's region
     * (Security Hub's home region, say); its {@code Region} and resources still name where the resource is.
     */
    public static ObjectNode importedInto(ObjectNode finding, String region) {
        ObjectNode copy = finding.deepCopy();
        String partition = finding.path("Resources").path(0).path("Partition").asText("aws");
        copy.put("ProductArn", productArn(partition, region, finding.path("AwsAccountId").asText()));
        return copy;
    }

    private static ObjectNode finding(ScanReport report, CheckResult result, Instant time, Instant firstSeen) {
        CheckMetadata meta = report.metadataOf(result.checkId());
        String partition = report.scan().partition();
        String account = result.resource().accountId();
        String region = result.resource().region();
        ObjectNode f = COMPACT.createObjectNode();
        f.put("SchemaVersion", SCHEMA_VERSION);
        f.put("Id", FindingUid.of(result));
        f.put("ProductArn", productArn(partition, region, account));
        f.put("ProductName", ProductInfo.NAME);
        f.put("CompanyName", ProductInfo.VENDOR);
        f.put("GeneratorId", result.checkId());
        f.put("AwsAccountId", account);
        f.put("Region", region);
        f.set("Types", ReportJson.strings(List.of(OcsfReportWriter.CHECK_TYPE)));
        f.put("FirstObservedAt", firstSeen.toString());
        f.put("CreatedAt", time.toString());
        f.put("UpdatedAt", time.toString());
        String severity = result.severity().name().toUpperCase(Locale.ROOT);
        f.putObject("Severity").put("Label", severity);
        // An import may not change Severity or Types of an existing finding; these fields are how a provider does.
        ObjectNode provider = f.putObject("FindingProviderFields");
        provider.putObject("Severity").put("Label", severity);
        provider.set("Types", ReportJson.strings(List.of(OcsfReportWriter.CHECK_TYPE)));
        f.put("Title", limit(meta != null ? meta.title() : result.checkId(), TITLE_MAX));
        f.put("Description", limit(result.statusText() == null || result.statusText().isBlank()
                ? (meta != null ? meta.description() : result.checkId()) : result.statusText(), DESCRIPTION_MAX));
        if (meta != null) {
            ObjectNode recommendation = f.putObject("Remediation").putObject("Recommendation");
            recommendation.put("Text", limit(io.tablewarden.engine.remediation.RemediationRenderer.fill(
                    meta.remediationFor(result).summary(), result.placeholders(),
                    io.tablewarden.engine.remediation.SnippetFormat.TEXT), RECOMMENDATION_MAX));
            if (!meta.links().isEmpty()) {
                recommendation.put("Url", meta.links().get(0));
            }
        }
        ObjectNode fields = f.putObject("ProductFields");
        fields.put("tablewarden/CheckId", result.checkId());
        fields.put("tablewarden/Status", result.status().name());
        fields.put("tablewarden/ScanState", String.valueOf(report.scan().state()));
        f.set("Resources", COMPACT.createArrayNode().add(resource(result, partition)));

        ObjectNode compliance = f.putObject("Compliance");
        compliance.put("Status", complianceStatus(result.status()));
        if (meta != null && meta.securityHubControl() != null) {
            compliance.set("RelatedRequirements", ReportJson.strings(List.of(
                    OcsfReportWriter.COMPLIANCE_FRAMEWORK + " " + meta.securityHubControl())));
            compliance.put("SecurityControlId", meta.securityHubControl());
        }
        if (result.status() == Status.ERROR || result.status() == Status.NOT_APPLICABLE) {
            compliance.set("StatusReasons", COMPACT.createArrayNode().add(COMPACT.createObjectNode()
                    .put("ReasonCode", result.status() == Status.ERROR ? "CONFIG_ACCESS_DENIED" : "NOT_APPLICABLE")
                    .put("Description", limit(result.statusText(), DESCRIPTION_MAX))));
        }
        ScanReport.MuteNote mute = report.muteOf(result);
        f.putObject("Workflow").put("Status", mute != null ? "SUPPRESSED"
                : result.status() == Status.FAIL ? "NEW" : "RESOLVED");
        if (mute != null) {
            fields.put("tablewarden/MuteReason", limit(mute.reason(), DESCRIPTION_MAX));
            if (mute.expiresAt() != null) {
                fields.put("tablewarden/MuteExpiresAt", mute.expiresAt().toString());
            }
        }
        f.put("RecordState", "ACTIVE");
        return f;
    }

    private static ObjectNode resource(CheckResult result, String partition) {
        ObjectNode r = COMPACT.createObjectNode();
        ResourceType type = result.resource().type();
        r.put("Type", type.securityHubType());
        r.put("Id", result.resource().arn());
        r.put("Partition", partition);
        r.put("Region", result.resource().region());
        ObjectNode details = r.putObject("Details");
        if (type == ResourceType.TABLE) {
            details.putObject("AwsDynamoDbTable").put("TableName", result.resource().name());
        } else {
            details.putObject("Other").put(type == ResourceType.DAX_CLUSTER ? "ClusterName" : "Name",
                    result.resource().name());
        }
        return r;
    }

    /** PASSED, FAILED or NOT_AVAILABLE (the check could not decide, or does not apply). */
    static String complianceStatus(Status status) {
        return switch (status) {
            case PASS -> "PASSED";
            case FAIL -> "FAILED";
            default -> "NOT_AVAILABLE";
        };
    }

    /** {@code text} cut to {@code max} characters (never inside a surrogate pair), with an ellipsis when cut. */
    static String limit(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
