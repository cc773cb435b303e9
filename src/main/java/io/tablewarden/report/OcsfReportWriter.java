package io.tablewarden.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tablewarden.engine.remediation.RemediationRenderer;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.RegionError;
import io.tablewarden.model.Severity;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A JSON array of OCSF 1.1 Detection Findings (class 2004), one per result, shaped like Prowler's
 * {@code json-ocsf} output so that tools which ingest Prowler findings read ours unchanged. Each region error
 * follows as one more finding with status code ERROR, about the account in that region, with no resource.
 */
public final class OcsfReportWriter implements ReportWriter {

    static final String OCSF_VERSION = "1.1.0";
    static final String COMPLIANCE_FRAMEWORK = "AWS-Foundational-Security-Best-Practices";
    /** Event code of the finding that carries a region error (not a check's result). */
    static final String REGION_ERROR_CODE = "tablewarden_region_error";
    /** Security Hub's finding type namespace, which Prowler also uses for configuration checks. */
    static final String CHECK_TYPE = "Software and Configuration Checks/AWS Security Best Practices";

    @Override
    public void write(ScanReport report, OutputStream out) throws IOException {
        Instant time = report.scan().finished() != null ? report.scan().finished() : Instant.now();
        // Each finding is built, written and dropped: the document (several kilobytes a result) is never whole
        // in memory.
        JsonGenerator gen = ReportJson.generator(out);
        gen.writeStartArray();
        for (CheckResult result : report.results()) {
            ReportJson.writeNode(gen, finding(report, result, time));
        }
        for (RegionError error : report.regionErrors()) {
            ReportJson.writeNode(gen, regionError(report, error, time));
        }
        gen.writeEndArray();
        ReportJson.finish(gen, out);
    }

    /**
     * A region the scan could not complete, as a finding about the account in that region with no resource:
     * event code {@value #REGION_ERROR_CODE}, status code ERROR.
     */
    private ObjectNode regionError(ScanReport report, RegionError error, Instant time) {
        ObjectNode f = detectionFinding(report, error.message(), 0, "Unknown", "ERROR", REGION_ERROR_CODE, time);
        ObjectNode info = f.putObject("finding_info");
        info.put("uid", REGION_ERROR_CODE + "-" + report.scan().accountId() + "-" + error.region() + "-"
                + error.call());
        info.put("title", error.listed() == null ? "Region could not be scanned"
                : "Region's " + error.listed() + " could not all be listed");
        info.put("desc", error.message());
        info.put("created_time", time.toEpochMilli());
        info.put("created_time_dt", time.toString());
        ObjectNode cloud = f.putObject("cloud");
        ObjectNode account = cloud.putObject("account");
        account.put("uid", report.scan().accountId());
        account.put("type", "AWS_Account");
        account.put("type_id", 10);
        cloud.put("provider", "aws");
        cloud.put("region", error.region());
        cloud.put("partition", report.scan().partition());
        ObjectNode unmapped = f.putObject("unmapped");
        unmapped.put("call", error.call());
        unmapped.put("error_code", error.error().errorCode());
        unmapped.put("items_read", error.itemsRead());
        return f;
    }

    private ObjectNode finding(ScanReport report, CheckResult result, Instant time) {
        CheckMetadata meta = report.metadataOf(result.checkId());
        String partition = report.scan().partition();
        ObjectNode f = detectionFinding(report, result.statusText(), severityId(result.severity()),
                capitalised(result.severity()), result.status().name(), result.checkId(), time);
        ScanReport.MuteNote mute = report.muteOf(result);
        if (mute != null) {
            // A muted finding is suppressed in OCSF terms; its status_code keeps the check's verdict.
            f.put("status", "Suppressed");
            f.put("status_id", 3);
        }

        ObjectNode info = f.putObject("finding_info");
        info.put("uid", FindingUid.of(result));
        info.put("title", meta != null ? meta.title() : result.checkId());
        info.put("desc", meta != null ? meta.description() : result.statusText());
        info.put("created_time", time.toEpochMilli());
        info.put("created_time_dt", time.toString());
        info.set("types", ReportJson.strings(List.of(CHECK_TYPE)));

        ObjectNode cloud = f.putObject("cloud");
        ObjectNode account = cloud.putObject("account");
        account.put("uid", result.resource().accountId());
        String alias = report.scan().accountAlias();
        if (alias != null && result.resource().accountId() != null
                && result.resource().accountId().equals(report.scan().accountId())) {
            account.put("name", alias);
        }
        account.put("type", "AWS_Account");
        account.put("type_id", 10);
        cloud.put("provider", "aws");
        cloud.put("region", result.resource().region());
        cloud.put("partition", partition);

        ObjectNode resource = f.putArray("resources").addObject();
        resource.put("uid", result.resource().arn());
        resource.put("name", result.resource().name());
        resource.put("type", result.resource().type().cloudFormationType());
        resource.put("region", result.resource().region());
        resource.put("cloud_partition", partition);
        ObjectNode data = resource.putObject("data");
        data.set("evidence", ReportJson.MAPPER.valueToTree(result.evidence()));
        ObjectNode details = data.putObject("details");
        details.put("name", result.resource().name());
        details.put("account_id", result.resource().accountId());
        details.put("security_hub_type", result.resource().type().securityHubType());
        resource.putObject("group").put("name", ResourceGroups.of(result.resource().type()));

        if (meta != null) {
            f.set("remediation", remediation(meta, result));
            f.put("risk_details", meta.risk());
        }
        ObjectNode unmapped = unmapped(meta);
        if (meta != null && meta.securityHubControl() != null) {
            ObjectNode control = unmapped.putObject("compliance_status");
            control.put("control", meta.securityHubControl());
            control.put("status", AsffReportWriter.complianceStatus(result.status()));
        }
        if (mute != null) {
            ObjectNode muted = unmapped.putObject("mute");
            muted.put("reason", mute.reason());
            if (mute.mutedBy() != null) {
                muted.put("by", mute.mutedBy());
            }
            if (mute.expiresAt() != null) {
                muted.put("expires_dt", mute.expiresAt().toString());
            }
        }
        f.set("unmapped", unmapped);
        return f;
    }

    /** The members every Detection Finding of the report shares: class, status, time and product. */
    private static ObjectNode detectionFinding(ScanReport report, String message, int severityId, String severity,
                                               String statusCode, String eventCode, Instant time) {
        ObjectNode f = ReportJson.MAPPER.createObjectNode();
        f.put("message", message);
        f.put("activity_id", 1);
        f.put("activity_name", "Create");
        f.put("category_uid", 2);
        f.put("category_name", "Findings");
        f.put("class_uid", 2004);
        f.put("class_name", "Detection Finding");
        f.put("type_uid", 200401);
        f.put("type_name", "Detection Finding: Create");
        f.put("severity_id", severityId);
        f.put("severity", severity);
        f.put("status", "New");
        f.put("status_id", 1);
        f.put("status_code", statusCode);
        f.put("status_detail", message);
        f.put("time", time.toEpochMilli());
        f.put("time_dt", time.toString());
        ObjectNode metadata = f.putObject("metadata");
        metadata.put("event_code", eventCode);
        ObjectNode product = metadata.putObject("product");
        product.put("name", ProductInfo.NAME);
        product.put("uid", ProductInfo.NAME.toLowerCase(Locale.ROOT));
        product.put("vendor_name", ProductInfo.VENDOR);
        product.put("version", report.scan().toolVersion());
        metadata.put("version", OCSF_VERSION);
        metadata.set("profiles", ReportJson.strings(List.of("cloud")));
        return f;
    }

    private static ObjectNode remediation(CheckMetadata meta, CheckResult result) {
        CheckMetadata.Remediation filled = RemediationRenderer.fillFor(meta, result);
        ObjectNode node = ReportJson.MAPPER.createObjectNode();
        node.put("desc", filled.summary());
        node.set("references", ReportJson.strings(meta.links()));
        node.put("cli", filled.fullCli());
        node.put("cloudformation", filled.cloudFormation());
        node.put("terraform", filled.terraform());
        node.put("console", String.join("\n", filled.console()));
        node.put("in_place", filled.inPlace());
        return node;
    }

    private static ObjectNode unmapped(CheckMetadata meta) {
        ObjectNode node = ReportJson.MAPPER.createObjectNode();
        ObjectNode compliance = node.putObject("compliance");
        if (meta != null) {
            if (meta.securityHubControl() != null) {
                compliance.set(COMPLIANCE_FRAMEWORK, ReportJson.strings(List.of(meta.securityHubControl())));
            }
            node.put("check_type", CHECK_TYPE);
            node.set("categories", ReportJson.strings(meta.categories()));
        }
        return node;
    }

    /** OCSF severity_id: 1 informational, 2 low, 3 medium, 4 high, 5 critical. */
    static int severityId(Severity severity) {
        return switch (severity) {
            case INFORMATIONAL -> 1;
            case LOW -> 2;
            case MEDIUM -> 3;
            case HIGH -> 4;
            case CRITICAL -> 5;
        };
    }

    /** OCSF's caption spelling: {@code Informational}, {@code Low}, ... */
    static String capitalised(Severity severity) {
        String lower = severity.lower();
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
