package io.tablewarden.engine.scan;

import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.ScanEngine;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.engine.checks.support.BackupPlanCoverage;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.inventory.RegionInventory;
import io.tablewarden.model.inventory.TableInventory;
import io.tablewarden.simulator.AccountSimulator;
import io.tablewarden.simulator.SimulatorOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recovery points are read for the ACTIVE tables a backup plan covers, the only ones judged by them (ADR 0011). */
class RecoveryPointCallsTest {

    @Test
    void onlyCoveredActiveTablesCostARecoveryPointListing() throws Exception {
        try (AccountSimulator demo = AccountSimulator.startDemo(
                SimulatorOptions.builder().shiftRecoveryPointsToNow(true).build())) {
            ScanRequest request = new ScanRequest(ConnectionSettings.forSimulator(demo.endpoint(), "us-east-1"),
                    List.of(), Set.of(), CheckParameters.defaults(), 8, Duration.ofSeconds(10), 4);
            ScanOutcome outcome = new ScanEngine(CheckRegistry.builtIn().all())
                    .run(request, ScanListener.NONE, new CancellationToken());
            assertEquals(ScanOutcome.ScanState.COMPLETED, outcome.state(), outcome.failureReason());
            int covered = 0;
            int uncovered = 0;
            for (RegionInventory region : outcome.inventory().regions()) {
                if (region.tables() == null || region.tables().value() == null) {
                    continue;
                }
                for (TableInventory table : region.tables().value()) {
                    boolean active = table.description().isOk()
                            && "ACTIVE".equals(table.description().value().tableStatus());
                    boolean judged = active && region.backup() != null
                            && BackupPlanCoverage.evaluate(table, region.backup()).covered();
                    if (judged) {
                        covered++;
                        assertNotNull(table.recoveryPoints(), table.arn());
                    } else {
                        uncovered++;
                        assertNull(table.recoveryPoints(), table.arn());
                    }
                }
            }
            assertTrue(covered > 0 && uncovered > 0, "the demo account has covered and uncovered tables");
            assertEquals(covered, demo.requestCount("backup:ListRecoveryPointsByResource"));
        }
    }

    @Test
    void aDeletedPlanIsReadOnlyWhereATableIsCoveredByNoLivePlan() throws Exception {
        try (AccountSimulator demo = AccountSimulator.startDemo(SimulatorOptions.defaults())) {
            ScanRequest request = new ScanRequest(ConnectionSettings.forSimulator(demo.endpoint(), "us-east-1"),
                    List.of(), Set.of("dynamodb_table_protected_by_backup_plan"), CheckParameters.defaults(), 8,
                    Duration.ofSeconds(10), 4);
            ScanOutcome outcome = new ScanEngine(CheckRegistry.builtIn().all())
                    .run(request, ScanListener.NONE, new CancellationToken());
            assertEquals(ScanOutcome.ScanState.COMPLETED, outcome.state(), outcome.failureReason());
            // us-east-1 lists one deleted plan (legacy-weekly-exports, one rule, vault Default) and has uncovered
            // tables: its last version and its recovery points in that vault cost one call each. No other region
            // of the demo lists a deleted plan.
            assertEquals(1, demo.requestCount("backup:ListRecoveryPointsByBackupVault"));
            RegionInventory east = outcome.inventory().regions().stream().filter(r -> r.region().equals("us-east-1"))
                    .findFirst().orElseThrow();
            io.tablewarden.model.inventory.BackupInventory.BackupPlan legacy = east.backup().plans().value().stream()
                    .filter(io.tablewarden.model.inventory.BackupInventory.BackupPlan::deleted).findFirst().orElseThrow();
            assertEquals("legacy-weekly-exports", legacy.backupPlanName());
            assertEquals(List.of("arn:aws:dynamodb:us-east-1:111122223333:table/customer-exports"),
                    legacy.recoveryPoints().value().stream().map(p -> p.resourceArn()).distinct().toList());
            assertNull(legacy.selections(), "a deleted plan's selections are not read: AWS deleted them first");
        }
    }
}
