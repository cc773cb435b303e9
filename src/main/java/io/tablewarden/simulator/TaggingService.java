package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Resource Groups Tagging API (JSON 1.1), GetResources only, for DynamoDB tables: one page lists up to 100
 * tagged tables of the region with all their tags. As AWS does, a table without tags is not listed, and the last
 * page carries an empty pagination token.
 */
final class TaggingService extends JsonService {

    /** AWS caps a GetResources page at 100 resources. */
    static final int MAX_RESOURCES_PER_PAGE = 100;
    private static final Set<String> TABLE_TYPES = Set.of("dynamodb", "dynamodb:table");

    TaggingService() {
        super("ResourceGroupsTaggingAPI_20170126.", "tag", "1.1", "", Set.of("GetResources"));
    }

    @Override
    public String resourceArn(Call call, CallContext ctx) {
        return null;
    }

    @Override
    String invalidTokenCode() {
        return "PaginationTokenExpiredException";
    }

    @Override
    String validationCode() {
        return "InvalidParameterException";
    }

    @Override
    ObjectNode handle(String operation, ObjectNode in, CallContext ctx) {
        if (in.path("TagFilters").size() > 0 || in.path("ResourceARNList").size() > 0) {
            throw commonError(CommonError.VALIDATION, "the simulator lists by resource type only");
        }
        boolean tables = false;
        JsonNode types = in.path("ResourceTypeFilters");
        if (types.isMissingNode() || types.isNull() || types.size() == 0) {
            tables = true;
        }
        for (JsonNode type : types) {
            tables |= TABLE_TYPES.contains(type.asText());
        }
        List<JsonNode> tagged = new ArrayList<>();
        if (tables) {
            for (ObjectNode entry : ctx.region.tables) {
                JsonNode tags = entry.path("Tags");
                if (tags.isArray() && tags.size() > 0) {
                    ObjectNode mapping = MAPPER.createObjectNode();
                    mapping.put("ResourceARN", entry.path("Table").path("TableArn").asText());
                    mapping.set("Tags", tags);
                    tagged.add(mapping);
                }
            }
        }
        int size = Paging.size(in.get("ResourcesPerPage"), ctx.defaultPageSize, MAX_RESOURCES_PER_PAGE, this);
        int start = Paging.start(in.get("PaginationToken"), this);
        ObjectNode out = MAPPER.createObjectNode();
        ArrayNode page = out.putArray("ResourceTagMappingList");
        Paging.slice(tagged, start, size).forEach(page::add);
        String next = Paging.next(tagged, start, size);
        out.put("PaginationToken", next == null ? "" : next);
        return out;
    }
}
