package io.tablewarden.report;

import io.tablewarden.engine.ScanStats;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.ResourceRef;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.Severity;
import io.tablewarden.model.Status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-built results and metadata for writer tests: no AWS, no engine. */
final class ReportFixtures {

    static final String ACCOUNT = "210987654321";
    static final String PITR = "dynamodb_tables_pitr_enabled";
    static final String CROSS = "dynamodb_table_cross_account_access";

    private ReportFixtures() {
    }

    static CheckMetadata pitrMetadata() {
        return new CheckMetadata(PITR, "DynamoDB table has point-in-time recovery enabled", "PITR", Severity.MEDIUM,
                ResourceType.TABLE, "Looks at continuous backups.", "Data cannot be restored to a point in time.",
                "DynamoDB.2", List.of("resilience"), List.of("https://docs.aws.amazon.com/pitr"),
                new CheckMetadata.Remediation("Turn on PITR for {{table_name}}.",
                        "aws dynamodb update-continuous-backups --region {{region}} --table-name {{table_name}} "
                                + "--point-in-time-recovery-specification PointInTimeRecoveryEnabled=true",
                        "Type: AWS::DynamoDB::Table # {{table_name}}", "resource \"aws_dynamodb_table\" \"{{table_name}}\" {}",
                        List.of("Open table {{table_name}} in {{region}}"), true));
    }

    static CheckMetadata crossAccountMetadata() {
        return new CheckMetadata(CROSS, "DynamoDB table policy grants no foreign account", "Cross account",
                Severity.HIGH,
                ResourceType.TABLE, "Reads the resource policy.", "Another account can read the data.", null,
                List.of("access"), List.of(), new CheckMetadata.Remediation("Remove the statement.",
                "aws dynamodb delete-resource-policy --resource-arn {{table_arn}}", "", "", List.of(), true));
    }

    static ResourceRef table(String region, String name) {
        return new ResourceRef("arn:aws:dynamodb:" + region + ":" + ACCOUNT + ":table/" + name, name,
                ResourceType.TABLE, region, ACCOUNT);
    }

    static CheckResult result(String checkId, ResourceRef ref, Status status, Severity severity, String text) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("PointInTimeRecoveryStatus", status == Status.PASS ? "ENABLED" : "DISABLED");
        evidence.put("RecoveryPeriodInDays", 35);
        return new CheckResult(checkId, ref, status, severity, text, evidence,
                Map.of("table_name", ref.name(), "table_arn", ref.arn(), "region", ref.region(),
                        "account_id", ref.accountId()));
    }

    static List<CheckResult> sampleResults() {
        return List.of(
                result(PITR, table("eu-west-1", "orders"), Status.FAIL, Severity.MEDIUM,
                        "Table orders has point-in-time recovery disabled."),
                result(PITR, table("eu-west-1", "users"), Status.PASS, Severity.MEDIUM,
                        "Table users has point-in-time recovery enabled with 35 days."),
                result(CROSS, table("eu-west-1", "orders"), Status.ERROR, Severity.HIGH,
                        "dynamodb:GetResourcePolicy failed (AccessDeniedException); grant it."),
                result(CROSS, table("us-east-1", "audit"), Status.NOT_APPLICABLE, Severity.HIGH,
                        "Table audit is being deleted."));
    }

    static ScanStats stats() {
        return new ScanStats(42, Map.of("dynamodb:DescribeTable", 30L, "sts:GetCallerIdentity", 1L), 3, 2, 1234,
                7, 16, 2, 3, Map.of(Status.PASS, 1L, Status.FAIL, 1L));
    }

    static ScanReport report(List<CheckResult> results) {
        ScanReport.ScanInfo info = new ScanReport.ScanInfo(ACCOUNT, "aws", "arn:aws:iam::" + ACCOUNT + ":user/auditor",
                List.of("eu-west-1", "us-east-1"), Instant.parse("2026-01-02T03:04:05Z"),
                Instant.parse("2026-01-02T03:04:17Z"), "COMPLETED", "1.2.3", CheckParameters.defaults());
        return new ScanReport(info, results, stats(), Map.of(PITR, pitrMetadata(), CROSS, crossAccountMetadata()));
    }

    static String render(ReportWriter writer, ScanReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
