package io.tablewarden.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.ResourceRef;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Our own JSON: {@code {scan: {...}, results: [...], regionErrors: [...], stats: {...}}}; a region error is
 * what the scan could not do for a whole region (a listing that failed), never a result. Field names follow
 * the Java model, so it reads back without a mapping table; {@code findingUid} matches the OCSF and CSV outputs.
 */
public final class NativeJsonReportWriter implements ReportWriter {

    @Override
    public void write(ScanReport report, OutputStream out) throws IOException {
        // Written piece by piece, each result built and dropped, so the document is never whole in memory.
        JsonGenerator gen = ReportJson.generator(out);
        gen.writeStartObject();
        gen.writeFieldName("scan");
        ReportJson.writeNode(gen, scan(report.scan()));
        gen.writeFieldName("results");
        gen.writeStartArray();
        for (CheckResult result : report.results()) {
            ReportJson.writeNode(gen, result(result, report.metadataOf(result.checkId())));
        }
        gen.writeEndArray();
        gen.writeFieldName("regionErrors");
        ReportJson.writeNode(gen, ReportJson.regionErrors(report.regionErrors()));
        gen.writeFieldName("stats");
        ReportJson.writeNode(gen, ReportJson.stats(report.stats(), StatsJsonWriter.countByStatus(report.results())));
        gen.writeEndObject();
        ReportJson.finish(gen, out);
    }

    private static ObjectNode scan(ScanReport.ScanInfo info) {
        ObjectNode node = ReportJson.MAPPER.createObjectNode();
        node.put("account", info.accountId());
        if (info.accountAlias() != null) {
            node.put("accountAlias", info.accountAlias());
        }
        node.put("partition", info.partition());
        node.put("callerArn", info.callerArn());
        node.set("regions", ReportJson.strings(info.regions()));
        node.put("started", timestamp(info.started()));
        node.put("finished", timestamp(info.finished()));
        node.put("state", info.state());
        node.put("toolVersion", info.toolVersion());
        node.set("parameters", parameters(info.parameters()));
        return node;
    }

    private static ObjectNode parameters(CheckParameters p) {
        ObjectNode node = ReportJson.MAPPER.createObjectNode();
        node.put("minProvisionedReadCapacity", p.minProvisionedReadCapacity());
        node.put("minProvisionedWriteCapacity", p.minProvisionedWriteCapacity());
        node.put("targetReadUtilization", p.targetReadUtilization());
        node.put("targetWriteUtilization", p.targetWriteUtilization());
        node.put("minRecoveryPeriodDays", p.minRecoveryPeriodDays());
        node.put("backupVaultLockCheck", p.backupVaultLockCheck());
        node.set("requiredTagKeys", ReportJson.strings(p.requiredTagKeys()));
        node.set("trustedAccountIds", ReportJson.strings(new TreeSet<>(p.trustedAccountIds())));
        node.put("maxRecoveryPointAgeHours", p.maxRecoveryPointAgeHours());
        return node;
    }

    private static ObjectNode result(CheckResult result, CheckMetadata meta) {
        ObjectNode node = ReportJson.MAPPER.createObjectNode();
        node.put("findingUid", FindingUid.of(result));
        node.put("checkId", result.checkId());
        node.put("securityHubControl", meta == null ? null : meta.securityHubControl());
        node.put("status", result.status().name());
        node.put("severity", result.severity().name());
        node.put("statusText", result.statusText());
        if (result.cause() != null) {
            node.put("cause", result.cause());
        }
        ResourceRef ref = result.resource();
        ObjectNode resource = node.putObject("resource");
        resource.put("arn", ref.arn());
        resource.put("name", ref.name());
        resource.put("type", ref.type().name());
        resource.put("region", ref.region());
        resource.put("accountId", ref.accountId());
        node.set("evidence", ReportJson.MAPPER.valueToTree(result.evidence()));
        node.set("placeholders", ReportJson.MAPPER.valueToTree(new TreeMap<>(result.placeholders())));
        return node;
    }

    private static String timestamp(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
