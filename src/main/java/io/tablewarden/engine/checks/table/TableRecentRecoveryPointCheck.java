package io.tablewarden.engine.checks.table;

import io.tablewarden.engine.checks.CheckContext;
import io.tablewarden.engine.checks.Placeholders;
import io.tablewarden.engine.checks.support.BackupPlanCoverage;
import io.tablewarden.engine.checks.support.TableCheck;
import io.tablewarden.engine.checks.support.TableSubject;
import io.tablewarden.engine.checks.support.Verdict;
import io.tablewarden.model.Fetch;
import io.tablewarden.model.inventory.InventoryPart;
import io.tablewarden.model.inventory.RecoveryPoint;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A table covered by a backup plan has a COMPLETED recovery point younger than maxRecoveryPointAgeHours
 * (measured against the evaluation time). A plan that never ran protects nothing. Tables that no plan
 * covers are NOT_APPLICABLE (DynamoDB.4 reports them); ACTIVE tables only.
 */
public final class TableRecentRecoveryPointCheck extends TableCheck {

    public static final String ID = "dynamodb_table_backup_recent_recovery_point";

    public TableRecentRecoveryPointCheck() {
        super(ID);
    }

    @Override
    protected StatusScope statusScope() {
        return StatusScope.ACTIVE_ONLY;
    }

    @Override
    protected Verdict evaluate(TableSubject subject, CheckContext context) {
        BackupPlanCoverage.Result coverage = BackupPlanCoverage.evaluate(subject.table(), subject.region().backup());
        if (!coverage.covered()) {
            if (!coverage.unknowns().isEmpty()) {
                return Verdict.error("Whether a backup plan covers " + subject.label() + " could not be decided: "
                        + coverage.unknowns().get(0) + ".").evidence("Unreadable", coverage.unknowns());
            }
            return Verdict.notApplicable("No backup plan covers " + subject.label()
                    + ", so there is no recovery point to expect.");
        }
        String planName = coverage.covering().get(0).plan().backupPlanName();
        Fetch<List<RecoveryPoint>> points = subject.table().recoveryPoints();
        if (points == null || points.isFailed()) {
            return Verdict.error("Recovery points of " + subject.label() + " could not be read: "
                    + (points == null ? "not collected (backup:ListRecoveryPointsByResource)" : points.error().describe())
                    + ".").placeholder(Placeholders.BACKUP_PLAN_NAME, planName);
        }
        RecoveryPoint newest = null;
        for (RecoveryPoint point : points.value() == null ? List.<RecoveryPoint>of() : points.value()) {
            if ("COMPLETED".equals(point.status()) && point.creationDate() != null
                    && (newest == null || point.creationDate().isAfter(newest.creationDate()))) {
                newest = point;
            }
        }
        int maxHours = context.parameters().maxRecoveryPointAgeHours();
        Instant limit = context.now().minus(Duration.ofHours(maxHours));
        Verdict verdict;
        if (newest == null) {
            verdict = Verdict.fail("Table " + subject.name() + " is covered by backup plan " + planName
                    + " but has no COMPLETED recovery point.");
        } else if (newest.creationDate().isBefore(limit)) {
            verdict = Verdict.fail("The newest COMPLETED recovery point of " + subject.label() + " is from "
                    + newest.creationDate() + ", older than " + maxHours + " hours.");
        } else {
            verdict = Verdict.pass("Table " + subject.name() + " has a COMPLETED recovery point from "
                    + newest.creationDate() + ", within the last " + maxHours + " hours.");
        }
        verdict.evidence("NewestCompletedRecoveryPoint.CreationDate",
                        newest == null ? null : newest.creationDate().toString())
                .evidence("NewestCompletedRecoveryPoint.RecoveryPointArn", newest == null ? null : newest.recoveryPointArn())
                .evidence("RecoveryPointCount", points.value() == null ? 0 : points.value().size())
                .evidence("parameter.maxRecoveryPointAgeHours", maxHours)
                .evidence("EvaluatedAt", context.now().toString());
        return verdict.placeholder(Placeholders.BACKUP_PLAN_NAME, planName);
    }

    @Override
    public java.util.Set<InventoryPart> needs() {
        return java.util.EnumSet.of(InventoryPart.BACKUP, InventoryPart.TABLE_TAGS, InventoryPart.RECOVERY_POINTS);
    }
}
