package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Application Auto Scaling (JSON 1.1): scalable targets and scaling policies of DynamoDB tables and indexes. */
final class AutoScalingService extends JsonService {

    /** AWS caps both describe operations at 50 items per page. */
    static final int MAX_RESULTS = 50;

    AutoScalingService() {
        super("AnyScaleFrontendService.", "application-autoscaling", "1.1", "",
                Set.of("DescribeScalableTargets", "DescribeScalingPolicies"));
    }

    @Override
    public String resourceArn(Call call, CallContext ctx) {
        return null;
    }

    @Override
    String invalidTokenCode() {
        return "InvalidNextTokenException";
    }

    @Override
    ObjectNode handle(String operation, ObjectNode in, CallContext ctx) {
        String namespace = requiredText(in, "ServiceNamespace");
        String dimension = in.path("ScalableDimension").asText(null);
        Predicate<JsonNode> match = n -> namespace.equals(n.path("ServiceNamespace").asText())
                && (dimension == null || dimension.equals(n.path("ScalableDimension").asText()));
        List<ObjectNode> source;
        String listName;
        if (operation.equals("DescribeScalableTargets")) {
            Set<String> ids = texts(in.get("ResourceIds"));
            match = match.and(n -> ids.isEmpty() || ids.contains(n.path("ResourceId").asText()));
            source = ctx.region.scalableTargets;
            listName = "ScalableTargets";
        } else {
            String resourceId = in.path("ResourceId").asText(null);
            Set<String> names = texts(in.get("PolicyNames"));
            match = match.and(n -> (resourceId == null || resourceId.equals(n.path("ResourceId").asText()))
                    && (names.isEmpty() || names.contains(n.path("PolicyName").asText())));
            source = ctx.region.scalingPolicies;
            listName = "ScalingPolicies";
        }
        List<ObjectNode> found = new ArrayList<>();
        for (ObjectNode n : source) {
            if (match.test(n)) {
                found.add(n);
            }
        }
        int size = Paging.size(in.get("MaxResults"), ctx.defaultPageSize, MAX_RESULTS, this);
        int start = Paging.start(in.get("NextToken"), this);
        ObjectNode out = MAPPER.createObjectNode();
        ArrayNode page = out.putArray(listName);
        Paging.slice(found, start, size).forEach(page::add);
        String next = Paging.next(found, start, size);
        if (next != null) {
            out.put("NextToken", next);
        }
        return out;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> out = new HashSet<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}
