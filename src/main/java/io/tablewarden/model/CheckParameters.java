package io.tablewarden.model;

import java.util.List;
import java.util.Set;

/**
 * Tunable parameters of the checks; null means "not set" (the Security Hub behaviour without the parameter).
 *
 * @param minProvisionedReadCapacity  DynamoDB.1: scalable target MinCapacity for reads must be at least this
 * @param minProvisionedWriteCapacity DynamoDB.1: same for writes
 * @param targetReadUtilization       DynamoDB.1: a read target-tracking policy must use exactly this TargetValue
 * @param targetWriteUtilization      DynamoDB.1: same for writes
 * @param minRecoveryPeriodDays       DynamoDB.2: PITR RecoveryPeriodInDays must be at least this (1-35)
 * @param backupVaultLockCheck        DynamoDB.4: a covering rule must target a locked vault
 * @param requiredTagKeys             DynamoDB.5: every key must be present (at most 6)
 * @param trustedAccountIds           cross-account check: accounts besides the audited one that may be granted access
 * @param maxRecoveryPointAgeHours    recent recovery point check: maximum age of the newest COMPLETED recovery point
 */
public record CheckParameters(Integer minProvisionedReadCapacity, Integer minProvisionedWriteCapacity,
                              Integer targetReadUtilization, Integer targetWriteUtilization,
                              Integer minRecoveryPeriodDays, boolean backupVaultLockCheck,
                              List<String> requiredTagKeys, Set<String> trustedAccountIds,
                              int maxRecoveryPointAgeHours) {

    public static final int DEFAULT_MAX_RECOVERY_POINT_AGE_HOURS = 48;

    public CheckParameters {
        requiredTagKeys = requiredTagKeys == null ? List.of() : List.copyOf(requiredTagKeys);
        trustedAccountIds = trustedAccountIds == null ? Set.of() : Set.copyOf(trustedAccountIds);
    }

    public static CheckParameters defaults() {
        return new CheckParameters(null, null, null, null, null, false, List.of(), Set.of(),
                DEFAULT_MAX_RECOVERY_POINT_AGE_HOURS);
    }
}
