package io.tablewarden.engine.checks.support;

import io.tablewarden.model.CollectionError;
import io.tablewarden.model.Fetch;
import io.tablewarden.model.inventory.KmsKeyInventory;
import io.tablewarden.model.inventory.RegionInventory;
import io.tablewarden.model.inventory.TableDescription;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableKmsKeyTest {

    private static final String KEY = "arn:aws:kms:eu-central-1:210987654321:key/k";

    private static TableDescription table(TableDescription.SseDescription sse) {
        return new TableDescription("t", "arn", "ACTIVE", null, 1L, 1L, List.of(), sse, true, List.of(), null);
    }

    private static RegionInventory region(Map<String, KmsKeyInventory> keys) {
        return new RegionInventory("eu-central-1", RegionInventory.RegionState.SCANNED, null, Fetch.ok(List.of()),
                null, null, Fetch.ok(List.of()), keys);
    }

    private static KmsKeyInventory key(String manager) {
        return new KmsKeyInventory(KEY, Fetch.ok(new KmsKeyInventory.KeyMetadata("k", KEY, manager, "Enabled", null,
                "AWS_KMS", "SYMMETRIC_DEFAULT", List.of())), Fetch.ok(true));
    }

    @Test
    void absentSseIsTheAwsOwnedKey() {
        TableKmsKey key = TableKmsKey.of(table(null), region(Map.of()));
        assertEquals(TableKmsKey.Kind.AWS_OWNED, key.kind());
        assertEquals(null, key.keyArn());
    }

    @Test
    void keyManagerDecidesManagedOrCustomer() {
        TableDescription.SseDescription sse = new TableDescription.SseDescription("ENABLED", "KMS", KEY, null);
        assertEquals(TableKmsKey.Kind.CUSTOMER_MANAGED, TableKmsKey.of(table(sse), region(Map.of(KEY, key("CUSTOMER")))).kind());
        assertEquals(TableKmsKey.Kind.AWS_MANAGED, TableKmsKey.of(table(sse), region(Map.of(KEY, key("AWS")))).kind());
    }

    @Test
    void deniedOrMissingDescribeKeyIsUnknownWithTheReason() {
        TableDescription.SseDescription sse = new TableDescription.SseDescription("ENABLED", "KMS", KEY, null);
        KmsKeyInventory denied = new KmsKeyInventory(KEY, Fetch.failed(new CollectionError("kms:DescribeKey",
                "AccessDeniedException", "no", CollectionError.Kind.ACCESS_DENIED)), null);
        TableKmsKey key = TableKmsKey.of(table(sse), region(Map.of(KEY, denied)));
        assertEquals(TableKmsKey.Kind.UNKNOWN, key.kind());
        assertTrue(key.problem().contains("kms:DescribeKey"));
        assertEquals(TableKmsKey.Kind.UNKNOWN, TableKmsKey.of(table(sse), region(Map.of())).kind());
    }
}
