package io.tablewarden.engine.checks.table;

import io.tablewarden.engine.checks.TestInventory;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;
import io.tablewarden.model.inventory.ContinuousBackups;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.tablewarden.engine.checks.TestInventory.denied;
import static io.tablewarden.engine.checks.TestInventory.single;
import static io.tablewarden.engine.checks.TestInventory.table;
import static io.tablewarden.engine.checks.TestInventory.withTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TablePitrEnabledCheckTest {

    private final TablePitrEnabledCheck check = new TablePitrEnabledCheck();

    private static TestInventory.Table withBackups(String pitr, Integer days) {
        TestInventory.Table t = table("orders");
        t.backups = new ContinuousBackups("ENABLED", pitr, days, null);
        return t;
    }

    @Test
    void enabledPasses() {
        CheckResult result = single(check, withTable(withBackups("ENABLED", 35)));
        assertEquals(Status.PASS, result.status());
        assertEquals("ENABLED", result.evidence().get("PointInTimeRecoveryDescription.PointInTimeRecoveryStatus"));
    }

    /** ContinuousBackupsStatus is ENABLED on every table and must not read as PITR. */
    @Test
    void disabledFailsDespiteContinuousBackupsEnabled() {
        CheckResult result = single(check, withTable(withBackups("DISABLED", null)));
        assertEquals(Status.FAIL, result.status());
        assertEquals("ENABLED", result.evidence().get("ContinuousBackupsDescription.ContinuousBackupsStatus"));
    }

    @Test
    void deniedDescribeContinuousBackupsIsError() {
        TestInventory.Table t = table("orders");
        t.backupsError = denied("dynamodb:DescribeContinuousBackups");
        CheckResult result = single(check, withTable(t));
        assertEquals(Status.ERROR, result.status());
        assertTrue(result.statusText().contains("dynamodb:DescribeContinuousBackups"), result.statusText());
    }

    @Test
    void notApplicableWhileCreatingButEvaluatedWhileUpdating() {
        assertEquals(Status.NOT_APPLICABLE, single(check, withTable(withBackups("DISABLED", null).status("CREATING"))).status());
        assertEquals(Status.FAIL, single(check, withTable(withBackups("DISABLED", null).status("UPDATING"))).status());
    }

    @Test
    void minimumRecoveryPeriodParameter() {
        CheckParameters min30 = new CheckParameters(null, null, null, null, 30, false, List.of(), Set.of(), 48);
        CheckResult shortWindow = single(check, withTable(withBackups("ENABLED", 7)), TestInventory.context(min30));
        assertEquals(Status.FAIL, shortWindow.status());
        assertTrue(shortWindow.statusText().contains("7 days"), shortWindow.statusText());
        assertEquals(Status.PASS, single(check, withTable(withBackups("ENABLED", null)), TestInventory.context(min30)).status());
    }

    @Test
    void aShortPeriodIsItsOwnCauseAndOnlyThePeriodChanges() {
        CheckParameters min30 = new CheckParameters(null, null, null, null, 30, false, List.of(), Set.of(), 48);
        CheckResult shortWindow = single(check, withTable(withBackups("ENABLED", 7)), TestInventory.context(min30));
        assertEquals("recovery_period_short", shortWindow.cause());
        assertEquals("30", shortWindow.placeholders().get(io.tablewarden.engine.checks.Placeholders.RECOVERY_PERIOD_DAYS));
        String cli = io.tablewarden.engine.remediation.RemediationRenderer.fillFor(check.metadata(), shortWindow).fullCli();
        assertTrue(cli.contains("PointInTimeRecoveryEnabled=true,RecoveryPeriodInDays=30"), cli);
        CheckResult off = single(check, withTable(withBackups("DISABLED", null)), TestInventory.context(min30));
        assertEquals(Status.FAIL, off.status());
        assertEquals(null, off.cause(), "turning recovery on is the generic fix");
    }
}
