package io.tablewarden.model.inventory;

import io.tablewarden.model.Fetch;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * AWS Backup in one region.
 *
 * @param regionSettings DescribeRegionSettings
 * @param plans          ListBackupPlans (non-deleted plans) with their details
 * @param vaults         DescribeBackupVault for every vault a plan rule targets, keyed by vault name
 */
public record BackupInventory(Fetch<RegionSettings> regionSettings, Fetch<List<BackupPlan>> plans,
                              Map<String, Fetch<BackupVault>> vaults) {

    /**
     * DescribeRegionSettings.
     *
     * @param resourceTypeOptInPreference      e.g. {@code {"DynamoDB": true}}
     * @param resourceTypeManagementPreference e.g. {@code {"DynamoDB": true}}
     */
    public record RegionSettings(Map<String, Boolean> resourceTypeOptInPreference,
                                 Map<String, Boolean> resourceTypeManagementPreference) {
    }

    /**
     * A backup plan.
     *
     * @param backupPlanId   BackupPlanId
     * @param backupPlanArn  BackupPlanArn
     * @param backupPlanName BackupPlanName
     * @param versionId      VersionId
     * @param deletionDate   DeletionDate, null for a live plan
     * @param rules          GetBackupPlan.BackupPlan.Rules
     * @param selections     ListBackupSelections, each with its GetBackupSelection; not collected (null) for a
     *                       deleted plan, whose selections AWS requires to be deleted first
     * @param recoveryPoints for a deleted plan only: the DynamoDB recovery points it made
     *                       (ListRecoveryPointsByBackupVault by BackupPlanId in each vault its last version's rules
     *                       target), read only when a table of the region is covered by no live plan; else null
     */
    public record BackupPlan(String backupPlanId, String backupPlanArn, String backupPlanName, String versionId,
                             Instant deletionDate, Fetch<List<BackupRule>> rules,
                             Fetch<List<SelectionEntry>> selections, Fetch<List<PlanRecoveryPoint>> recoveryPoints) {

        /** A plan whose recovery points were not read (every live plan). */
        public BackupPlan(String backupPlanId, String backupPlanArn, String backupPlanName, String versionId,
                          Instant deletionDate, Fetch<List<BackupRule>> rules, Fetch<List<SelectionEntry>> selections) {
            this(backupPlanId, backupPlanArn, backupPlanName, versionId, deletionDate, rules, selections, null);
        }

        /** True when ListBackupPlans(IncludeDeleted) named the plan deleted. */
        public boolean deleted() {
            return deletionDate != null;
        }
    }

    /**
     * A ListRecoveryPointsByBackupVault item of one plan: the evidence that the plan selected a resource.
     *
     * @param resourceArn       ResourceArn
     * @param recoveryPointArn  RecoveryPointArn
     * @param backupVaultName   BackupVaultName
     * @param creationDate      CreationDate
     * @param status            Status
     * @param backupPlanVersion CreatedBy.BackupPlanVersion
     */
    public record PlanRecoveryPoint(String resourceArn, String recoveryPointArn, String backupVaultName,
                                    Instant creationDate, String status, String backupPlanVersion) {
    }

    /**
     * A backup rule.
     *
     * @param ruleName              RuleName
     * @param targetBackupVaultName TargetBackupVaultName
     * @param scheduleExpression    ScheduleExpression, or null
     * @param deleteAfterDays       Lifecycle.DeleteAfterDays, or null
     */
    public record BackupRule(String ruleName, String targetBackupVaultName, String scheduleExpression,
                             Long deleteAfterDays) {
    }

    /**
     * One entry of ListBackupSelections and its detail.
     *
     * @param selectionId   SelectionId
     * @param selectionName SelectionName
     * @param selection     GetBackupSelection.BackupSelection
     */
    public record SelectionEntry(String selectionId, String selectionName, Fetch<BackupSelection> selection) {
    }

    /**
     * GetBackupSelection.BackupSelection.
     *
     * @param selectionName SelectionName
     * @param iamRoleArn    IamRoleArn
     * @param resources     Resources (ARN patterns)
     * @param notResources  NotResources (ARN patterns)
     * @param listOfTags    ListOfTags
     * @param conditions    Conditions flattened: one entry per operator and key/value
     */
    public record BackupSelection(String selectionName, String iamRoleArn, List<String> resources,
                                  List<String> notResources, List<TagCondition> listOfTags,
                                  List<SelectionCondition> conditions) {
        public BackupSelection {
            resources = resources == null ? List.of() : List.copyOf(resources);
            notResources = notResources == null ? List.of() : List.copyOf(notResources);
            listOfTags = listOfTags == null ? List.of() : List.copyOf(listOfTags);
            conditions = conditions == null ? List.of() : List.copyOf(conditions);
        }
    }

    /** ListOfTags entry: ConditionType (STRINGEQUALS), ConditionKey, ConditionValue. */
    public record TagCondition(String conditionType, String conditionKey, String conditionValue) {
    }

    /**
     * Conditions entry.
     *
     * @param operator       StringEquals, StringNotEquals, StringLike or StringNotLike
     * @param conditionKey   e.g. {@code aws:ResourceTag/env}
     * @param conditionValue value, {@code *} allowed for the Like operators
     */
    public record SelectionCondition(String operator, String conditionKey, String conditionValue) {
    }

    /**
     * DescribeBackupVault.
     *
     * @param backupVaultName  BackupVaultName
     * @param backupVaultArn   BackupVaultArn
     * @param locked           Locked
     * @param minRetentionDays MinRetentionDays, or null
     * @param maxRetentionDays MaxRetentionDays, or null
     * @param lockDate         LockDate, or null
     */
    public record BackupVault(String backupVaultName, String backupVaultArn, Boolean locked, Long minRetentionDays,
                              Long maxRetentionDays, Instant lockDate) {
    }
}
