package io.tablewarden.engine.collect;

import io.tablewarden.model.Fetch;
import io.tablewarden.model.inventory.KmsKeyInventory;
import io.tablewarden.model.inventory.KmsKeyInventory.KeyMetadata;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.ListAliasesResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The KMS keys that tables of one region use: metadata, rotation (customer keys only) and alias names. */
public final class KmsCollector {

    private static final String CUSTOMER = "CUSTOMER";

    private final RegionContext ctx;
    private final KmsClient client;

    public KmsCollector(RegionContext ctx) {
        this.ctx = ctx;
        this.client = ctx.clients().kms(ctx.region());
    }

    /**
     * ListAliases once per region, keyed by target key id. Alias names are only decoration, so a failure
     * leaves them unknown (null) rather than failing any key.
     */
    public Map<String, List<String>> aliasesByKeyId() {
        Fetch<Map<String, List<String>>> aliases = ctx.<ListAliasesResponse, AliasListEntry>list("kms:ListAliases", "",
                token -> client.listAliases(b -> b.marker(token)), ListAliasesResponse::aliases,
                r -> Boolean.TRUE.equals(r.truncated()) ? r.nextMarker() : null).whole().map(list -> {
                    Map<String, List<String>> byKey = new HashMap<>();
                    for (AliasListEntry a : list) {
                        if (a.targetKeyId() != null) {
                            byKey.computeIfAbsent(a.targetKeyId(), k -> new ArrayList<>()).add(a.aliasName());
                        }
                    }
                    return byKey;
                });
        return aliases.isOk() ? aliases.value() : null;
    }

    /** DescribeKey, then GetKeyRotationStatus when the key is customer-managed. */
    public KmsKeyInventory collectKey(String keyArn, Map<String, List<String>> aliasesByKeyId) {
        Fetch<KeyMetadata> metadata = ctx.fetch("kms:DescribeKey", keyArn, () -> {
            software.amazon.awssdk.services.kms.model.KeyMetadata m =
                    client.describeKey(b -> b.keyId(keyArn)).keyMetadata();
            List<String> aliases = aliasesByKeyId == null ? null
                    : List.copyOf(aliasesByKeyId.getOrDefault(m.keyId(), List.of()));
            return new KeyMetadata(m.keyId(), m.arn(), m.keyManagerAsString(), m.keyStateAsString(),
                    m.deletionDate(), m.originAsString(), m.keySpecAsString(), aliases);
        });
        Fetch<Boolean> rotation = null;
        if (metadata.isOk() && CUSTOMER.equals(metadata.value().keyManager())) {
            rotation = ctx.fetch("kms:GetKeyRotationStatus", keyArn,
                    () -> client.getKeyRotationStatus(b -> b.keyId(keyArn)).keyRotationEnabled());
        }
        return new KmsKeyInventory(keyArn, metadata, rotation);
    }
}
