package io.tablewarden.model.inventory;

import java.time.Instant;
import java.util.List;

/**
 * The fields of DescribeTable.Table that checks use.
 *
 * @param tableName                 TableName
 * @param tableArn                  TableArn
 * @param tableStatus               TableStatus (CREATING, UPDATING, DELETING, ACTIVE, INACCESSIBLE_ENCRYPTION_CREDENTIALS, ARCHIVING, ARCHIVED, ...)
 * @param billingMode               BillingModeSummary.BillingMode, or null when the block is absent (which means PROVISIONED)
 * @param readCapacityUnits         ProvisionedThroughput.ReadCapacityUnits
 * @param writeCapacityUnits        ProvisionedThroughput.WriteCapacityUnits
 * @param globalSecondaryIndexes    GlobalSecondaryIndexes (empty when none)
 * @param sse                       SSEDescription, or null when absent (AWS-owned key)
 * @param deletionProtectionEnabled DeletionProtectionEnabled, or null when absent
 * @param replicaRegions            Replicas[].RegionName for global tables (empty otherwise)
 * @param creationDateTime          CreationDateTime
 */
public record TableDescription(String tableName, String tableArn, String tableStatus, String billingMode,
                               Long readCapacityUnits, Long writeCapacityUnits,
                               List<GlobalSecondaryIndex> globalSecondaryIndexes, SseDescription sse,
                               Boolean deletionProtectionEnabled, List<String> replicaRegions,
                               Instant creationDateTime) {

    public TableDescription {
        globalSecondaryIndexes = globalSecondaryIndexes == null ? List.of() : List.copyOf(globalSecondaryIndexes);
        replicaRegions = replicaRegions == null ? List.of() : List.copyOf(replicaRegions);
    }

    /** True for on-demand tables; an absent billing mode means provisioned. */
    public boolean isOnDemand() {
        return "PAY_PER_REQUEST".equals(billingMode);
    }

    /** DescribeTable.Table.GlobalSecondaryIndexes[] item. */
    public record GlobalSecondaryIndex(String indexName, String indexArn, String indexStatus,
                                       Long readCapacityUnits, Long writeCapacityUnits) {
    }

    /**
     * DescribeTable.Table.SSEDescription.
     *
     * @param status                         ENABLED, UPDATING, ...
     * @param sseType                        KMS or AES256
     * @param kmsMasterKeyArn                key ARN when KMS
     * @param inaccessibleEncryptionDateTime set when DynamoDB cannot use the key
     */
    public record SseDescription(String status, String sseType, String kmsMasterKeyArn,
                                 Instant inaccessibleEncryptionDateTime) {
    }
}
