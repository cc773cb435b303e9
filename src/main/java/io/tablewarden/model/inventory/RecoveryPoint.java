package io.tablewarden.model.inventory;

import java.time.Instant;

/**
 * ListRecoveryPointsByResource.RecoveryPoints[] item.
 *
 * @param recoveryPointArn RecoveryPointArn
 * @param creationDate     CreationDate
 * @param completionDate   CompletionDate, or null
 * @param status           COMPLETED, PARTIAL, DELETING, EXPIRED, AVAILABLE, STOPPED, CREATING
 * @param backupVaultName  BackupVaultName
 */
public record RecoveryPoint(String recoveryPointArn, Instant creationDate, Instant completionDate, String status,
                            String backupVaultName) {
}
