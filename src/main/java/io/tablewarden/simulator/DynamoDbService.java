package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

/** DynamoDB (JSON 1.0): the read-only table operations an auditor calls. */
final class DynamoDbService extends JsonService {

    /** AWS caps a ListTables page at 100 names. */
    static final int LIST_TABLES_MAX = 100;

    private static final Set<String> READS = Set.of("ListTables", "DescribeTable", "DescribeContinuousBackups",
            "GetResourcePolicy", "ListTagsOfResource");

    DynamoDbService() {
        this(false);
    }

    /** With {@code writes}, also TagResource (see {@link SimulatorOptions#writesForTests()}). */
    DynamoDbService(boolean writes) {
        super("DynamoDB_20120810.", "dynamodb", "1.0", "com.amazonaws.dynamodb.v20120810#",
                writes ? KmsService.union(READS, "TagResource", "UpdateContinuousBackups", "PutResourcePolicy",
                        "DeleteResourcePolicy", "UpdateTable") : READS);
    }

    /** DynamoDB answers carry a CRC32 of the body, which the SDK checks; send a correct one like the service does. */
    @Override
    public SimResponse invoke(Call call, CallContext ctx) {
        return withChecksum(super.invoke(call, ctx));
    }

    @Override
    public SimResponse errorResponse(ApiError error, String requestId) {
        return withChecksum(super.errorResponse(error, requestId));
    }

    private static SimResponse withChecksum(SimResponse response) {
        CRC32 crc = new CRC32();
        crc.update(response.body);
        return response.header("x-amz-crc32", Long.toString(crc.getValue()));
    }

    @Override
    public String resourceArn(Call call, CallContext ctx) {
        ObjectNode in = call.input();
        if (in.hasNonNull("ResourceArn")) {
            return in.get("ResourceArn").asText();
        }
        if (in.hasNonNull("TableName")) {
            String name = in.get("TableName").asText();
            return name.startsWith("arn:") ? name : ctx.arnPrefix("dynamodb") + "table/" + name;
        }
        return null;
    }

    @Override
    ObjectNode handle(String operation, ObjectNode in, CallContext ctx) {
        switch (operation) {
            case "ListTables":
                return listTables(in, ctx);
            case "DescribeTable":
                return describeTable(in, ctx);
            case "DescribeContinuousBackups":
                return describeContinuousBackups(in, ctx);
            case "GetResourcePolicy":
                return getResourcePolicy(in, ctx);
            case "TagResource":
                return tagResource(in, ctx);
            case "UpdateContinuousBackups":
                return updateContinuousBackups(in, ctx);
            case "PutResourcePolicy":
                return putResourcePolicy(in, ctx);
            case "UpdateTable":
                return updateTable(in, ctx);
            case "DeleteResourcePolicy":
                return deleteResourcePolicy(in, ctx);
            default:
                return listTags(in, ctx);
        }
    }

    private ObjectNode listTables(ObjectNode in, CallContext ctx) {
        int limit = Paging.size(in.get("Limit"), ctx.defaultPageSize, LIST_TABLES_MAX, this);
        String after = in.path("ExclusiveStartTableName").asText("");
        List<ObjectNode> tables = ctx.region.tables;
        int start = 0;
        // tables are sorted by name, so the page starts at the first name after the exclusive start
        while (!after.isEmpty() && start < tables.size() && name(tables.get(start)).compareTo(after) <= 0) {
            start++;
        }
        ObjectNode out = MAPPER.createObjectNode();
        ArrayNode names = out.putArray("TableNames");
        List<ObjectNode> page = Paging.slice(tables, start, limit);
        page.forEach(t -> names.add(name(t)));
        if (start + limit < tables.size()) {
            out.put("LastEvaluatedTableName", name(page.get(page.size() - 1)));
        }
        return out;
    }

    private ObjectNode describeTable(ObjectNode in, CallContext ctx) {
        String name = requiredText(in, "TableName");
        ObjectNode entry = ctx.region.table(name);
        if (entry == null) {
            throw ApiError.badRequest("ResourceNotFoundException", "Requested resource not found: Table: " + name + " not found");
        }
        ObjectNode out = MAPPER.createObjectNode();
        out.set("Table", entry.get("Table"));
        return out;
    }

    private ObjectNode describeContinuousBackups(ObjectNode in, CallContext ctx) {
        String name = requiredText(in, "TableName");
        ObjectNode entry = ctx.region.table(name);
        if (entry == null) {
            throw ApiError.badRequest("TableNotFoundException", "Table not found: " + name);
        }
        ObjectNode out = MAPPER.createObjectNode();
        JsonNode description = entry.get("ContinuousBackupsDescription");
        if (description == null || description.isNull()) {
            // every real table has continuous backups "ENABLED" with point-in-time recovery off until turned on
            ObjectNode d = out.putObject("ContinuousBackupsDescription");
            d.put("ContinuousBackupsStatus", "ENABLED");
            d.putObject("PointInTimeRecoveryDescription").put("PointInTimeRecoveryStatus", "DISABLED");
        } else {
            out.set("ContinuousBackupsDescription", description);
        }
        return out;
    }

    private ObjectNode getResourcePolicy(ObjectNode in, CallContext ctx) {
        String arn = requiredText(in, "ResourceArn");
        ObjectNode entry = tableByResourceArn(arn, ctx);
        JsonNode policy = entry.get("Policy");
        if (policy == null || policy.isNull()) {
            throw ApiError.badRequest("PolicyNotFoundException",
                    "Resource-based policy not found for the provided ResourceArn: " + arn);
        }
        CRC32 crc = new CRC32();
        crc.update(policy.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ObjectNode out = MAPPER.createObjectNode();
        out.put("Policy", policy.asText());
        // a stable revision per policy text, as a real one only changes when the policy does
        out.put("RevisionId", Long.toString(1_700_000_000_000L + crc.getValue()));
        return out;
    }

    /** Turns point-in-time recovery on or off and sets its period (test-only write mode). */
    private ObjectNode updateContinuousBackups(ObjectNode in, CallContext ctx) {
        String name = requiredText(in, "TableName");
        ObjectNode entry = ctx.region.table(name);
        if (entry == null) {
            throw ApiError.badRequest("TableNotFoundException", "Table not found: " + name);
        }
        JsonNode spec = in.path("PointInTimeRecoverySpecification");
        synchronized (entry) {
            ObjectNode description = entry.path("ContinuousBackupsDescription").isObject()
                    ? (ObjectNode) entry.get("ContinuousBackupsDescription") : entry.putObject("ContinuousBackupsDescription");
            description.put("ContinuousBackupsStatus", "ENABLED");
            ObjectNode pitr = description.path("PointInTimeRecoveryDescription").isObject()
                    ? (ObjectNode) description.get("PointInTimeRecoveryDescription")
                    : description.putObject("PointInTimeRecoveryDescription");
            boolean enabled = spec.path("PointInTimeRecoveryEnabled").asBoolean(false);
            pitr.put("PointInTimeRecoveryStatus", enabled ? "ENABLED" : "DISABLED");
            if (enabled) {
                pitr.put("RecoveryPeriodInDays", spec.path("RecoveryPeriodInDays").asInt(35));
            } else {
                pitr.remove("RecoveryPeriodInDays");
            }
            ObjectNode out = MAPPER.createObjectNode();
            out.set("ContinuousBackupsDescription", description.deepCopy());
            return out;
        }
    }

    /** Replaces the table's resource policy with the given document, which must be JSON (test-only write mode). */
    private ObjectNode putResourcePolicy(ObjectNode in, CallContext ctx) {
        ObjectNode entry = tableByResourceArn(requiredText(in, "ResourceArn"), ctx);
        String policy = requiredText(in, "Policy");
        try {
            if (!MAPPER.readTree(policy).isObject()) {
                throw new java.io.IOException("not an object");
            }
        } catch (java.io.IOException e) {
            throw ApiError.badRequest("ValidationException", "Policy is not a valid JSON policy document");
        }
        synchronized (entry) {
            entry.put("Policy", policy);
        }
        CRC32 crc = new CRC32();
        crc.update(policy.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ObjectNode out = MAPPER.createObjectNode();
        out.put("RevisionId", Long.toString(1_700_000_000_000L + crc.getValue()));
        return out;
    }

    /**
     * UpdateTable for the table's encryption and deletion protection only (test-only write mode): a KMS key given by
     * id, ARN or alias is stored as the key's ARN, as DynamoDB reports it; other changes are refused.
     */
    private ObjectNode updateTable(ObjectNode in, CallContext ctx) {
        String name = requiredText(in, "TableName");
        ObjectNode entry = ctx.region.table(name);
        if (entry == null) {
            throw ApiError.badRequest("ResourceNotFoundException", "Requested resource not found: Table: " + name + " not found");
        }
        in.fieldNames().forEachRemaining(field -> {
            if (!Set.of("TableName", "SSESpecification", "DeletionProtectionEnabled").contains(field)) {
                throw ApiError.badRequest("ValidationException", "the simulator's UpdateTable does not change " + field);
            }
        });
        synchronized (entry) {
            ObjectNode table = (ObjectNode) entry.get("Table");
            if (in.has("DeletionProtectionEnabled")) {
                table.put("DeletionProtectionEnabled", in.get("DeletionProtectionEnabled").asBoolean());
            }
            JsonNode sse = in.path("SSESpecification");
            if (sse.isObject()) {
                if (sse.path("Enabled").asBoolean(false) && "KMS".equals(sse.path("SSEType").asText("KMS"))) {
                    String given = sse.path("KMSMasterKeyId").asText(null);
                    String arn = given == null ? null : keyArn(given, ctx);
                    ObjectNode description = table.putObject("SSEDescription");
                    description.put("Status", "ENABLED");
                    description.put("SSEType", "KMS");
                    if (arn != null) {
                        description.put("KMSMasterKeyArn", arn);
                    }
                } else {
                    table.remove("SSEDescription");
                }
            }
            ObjectNode out = MAPPER.createObjectNode();
            out.set("TableDescription", table.deepCopy());
            return out;
        }
    }

    private static String keyArn(String given, CallContext ctx) {
        ObjectNode key = ctx.region.kmsKey(given);
        if (key == null && given.startsWith("alias/")) {
            key = ctx.region.kmsAliases.get(given);
        }
        if (key == null) {
            throw ApiError.badRequest("ValidationException", "KMS key " + given + " does not exist");
        }
        return key.path("KeyMetadata").path("Arn").asText();
    }

    /** Removes the table's resource policy (test-only write mode). */
    private ObjectNode deleteResourcePolicy(ObjectNode in, CallContext ctx) {
        String arn = requiredText(in, "ResourceArn");
        ObjectNode entry = tableByResourceArn(arn, ctx);
        synchronized (entry) {
            if (entry.path("Policy").isNull() || entry.path("Policy").isMissingNode()) {
                throw ApiError.badRequest("PolicyNotFoundException",
                        "Resource-based policy not found for the provided ResourceArn: " + arn);
            }
            entry.putNull("Policy");
        }
        return MAPPER.createObjectNode();
    }

    /** Adds or replaces the given tags (test-only write mode). */
    private ObjectNode tagResource(ObjectNode in, CallContext ctx) {
        ObjectNode entry = tableByResourceArn(requiredText(in, "ResourceArn"), ctx);
        synchronized (entry) {
            ArrayNode tags = entry.path("Tags").isArray() ? (ArrayNode) entry.get("Tags") : entry.putArray("Tags");
            for (JsonNode tag : in.path("Tags")) {
                String key = tag.path("Key").asText();
                for (int i = tags.size() - 1; i >= 0; i--) {
                    if (tags.get(i).path("Key").asText().equals(key)) {
                        tags.remove(i);
                    }
                }
                tags.addObject().put("Key", key).put("Value", tag.path("Value").asText());
            }
        }
        return MAPPER.createObjectNode();
    }

    private ObjectNode listTags(ObjectNode in, CallContext ctx) {
        String arn = requiredText(in, "ResourceArn");
        ObjectNode entry = tableByResourceArn(arn, ctx);
        List<JsonNode> tags = new java.util.ArrayList<>();
        entry.path("Tags").forEach(tags::add);
        int start = Paging.start(in.get("NextToken"), this);
        int size = ctx.defaultPageSize;
        ObjectNode out = MAPPER.createObjectNode();
        ArrayNode page = out.putArray("Tags");
        Paging.slice(tags, start, size).forEach(page::add);
        String next = Paging.next(tags, start, size);
        if (next != null) {
            out.put("NextToken", next);
        }
        return out;
    }

    private ObjectNode tableByResourceArn(String arn, CallContext ctx) {
        String tableArn = arn;
        int stream = arn.indexOf("/stream/");
        if (stream > 0) {
            tableArn = arn.substring(0, stream);
        }
        ObjectNode entry = tableArn.startsWith("arn:") ? ctx.region.table(tableArn) : null;
        if (entry == null) {
            throw ApiError.badRequest("ResourceNotFoundException", "Requested resource not found: " + arn);
        }
        return entry;
    }

    private static String name(ObjectNode entry) {
        return entry.path("Table").path("TableName").asText();
    }
}
