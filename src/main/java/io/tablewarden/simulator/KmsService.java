package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** KMS (JSON 1.1): key metadata, rotation status and aliases. */
final class KmsService extends JsonService {

    /** AWS caps a ListAliases page at 100 aliases. */
    static final int MAX_LIMIT = 100;

    private static final Set<String> READS = Set.of("DescribeKey", "GetKeyRotationStatus", "ListAliases");

    KmsService() {
        this(false);
    }

    /**
     * With {@code writes}, also EnableKey, CancelKeyDeletion and EnableKeyRotation (see
     * {@link SimulatorOptions#writesForTests()}).
     */
    KmsService(boolean writes) {
        super("TrentService.", "kms", "1.1", "", writes ? union(READS, "EnableKey", "CancelKeyDeletion",
                "EnableKeyRotation") : READS);
    }

    static Set<String> union(Set<String> reads, String... writes) {
        Set<String> all = new java.util.HashSet<>(reads);
        all.addAll(List.of(writes));
        return Set.copyOf(all);
    }

    @Override
    public String resourceArn(Call call, CallContext ctx) {
        String keyId = call.input().path("KeyId").asText(null);
        if (keyId == null) {
            return null;
        }
        ObjectNode key = findKey(keyId, ctx);
        if (key != null) {
            return key.path("KeyMetadata").path("Arn").asText();
        }
        return keyId.startsWith("arn:") ? keyId : ctx.arnPrefix("kms") + (keyId.startsWith("alias/") ? "" : "key/") + keyId;
    }

    @Override
    String invalidTokenCode() {
        return "InvalidMarkerException";
    }

    @Override
    ObjectNode handle(String operation, ObjectNode in, CallContext ctx) {
        if (operation.equals("ListAliases")) {
            return listAliases(in, ctx);
        }
        String keyId = requiredText(in, "KeyId");
        ObjectNode key = findKey(keyId, ctx);
        if (key == null) {
            throw ApiError.badRequest("NotFoundException", "Key '" + keyId + "' does not exist");
        }
        ObjectNode out = MAPPER.createObjectNode();
        if (operation.equals("EnableKey") || operation.equals("CancelKeyDeletion")) {
            return write(operation, key, ctx);
        }
        if (operation.equals("EnableKeyRotation")) {
            return enableRotation(in, key);
        }
        if (operation.equals("DescribeKey")) {
            out.set("KeyMetadata", key.get("KeyMetadata"));
        } else {
            out.put("KeyRotationEnabled", key.path("KeyRotationEnabled").asBoolean(false));
            out.put("KeyId", key.path("KeyMetadata").path("Arn").asText());
            // optional rotation details a fixture may carry next to the flag
            for (String member : new String[] {"RotationPeriodInDays", "NextRotationDate", "OnDemandRotationStartDate"}) {
                if (key.hasNonNull(member)) {
                    out.set(member, key.get(member));
                }
            }
        }
        return out;
    }

    /**
     * EnableKeyRotation as KMS answers it (test-only write mode): only an Enabled key can change its rotation
     * (a Disabled one is refused with DisabledException), and the period is 90 to 2560 days, 365 when not given.
     */
    private static ObjectNode enableRotation(ObjectNode in, ObjectNode key) {
        ObjectNode metadata = (ObjectNode) key.get("KeyMetadata");
        synchronized (key) {
            String state = metadata.path("KeyState").asText();
            if (state.equals("Disabled")) {
                throw ApiError.badRequest("DisabledException", metadata.path("Arn").asText() + " is disabled.");
            }
            if (!state.equals("Enabled")) {
                throw ApiError.badRequest("KMSInvalidStateException", metadata.path("Arn").asText() + " is " + state
                        + " which is not valid for this operation.");
            }
            int period = in.path("RotationPeriodInDays").asInt(365);
            if (period < 90 || period > 2560) {
                throw ApiError.badRequest("ValidationException", "RotationPeriodInDays must be between 90 and 2560");
            }
            key.put("KeyRotationEnabled", true);
            key.put("RotationPeriodInDays", period);
        }
        return MAPPER.createObjectNode();
    }

    /**
     * EnableKey and CancelKeyDeletion as KMS answers them (test-only write mode): cancelling a deletion leaves the key
     * Disabled; enabling works from Enabled or Disabled only. When a key is Enabled again, DynamoDB can use it, so a
     * table of the region that was inaccessible because of it becomes ACTIVE again.
     */
    private static ObjectNode write(String operation, ObjectNode key, CallContext ctx) {
        ObjectNode metadata = (ObjectNode) key.get("KeyMetadata");
        ObjectNode out = MAPPER.createObjectNode();
        synchronized (key) {
            String state = metadata.path("KeyState").asText();
            if (operation.equals("CancelKeyDeletion")) {
                if (!state.equals("PendingDeletion")) {
                    throw ApiError.badRequest("KMSInvalidStateException", metadata.path("Arn").asText() + " is " + state
                            + " which is not valid for this operation.");
                }
                metadata.put("KeyState", "Disabled").put("Enabled", false);
                metadata.remove("DeletionDate");
                metadata.remove("PendingDeletionWindowInDays");
                out.put("KeyId", metadata.path("Arn").asText());
                return out;
            }
            if (!state.equals("Enabled") && !state.equals("Disabled")) {
                throw ApiError.badRequest("KMSInvalidStateException", metadata.path("Arn").asText() + " is " + state
                        + " which is not valid for this operation.");
            }
            metadata.put("KeyState", "Enabled").put("Enabled", true);
        }
        String arn = metadata.path("Arn").asText();
        for (ObjectNode entry : ctx.region.tables) {
            synchronized (entry) {
                ObjectNode table = (ObjectNode) entry.get("Table");
                ObjectNode sse = table == null || !table.path("SSEDescription").isObject() ? null
                        : (ObjectNode) table.get("SSEDescription");
                if (sse != null && arn.equals(sse.path("KMSMasterKeyArn").asText())
                        && "INACCESSIBLE_ENCRYPTION_CREDENTIALS".equals(table.path("TableStatus").asText())) {
                    table.put("TableStatus", "ACTIVE");
                    sse.remove("InaccessibleEncryptionDateTime");
                    sse.put("Status", "ENABLED");
                }
            }
        }
        return out;
    }

    private ObjectNode listAliases(ObjectNode in, CallContext ctx) {
        String keyFilter = in.path("KeyId").asText(null);
        ObjectNode filterKey = keyFilter == null ? null : findKey(keyFilter, ctx);
        if (keyFilter != null && filterKey == null) {
            throw ApiError.badRequest("NotFoundException", "Key '" + keyFilter + "' does not exist");
        }
        List<ObjectNode> aliases = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> e : ctx.region.kmsAliases.entrySet()) {
            if (filterKey != null && e.getValue() != filterKey) {
                continue;
            }
            ObjectNode alias = MAPPER.createObjectNode();
            alias.put("AliasName", e.getKey());
            alias.put("AliasArn", ctx.arnPrefix("kms") + e.getKey());
            alias.put("TargetKeyId", e.getValue().path("KeyMetadata").path("KeyId").asText());
            aliases.add(alias);
        }
        int size = Paging.size(in.get("Limit"), ctx.defaultPageSize, MAX_LIMIT, this);
        int start = Paging.start(in.get("Marker"), this);
        ObjectNode out = MAPPER.createObjectNode();
        ArrayNode page = out.putArray("Aliases");
        Paging.slice(aliases, start, size).forEach(page::add);
        String next = Paging.next(aliases, start, size);
        out.put("Truncated", next != null);
        if (next != null) {
            out.put("NextMarker", next);
        }
        return out;
    }

    /** Resolves a key id, key ARN, alias name or alias ARN within the signed region. */
    private static ObjectNode findKey(String ref, CallContext ctx) {
        ObjectNode key = ctx.region.kmsKey(ref);
        if (key != null) {
            return key;
        }
        String alias = ref;
        String aliasArnPrefix = ctx.arnPrefix("kms");
        if (alias.startsWith(aliasArnPrefix + "alias/")) {
            alias = alias.substring(aliasArnPrefix.length());
        }
        return alias.startsWith("alias/") ? ctx.region.kmsAliases.get(alias) : null;
    }
}
