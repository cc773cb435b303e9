package io.tablewarden.model.inventory;

import io.tablewarden.model.Fetch;

import java.time.Instant;

/**
 * A KMS key that a table uses.
 *
 * @param keyArn          the ARN as the table's SSEDescription names it
 * @param metadata        kms:DescribeKey
 * @param rotationEnabled kms:GetKeyRotationStatus; null when not collected (keys that are not customer-managed)
 */
public record KmsKeyInventory(String keyArn, Fetch<KeyMetadata> metadata, Fetch<Boolean> rotationEnabled) {

    /**
     * DescribeKey.KeyMetadata.
     *
     * @param keyId        KeyId
     * @param arn          Arn
     * @param keyManager   AWS or CUSTOMER
     * @param keyState     Enabled, Disabled, PendingDeletion, Unavailable, ...
     * @param deletionDate DeletionDate, or null
     * @param origin       Origin
     * @param keySpec      KeySpec
     * @param aliases      alias names pointing at the key, if known
     */
    public record KeyMetadata(String keyId, String arn, String keyManager, String keyState, Instant deletionDate,
                              String origin, String keySpec, java.util.List<String> aliases) {
    }
}
