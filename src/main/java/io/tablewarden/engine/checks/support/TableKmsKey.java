package io.tablewarden.engine.checks.support;

import io.tablewarden.model.Fetch;
import io.tablewarden.model.inventory.KmsKeyInventory;
import io.tablewarden.model.inventory.RegionInventory;
import io.tablewarden.model.inventory.TableDescription;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes which kind of key encrypts a table. An absent SSEDescription (or one that is not of type KMS)
 * means the AWS-owned default key; SSEType KMS names a key whose KeyManager (from kms:DescribeKey)
 * tells an AWS-managed key from a customer-managed one.
 *
 * @param kind      the decoded kind
 * @param keyArn    the table's KMSMasterKeyArn, null for the AWS-owned key
 * @param key       the collected key, null when not collected or AWS-owned
 * @param problem   when kind is UNKNOWN: why (names the failed call), else null
 */
public record TableKmsKey(Kind kind, String keyArn, KmsKeyInventory key, String problem) {

    /** Kinds of key. */
    public enum Kind {
        AWS_OWNED("the AWS-owned default key"),
        AWS_MANAGED("the AWS-managed key (alias/aws/dynamodb)"),
        CUSTOMER_MANAGED("a customer-managed key"),
        UNKNOWN("a KMS key of unknown kind");

        private final String phrase;

        Kind(String phrase) {
            this.phrase = phrase;
        }

        /** Words for a sentence, e.g. "a customer-managed key". */
        public String phrase() {
            return phrase;
        }
    }

    /** Decodes the key of {@code table} using the keys collected in its region. */
    public static TableKmsKey of(TableDescription table, RegionInventory region) {
        TableDescription.SseDescription sse = table.sse();
        if (sse == null || !"KMS".equals(sse.sseType())) {
            return new TableKmsKey(Kind.AWS_OWNED, null, null, null);
        }
        String arn = sse.kmsMasterKeyArn();
        KmsKeyInventory key = region.kmsKeys() == null || arn == null ? null : region.kmsKeys().get(arn);
        if (key == null || key.metadata() == null) {
            return new TableKmsKey(Kind.UNKNOWN, arn, key,
                    "the key " + arn + " was not described (kms:DescribeKey was not called)");
        }
        Fetch<KmsKeyInventory.KeyMetadata> metadata = key.metadata();
        if (metadata.isFailed()) {
            return new TableKmsKey(Kind.UNKNOWN, arn, key, metadata.error().describe());
        }
        if (metadata.value() == null) {
            return new TableKmsKey(Kind.UNKNOWN, arn, key, "kms:DescribeKey returned no key metadata for " + arn);
        }
        String manager = metadata.value().keyManager();
        if ("CUSTOMER".equals(manager)) {
            return new TableKmsKey(Kind.CUSTOMER_MANAGED, arn, key, null);
        }
        if ("AWS".equals(manager)) {
            return new TableKmsKey(Kind.AWS_MANAGED, arn, key, null);
        }
        return new TableKmsKey(Kind.UNKNOWN, arn, key, "kms:DescribeKey reported KeyManager " + manager);
    }

    /** The key's metadata when DescribeKey succeeded, else null. */
    public KmsKeyInventory.KeyMetadata metadata() {
        return key == null || key.metadata() == null || key.metadata().isFailed() ? null : key.metadata().value();
    }

    /** Raw fields behind the decoding, for evidence. */
    public Map<String, Object> evidence(TableDescription table) {
        Map<String, Object> map = new LinkedHashMap<>();
        TableDescription.SseDescription sse = table.sse();
        if (sse == null) {
            map.put("SSEDescription", Verdict.ABSENT);
        } else {
            map.put("SSEDescription.Status", sse.status());
            map.put("SSEDescription.SSEType", sse.sseType());
            map.put("SSEDescription.KMSMasterKeyArn", sse.kmsMasterKeyArn());
        }
        KmsKeyInventory.KeyMetadata metadata = metadata();
        if (metadata != null) {
            map.put("KeyMetadata.KeyManager", metadata.keyManager());
            map.put("KeyMetadata.KeyState", metadata.keyState());
        }
        map.values().removeIf(v -> v == null);
        return map;
    }
}
