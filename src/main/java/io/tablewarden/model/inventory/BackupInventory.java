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
     * @param selections     ListBackupSelections, each with its GetBackupSelection
     */
    public record BackupPlan(String backupPlanId, String backupPlanArn, String backupPlanName, String versionId,
                             Instant deletionDate, Fetch<List<BackupRule>> rules,
                             Fetch<List<SelectionEntry>> selections) {
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
