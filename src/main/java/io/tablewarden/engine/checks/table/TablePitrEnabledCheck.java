package io.tablewarden.engine.checks.table;

import io.tablewarden.engine.checks.CheckContext;
import io.tablewarden.engine.checks.Placeholders;
import io.tablewarden.engine.checks.support.CheckCause;
import io.tablewarden.engine.checks.support.TableCheck;
import io.tablewarden.engine.checks.support.TableSubject;
import io.tablewarden.engine.checks.support.Verdict;
import io.tablewarden.model.Fetch;
import io.tablewarden.model.inventory.ContinuousBackups;
import io.tablewarden.model.inventory.InventoryPart;

/**
 * DynamoDB.2: point-in-time recovery is enabled. Decided on PointInTimeRecoveryStatus only, because
 * ContinuousBackupsStatus is ENABLED on every table and says nothing about PITR.
 */
public final class TablePitrEnabledCheck extends TableCheck {

    public static final String ID = "dynamodb_tables_pitr_enabled";
    /** RecoveryPeriodInDays is absent on tables that kept the original window, which is 35 days. */
    static final int DEFAULT_RECOVERY_PERIOD_DAYS = 35;

    /** PITR is on but keeps fewer days than required: only the period changes. */
    public enum Cause implements CheckCause {
        RECOVERY_PERIOD_SHORT;
    }

    public TablePitrEnabledCheck() {
        super(ID);
    }

    @Override
    public java.util.List<String> causes() {
        return CheckCause.ids(Cause.values());
    }

    @Override
    protected Verdict evaluate(TableSubject subject, CheckContext context) {
        Fetch<ContinuousBackups> fetch = subject.table().continuousBackups();
        if (fetch == null || fetch.isFailed() || fetch.value() == null) {
            String reason = fetch == null || fetch.value() == null && fetch.isOk()
                    ? "dynamodb:DescribeContinuousBackups returned nothing" : fetch.error().describe();
            return Verdict.error("PITR of " + subject.label() + " could not be read: " + reason + ".");
        }
        ContinuousBackups backups = fetch.value();
        String pitr = backups.pointInTimeRecoveryStatus();
        Verdict verdict;
        if (!"ENABLED".equals(pitr)) {
            verdict = Verdict.fail("Point-in-time recovery of " + subject.label() + " is "
                    + (pitr == null ? "not reported" : pitr) + ".");
        } else {
            Integer minimum = context.parameters().minRecoveryPeriodDays();
            int period = backups.recoveryPeriodInDays() == null ? DEFAULT_RECOVERY_PERIOD_DAYS
                    : backups.recoveryPeriodInDays();
            if (minimum != null && period < minimum) {
                verdict = Verdict.fail("Point-in-time recovery of " + subject.label() + " keeps " + period
                        + " days, fewer than the required " + minimum + ".")
                        .cause(Cause.RECOVERY_PERIOD_SHORT)
                        .placeholder(Placeholders.RECOVERY_PERIOD_DAYS, Integer.toString(minimum));
            } else {
                verdict = Verdict.pass("Point-in-time recovery of " + subject.label() + " is ENABLED with a "
                        + period + "-day recovery period.");
            }
        }
        verdict.evidence("PointInTimeRecoveryDescription.PointInTimeRecoveryStatus", pitr)
                .evidence("PointInTimeRecoveryDescription.RecoveryPeriodInDays", backups.recoveryPeriodInDays())
                .evidence("ContinuousBackupsDescription.ContinuousBackupsStatus", backups.continuousBackupsStatus());
        if (context.parameters().minRecoveryPeriodDays() != null) {
            verdict.evidence("parameter.minRecoveryPeriodDays", context.parameters().minRecoveryPeriodDays());
        }
        return verdict;
    }

    @Override
    public java.util.Set<InventoryPart> needs() {
        return java.util.EnumSet.of(InventoryPart.CONTINUOUS_BACKUPS);
    }
}
