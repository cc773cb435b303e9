package io.tablewarden.model.inventory;

import java.time.Instant;

/**
 * DescribeContinuousBackups.ContinuousBackupsDescription.
 *
 * @param continuousBackupsStatus   ContinuousBackupsStatus (ENABLED on every table; not a PITR indicator)
 * @param pointInTimeRecoveryStatus PointInTimeRecoveryDescription.PointInTimeRecoveryStatus
 * @param recoveryPeriodInDays      PointInTimeRecoveryDescription.RecoveryPeriodInDays, or null
 * @param earliestRestorableDateTime PointInTimeRecoveryDescription.EarliestRestorableDateTime, or null
 */
public record ContinuousBackups(String continuousBackupsStatus, String pointInTimeRecoveryStatus,
                                Integer recoveryPeriodInDays, Instant earliestRestorableDateTime) {
}
