package io.tablewarden.engine.aws;

import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;

/**
 * What a call is about, as {@link io.tablewarden.model.RawResponse#resourceKey()} records it: the table, key,
 * cluster or protected resource ARN, a backup plan id, a {@code planId/selectionId} pair or a vault name; null for
 * the region-wide listings. A table or key named without an ARN gets its ARN built from the account, so that
 * every answer about one table carries the same key whichever way the call named it.
 */
final class ResourceKeys {

    private ResourceKeys() {
    }

    /**
     * @param iamAction IAM-style action of the call, e.g. {@code dynamodb:DescribeTable}
     * @param request   the modelled request
     * @param region    region the call was signed for
     * @param account   the audited account, or null while it is not known yet (names then stay names)
     * @param partition the account's partition
     */
    static String of(String iamAction, SdkRequest request, String region, String account, String partition) {
        return switch (iamAction) {
            case "dynamodb:DescribeTable", "dynamodb:DescribeContinuousBackups" ->
                    arnOrBuilt(text(request, "TableName"), partition, "dynamodb", region, account, "table/");
            case "dynamodb:GetResourcePolicy", "dynamodb:ListTagsOfResource", "backup:ListRecoveryPointsByResource" ->
                    text(request, "ResourceArn");
            case "kms:DescribeKey", "kms:GetKeyRotationStatus" ->
                    kmsKey(text(request, "KeyId"), partition, region, account);
            case "dax:ListTags" -> text(request, "ResourceName");
            case "backup:GetBackupPlan", "backup:ListBackupSelections" -> text(request, "BackupPlanId");
            case "backup:GetBackupSelection" -> {
                String plan = text(request, "BackupPlanId");
                String selection = text(request, "SelectionId");
                yield plan == null || selection == null ? null : plan + "/" + selection;
            }
            case "backup:DescribeBackupVault", "backup:ListRecoveryPointsByBackupVault" -> text(request, "BackupVaultName");
            // ListTables, DescribeScalableTargets, DescribeClusters, ListBackupPlans, ListAliases, ...
            default -> null;
        };
    }

    /** Aliases are left as they are: only KMS knows which key they point at. */
    private static String kmsKey(String keyId, String partition, String region, String account) {
        if (keyId == null || keyId.startsWith("alias/")) {
            return keyId;
        }
        return arnOrBuilt(keyId, partition, "kms", region, account, "key/");
    }

    private static String arnOrBuilt(String nameOrArn, String partition, String service, String region,
                                     String account, String resourcePrefix) {
        if (nameOrArn == null || nameOrArn.startsWith("arn:") || account == null) {
            return nameOrArn;
        }
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resourcePrefix + nameOrArn;
    }

    private static String text(SdkPojo request, String memberName) {
        for (software.amazon.awssdk.core.SdkField<?> field : request.sdkFields()) {
            if (field.memberName().equals(memberName)) {
                Object value = field.getValueOrDefault(request);
                return value instanceof String ? (String) value : null;
            }
        }
        return null;
    }
}
