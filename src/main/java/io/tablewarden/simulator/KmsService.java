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

    KmsService() {
        super("TrentService.", "kms", "1.1", "", Set.of("DescribeKey", "GetKeyRotationStatus", "ListAliases"));
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
