package io.tablewarden.ui.results;

import io.tablewarden.engine.checks.MetadataLoader;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.ResourceRef;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.Status;
import io.tablewarden.report.ScanReport;
import io.tablewarden.store.StoredResult;
import io.tablewarden.ui.model.ScanSnapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-made scans with the real check metadata, for the result screens' tests. */
final class TestSnapshots {

    static final String ACCOUNT = "210987654321";
    static final String PITR = "dynamodb_tables_pitr_enabled";
    static final String DELETION = "dynamodb_table_deletion_protection_enabled";
    static final String TAGGED = "dynamodb_table_tagged";
    static final String KMS_USABLE = "dynamodb_table_kms_key_usable";
    static final String DAX_SSE = "dynamodb_accelerator_cluster_encryption_enabled";
    static final String DAX_TLS = "dynamodb_accelerator_cluster_in_transit_encryption_enabled";

    private TestSnapshots() {
    }

    static String tableArn(String region, String name) {
        return "arn:aws:dynamodb:" + region + ":" + ACCOUNT + ":table/" + name;
    }

    static StoredResult table(String check, String region, String name, Status status, boolean muted) {
        ResourceRef ref = new ResourceRef(tableArn(region, name), name, ResourceType.TABLE, region, ACCOUNT);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("TableStatus", "ACTIVE");
        evidence.put("PointInTimeRecoveryStatus", status == Status.PASS ? "ENABLED" : "DISABLED");
        evidence.put("Tags", Map.of("team", "payments"));
        evidence.put("Indexes", List.of("by-customer", "by-date"));
        Map<String, String> placeholders = Map.of("table_name", name, "table_arn", ref.arn(), "region", region,
                "account_id", ACCOUNT, "partition", "aws");
        CheckMetadata metadata = MetadataLoader.load(check);
        return new StoredResult(new CheckResult(check, ref, status, metadata.severity(),
                "Table " + name + " is " + status.name().toLowerCase() + " for " + check + ".", evidence,
                placeholders), muted);
    }

    static StoredResult dax(String check, String region, String name, Status status) {
        String arn = "arn:aws:dax:" + region + ":" + ACCOUNT + ":cache/" + name;
        ResourceRef ref = new ResourceRef(arn, name, ResourceType.DAX_CLUSTER, region, ACCOUNT);
        Map<String, String> placeholders = Map.of("dax_cluster_name", name, "dax_cluster_arn", arn,
                "region", region, "account_id", ACCOUNT, "partition", "aws");
        return new StoredResult(new CheckResult(check, ref, status, MetadataLoader.load(check).severity(),
                "Cluster " + name + " is " + status + ".", Map.of("SSEDescription.Status", "DISABLED"),
                placeholders), false);
    }

    static StoredResult regionError(String check, String region) {
        ResourceRef ref = new ResourceRef("arn:aws:dynamodb:" + region + ":" + ACCOUNT + ":table/*", region,
                ResourceType.REGION, region, ACCOUNT);
        return new StoredResult(new CheckResult(check, ref, Status.ERROR, MetadataLoader.load(check).severity(),
                "dynamodb:ListTables was denied in " + region + ".", Map.of(),
                Map.of("region", region, "account_id", ACCOUNT, "partition", "aws")), false);
    }

    /** A snapshot of {@code rows} with the metadata of every check that appears in them. */
    static ScanSnapshot snapshot(List<StoredResult> rows) {
        Map<String, CheckMetadata> metadata = new HashMap<>();
        List<String> regions = new ArrayList<>();
        for (StoredResult row : rows) {
            metadata.computeIfAbsent(row.result().checkId(), MetadataLoader::load);
            if (!regions.contains(row.result().resource().region())) {
                regions.add(row.result().resource().region());
            }
        }
        ScanReport.ScanInfo info = new ScanReport.ScanInfo(ACCOUNT, "aws", "arn:aws:iam::" + ACCOUNT + ":user/audit",
                regions, Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-01T10:02:00Z"), "COMPLETED",
                "test", null);
        return new ScanSnapshot(7L, info, rows, metadata);
    }

    /**
     * A small account: orders (fails PITR, muted deletion protection), payments (passes), audit-log in
     * us-east-1 (ERROR on KMS), one DAX cluster failing encryption, a region-wide error in ap-south-1.
     */
    static ScanSnapshot small() {
        List<StoredResult> rows = new ArrayList<>();
        rows.add(table(PITR, "eu-west-1", "orders", Status.FAIL, false));
        rows.add(table(DELETION, "eu-west-1", "orders", Status.FAIL, true));
        rows.add(table(TAGGED, "eu-west-1", "orders", Status.PASS, false));
        rows.add(table(KMS_USABLE, "eu-west-1", "orders", Status.NOT_APPLICABLE, false));
        rows.add(table(PITR, "eu-west-1", "payments", Status.PASS, false));
        rows.add(table(DELETION, "eu-west-1", "payments", Status.PASS, false));
        rows.add(table(TAGGED, "eu-west-1", "payments", Status.PASS, false));
        rows.add(table(KMS_USABLE, "eu-west-1", "payments", Status.PASS, false));
        rows.add(table(PITR, "us-east-1", "audit-log", Status.FAIL, false));
        rows.add(table(DELETION, "us-east-1", "audit-log", Status.PASS, false));
        rows.add(table(TAGGED, "us-east-1", "audit-log", Status.FAIL, false));
        rows.add(table(KMS_USABLE, "us-east-1", "audit-log", Status.ERROR, false));
        rows.add(dax(DAX_SSE, "eu-west-1", "session-cache", Status.FAIL));
        rows.add(dax(DAX_TLS, "eu-west-1", "session-cache", Status.ERROR));
        rows.add(regionError(PITR, "ap-south-1"));
        return snapshot(rows);
    }

    /** {@code count} results spread over 14 regions, 4 checks and every status; every 7th one muted. */
    static ScanSnapshot large(int count) {
        String[] checks = {PITR, DELETION, TAGGED, KMS_USABLE};
        Status[] statuses = Status.values();
        List<StoredResult> rows = new ArrayList<>(count);
        Map<String, CheckMetadata> metadata = new HashMap<>();
        for (String check : checks) {
            metadata.put(check, MetadataLoader.load(check));
        }
        for (int i = 0; i < count; i++) {
            String check = checks[i % checks.length];
            String region = "region-" + (i / checks.length) % 14;
            String name = "table-" + (i / checks.length);
            ResourceRef ref = new ResourceRef(tableArn(region, name), name, ResourceType.TABLE, region, ACCOUNT);
            rows.add(new StoredResult(new CheckResult(check, ref, statuses[(i / 3) % statuses.length],
                    metadata.get(check).severity(), name + " result", Map.of(),
                    Map.of("table_name", name, "region", region)), i % 7 == 0));
        }
        ScanReport.ScanInfo info = new ScanReport.ScanInfo(ACCOUNT, "aws", null, List.of(), Instant.EPOCH,
                Instant.EPOCH, "COMPLETED", "test", null);
        return new ScanSnapshot(1L, info, rows, metadata);
    }
}
