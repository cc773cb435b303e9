package io.tablewarden.ui.results;

import io.tablewarden.engine.checks.MetadataLoader;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.ResourceRef;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.Status;
import io.tablewarden.report.ScanReport;
import io.tablewarden.store.StoredResult;
import io.tablewarden.ui.model.OrganizationContext;
import io.tablewarden.ui.model.ScanSnapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small organisation scan for the results pages' tests, scanned with profile {@code client-mgmt} from the
 * management account: the management account passes half, Payments fails everything, Analytics passes
 * everything, Dev refused its role and Legacy is suspended.
 */
final class OrganizationSnapshots {

    static final String MANAGEMENT = "111111111111";
    static final String PAYMENTS = "222222222222";
    static final String ANALYTICS = "333333333333";
    static final String DEV = "444444444444";
    static final String LEGACY = "555555555555";
    static final String PITR = TestSnapshots.PITR;
    static final String DELETION = TestSnapshots.DELETION;
    static final String TAGGED = TestSnapshots.TAGGED;

    private OrganizationSnapshots() {
    }

    static StoredResult table(String account, String check, String name, Status status) {
        String region = "eu-west-1";
        String arn = "arn:aws:dynamodb:" + region + ":" + account + ":table/" + name;
        ResourceRef ref = new ResourceRef(arn, name, ResourceType.TABLE, region, account);
        Map<String, String> placeholders = Map.of("table_name", name, "table_arn", arn, "region", region,
                "account_id", account, "partition", "aws");
        return new StoredResult(new CheckResult(check, ref, status, MetadataLoader.load(check).severity(),
                "Table " + name + " is " + status + " for " + check + ".", Map.of(), placeholders), false);
    }

    static ScanSnapshot organization() {
        List<StoredResult> rows = new ArrayList<>();
        rows.add(table(MANAGEMENT, PITR, "orders", Status.FAIL));
        rows.add(table(MANAGEMENT, DELETION, "orders", Status.PASS));
        rows.add(table(PAYMENTS, PITR, "ledger", Status.FAIL));
        rows.add(table(PAYMENTS, DELETION, "ledger", Status.FAIL));
        rows.add(table(PAYMENTS, TAGGED, "ledger", Status.FAIL));
        rows.add(table(ANALYTICS, PITR, "events", Status.PASS));
        rows.add(table(ANALYTICS, DELETION, "events", Status.PASS));
        Map<String, CheckMetadata> metadata = new HashMap<>();
        rows.forEach(r -> metadata.computeIfAbsent(r.result().checkId(), MetadataLoader::load));
        OrganizationContext context = new OrganizationContext(12L, "o-test12345", MANAGEMENT, "client-mgmt",
                "TablewardenAudit", List.of(
                new OrganizationContext.Account(MANAGEMENT, "Management", "", "scanned", null, 1L),
                new OrganizationContext.Account(PAYMENTS, "Payments", "Production", "scanned", null, 2L),
                new OrganizationContext.Account(ANALYTICS, "Analytics", "Production", "scanned", null, 3L),
                new OrganizationContext.Account(DEV, "Dev", "Development", "error",
                        "cannot assume arn:aws:iam::444444444444:role/TablewardenAudit", null),
                new OrganizationContext.Account(LEGACY, "Legacy", "Development", "suspended",
                        "the account is suspended; there is nothing to scan", null)));
        ScanReport.ScanInfo info = new ScanReport.ScanInfo(null, "aws", null, List.of("eu-west-1"),
                Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-01T10:05:00Z"), "COMPLETED", "test",
                null);
        return new ScanSnapshot(null, info, rows, metadata, context);
    }
}
