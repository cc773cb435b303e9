package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** DAX (JSON 1.1): cluster descriptions and cluster tags. */
final class DaxService extends JsonService {

    /** AWS caps DescribeClusters at 100 clusters per page. */
    static final int MAX_RESULTS = 100;

    DaxService() {
        super("AmazonDAXV3.", "dax", "1.1", "", Set.of("DescribeClusters", "ListTags"));
    }

    @Override
    public String resourceArn(Call call, CallContext ctx) {
        if (call.input().hasNonNull("ResourceName")) {
            return call.input().get("ResourceName").asText();
        }
        JsonNode names = call.input().get("ClusterNames");
        if (names != null && names.size() == 1) {
            return ctx.arnPrefix("dax") + "cache/" + names.get(0).asText();
        }
        return null;
    }

    @Override
    String validationCode() {
        return "InvalidParameterValueException";
    }

    @Override
    ObjectNode handle(String operation, ObjectNode in, CallContext ctx) {
        return operation.equals("DescribeClusters") ? describeClusters(in, ctx) : listTags(in, ctx);
    }

    private ObjectNode describeClusters(ObjectNode in, CallContext ctx) {
        List<ObjectNode> found = new ArrayList<>();
        JsonNode names = in.get("ClusterNames");
        if (names != null && names.size() > 0) {
            for (JsonNode name : names) {
                ObjectNode cluster = cluster(name.asText(), ctx);
                if (cluster == null) {
                    throw ApiError.badRequest("ClusterNotFoundFault", "Cluster not found: " + name.asText());
                }
                found.add(cluster);
            }
        } else {
            found.addAll(ctx.region.daxClusters);
        }
        int size = Paging.size(in.get("MaxResults"), ctx.defaultPageSize, MAX_RESULTS, this);
        int start = Paging.start(in.get("NextToken"), this);
        ObjectNode out = MAPPER.createObjectNode();
        ArrayNode page = out.putArray("Clusters");
        Paging.slice(found, start, size).forEach(page::add);
        String next = Paging.next(found, start, size);
        if (next != null) {
            out.put("NextToken", next);
        }
        return out;
    }

    private ObjectNode listTags(ObjectNode in, CallContext ctx) {
        String arn = requiredText(in, "ResourceName");
        String prefix = "arn:" + ctx.fixture.partition + ":dax:";
        int slash = arn.indexOf(":cache/");
        if (!arn.startsWith(prefix) || slash < 0) {
            throw ApiError.badRequest("InvalidARNFault", "ARN " + arn + " is not a valid DAX cluster ARN");
        }
        ObjectNode cluster = null;
        for (ObjectNode c : ctx.region.daxClusters) {
            if (arn.equals(c.path("ClusterArn").asText())) {
                cluster = c;
            }
        }
        if (cluster == null) {
            throw ApiError.badRequest("ClusterNotFoundFault", "Cluster not found: " + arn.substring(slash + 7));
        }
        List<JsonNode> tags = new ArrayList<>();
        JsonNode fixtureTags = ctx.region.daxTags.get(arn);
        if (fixtureTags != null) {
            fixtureTags.forEach(tags::add);
        }
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

    private static ObjectNode cluster(String name, CallContext ctx) {
        for (ObjectNode c : ctx.region.daxClusters) {
            if (name.equals(c.path("ClusterName").asText())) {
                return c;
            }
        }
        return null;
    }
}
