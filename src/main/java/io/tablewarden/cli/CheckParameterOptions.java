package io.tablewarden.cli;

import io.tablewarden.model.CheckParameters;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The {@code scan} options that tune individual checks, with the limits Security Hub puts on them. */
final class CheckParameterOptions {

    static final int MAX_REQUIRED_TAG_KEYS = 6;

    @Option(names = "--required-tag-keys", split = ",", paramLabel = "KEY",
            description = "DynamoDB.5: tag keys every table must carry (at most 6, case-sensitive).")
    List<String> requiredTagKeys = new ArrayList<>();

    @Option(names = "--trusted-account", split = ",", paramLabel = "ACCOUNT_ID",
            description = "Account that may be granted access by table policies (repeatable).")
    List<String> trustedAccounts = new ArrayList<>();

    @Option(names = "--min-recovery-period-days", paramLabel = "DAYS",
            description = "DynamoDB.2: minimum point-in-time recovery period, 1-35 days.")
    Integer minRecoveryPeriodDays;

    @Option(names = "--backup-vault-lock-check",
            description = "DynamoDB.4: a covering backup rule must target a locked vault.")
    boolean backupVaultLockCheck;

    @Option(names = "--max-recovery-point-age-hours", paramLabel = "HOURS",
            description = "Newest completed recovery point must be younger than this (default: ${DEFAULT-VALUE}).")
    int maxRecoveryPointAgeHours = CheckParameters.DEFAULT_MAX_RECOVERY_POINT_AGE_HOURS;

    @Option(names = "--min-provisioned-read-capacity", paramLabel = "N",
            description = "DynamoDB.1: minimum read capacity of every scalable target.")
    Integer minProvisionedReadCapacity;

    @Option(names = "--min-provisioned-write-capacity", paramLabel = "N",
            description = "DynamoDB.1: minimum write capacity of every scalable target.")
    Integer minProvisionedWriteCapacity;

    @Option(names = "--target-read-utilization", paramLabel = "PERCENT",
            description = "DynamoDB.1: required read target utilisation, 20-90.")
    Integer targetReadUtilization;

    @Option(names = "--target-write-utilization", paramLabel = "PERCENT",
            description = "DynamoDB.1: required write target utilisation, 20-90.")
    Integer targetWriteUtilization;

    /**
     * The parameters, validated.
     *
     * @throws IllegalArgumentException with a usage message when a value is out of range
     */
    CheckParameters toParameters() {
        if (requiredTagKeys.size() > MAX_REQUIRED_TAG_KEYS) {
            throw new IllegalArgumentException("--required-tag-keys accepts at most " + MAX_REQUIRED_TAG_KEYS
                    + " keys, got " + requiredTagKeys.size());
        }
        for (String key : requiredTagKeys) {
            if (key.isBlank()) {
                throw new IllegalArgumentException("--required-tag-keys has an empty key");
            }
        }
        Set<String> trusted = new LinkedHashSet<>();
        for (String account : trustedAccounts) {
            if (!account.matches("\\d{12}")) {
                throw new IllegalArgumentException("--trusted-account must be a 12-digit account id, got '"
                        + account + "'");
            }
            trusted.add(account);
        }
        range("--min-recovery-period-days", minRecoveryPeriodDays, 1, 35);
        range("--max-recovery-point-age-hours", maxRecoveryPointAgeHours, 1, Integer.MAX_VALUE);
        range("--min-provisioned-read-capacity", minProvisionedReadCapacity, 1, Integer.MAX_VALUE);
        range("--min-provisioned-write-capacity", minProvisionedWriteCapacity, 1, Integer.MAX_VALUE);
        range("--target-read-utilization", targetReadUtilization, 20, 90);
        range("--target-write-utilization", targetWriteUtilization, 20, 90);
        return new CheckParameters(minProvisionedReadCapacity, minProvisionedWriteCapacity, targetReadUtilization,
                targetWriteUtilization, minRecoveryPeriodDays, backupVaultLockCheck, requiredTagKeys, trusted,
                maxRecoveryPointAgeHours);
    }

    private static void range(String option, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new IllegalArgumentException(option + " must be "
                    + (max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max)
                    + ", got " + value);
        }
    }
}
