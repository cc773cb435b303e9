package io.tablewarden.store;

import io.tablewarden.engine.checks.table.TableBackupPlanCheck;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A result's cause is stored with it, so a reopened scan offers the fix for that cause; older rows have none. */
class ResultCauseStoreTest {

    private static final String CHECK = TableBackupPlanCheck.ID;

    @TempDir
    Path dir;

    @Test
    void aCauseSurvivesStoringAndReopeningAndPicksItsFix() {
        Path file = dir.resolve("tw.db");
        CheckResult plain = StoreTestSupport.result(CHECK, "111122223333", "orders", Status.FAIL);
        CheckResult withCause = new CheckResult(plain.checkId(), plain.resource(), plain.status(), plain.severity(),
                plain.statusText(), plain.evidence(), plain.placeholders(), "region_not_opted_in");
        CheckResult other = StoreTestSupport.result(CHECK, "111122223333", "payments", Status.FAIL);
        long id;
        try (TablewardenStore store = TablewardenStore.open(file, new SchemaMigrator(), StoreTestSupport.CLOCK)) {
            id = store.scans().create(StoreTestSupport.newScan("111122223333"));
            store.scans().writeRegion(id, "eu-west-1", null, List.of(), List.of(withCause, other));
            store.scans().finish(id, StoredScanState.COMPLETED, StoreTestSupport.NOW, null, null);
        }
        try (TablewardenStore store = TablewardenStore.open(file, new SchemaMigrator(), StoreTestSupport.CLOCK)) {
            List<CheckResult> results = store.scans().results(id);
            assertEquals(List.of(withCause, other), results);
            CheckMetadata metadata = new TableBackupPlanCheck().metadata();
            assertTrue(metadata.remediationFor(results.get(0)).regionCli().contains("update-region-settings"));
            assertEquals(metadata.remediation(), metadata.remediationFor(results.get(1)));
        }
    }

    @Test
    void aVersionFourDatabaseKeepsItsResultsWithoutCause() throws Exception {
        Path file = dir.resolve("old.db");
        SchemaMigrator v4 = new SchemaMigrator(SchemaMigrator.MIGRATIONS.subList(0, 4));
        try (TablewardenStore old = TablewardenStore.open(file, v4, StoreTestSupport.CLOCK);
             Statement st = old.connection().createStatement()) {
            st.execute("INSERT INTO account (account_id, partition) VALUES ('111122223333', 'aws')");
            st.execute("INSERT INTO scan (id, account_id, regions_json, checks_json, parameters_json, started_at,"
                    + " state, fail_count) VALUES (3, '111122223333', '[\"eu-west-1\"]', '[]', '{}',"
                    + " '2026-01-01T00:00:00Z', 'completed', 1)");
            st.execute("INSERT INTO result (scan_id, check_id, resource_arn, resource_name, resource_type, region,"
                    + " account_id, status, severity, status_text, evidence_json, placeholders_json) VALUES (3, '"
                    + CHECK + "', 'arn:t', 't', 'TABLE', 'eu-west-1', '111122223333', 'FAIL', 'MEDIUM', 'x', '{}', '{}')");
        }
        try (TablewardenStore store = TablewardenStore.open(file, new SchemaMigrator(), StoreTestSupport.CLOCK)) {
            List<CheckResult> results = store.scans().results(3);
            assertEquals(1, results.size());
            assertNull(results.get(0).cause());
        }
    }

    @Test
    void aDamagedCauseIsReadAsNone() throws Exception {
        Path file = dir.resolve("tw.db");
        try (TablewardenStore store = TablewardenStore.open(file, new SchemaMigrator(), StoreTestSupport.CLOCK)) {
            long id = store.scans().create(StoreTestSupport.newScan("111122223333"));
            store.scans().writeRegion(id, "eu-west-1", null, List.of(),
                    List.of(StoreTestSupport.result(CHECK, "111122223333", "orders", Status.FAIL)));
            try (Statement st = store.connection().createStatement()) {
                st.execute("UPDATE result SET cause = 'Not A Cause; DROP' WHERE scan_id = " + id);
            }
            assertNull(store.scans().results(id).get(0).cause());
        }
    }
}
