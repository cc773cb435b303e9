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

    private static final Set<String> READS = Set.of("DescribeScalableTargets", "DescribeScalingPolicies");

    AutoScalingService() {
        this(false);
    }

    /**
     * With {@code writes}, also RegisterScalableTarget and PutScalingPolicy (see
     * {@link SimulatorOptions#writesForTests()}).
     */
    AutoScalingService(boolean writes) {
        super("AnyScaleFrontendService.", "application-autoscaling", "1.1", "",
                writes ? KmsService.union(READS, "RegisterScalableTarget", "PutScalingPolicy") : READS);
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
        if (operation.equals("RegisterScalableTarget")) {
            return register(in, ctx);
        }
        if (operation.equals("PutScalingPolicy")) {
            return putPolicy(in, ctx);
        }
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

    private static ObjectNode find(List<ObjectNode> list, ObjectNode in) {
        for (ObjectNode n : list) {
            if (n.path("ServiceNamespace").asText().equals(in.path("ServiceNamespace").asText())
                    && n.path("ResourceId").asText().equals(in.path("ResourceId").asText())
                    && n.path("ScalableDimension").asText().equals(in.path("ScalableDimension").asText())
                    && (!in.has("PolicyName") || n.path("PolicyName").asText().equals(in.path("PolicyName").asText()))) {
                return n;
            }
        }
        return null;
    }

    /**
     * Registers a scalable target, or updates the one registered (test-only write mode): a new target needs its
     * capacity limits, an update changes only what the request gives, the suspended state flag by flag.
     */
    private ObjectNode register(ObjectNode in, CallContext ctx) {
        requiredText(in, "ServiceNamespace");
        requiredText(in, "ResourceId");
        requiredText(in, "ScalableDimension");
        synchronized (ctx.region.scalableTargets) {
            ObjectNode target = find(ctx.region.scalableTargets, in);
            if (target == null) {
                if (!in.has("MinCapacity") || !in.has("MaxCapacity")) {
                    throw ApiError.badRequest("ValidationException",
                            "MinCapacity and MaxCapacity are required to register a new scalable target");
                }
                target = MAPPER.createObjectNode();
                for (String member : new String[] {"ServiceNamespace", "ResourceId", "ScalableDimension"}) {
                    target.set(member, in.get(member));
                }
                target.put("CreationTime", java.time.Instant.now().getEpochSecond());
                target.putObject("SuspendedState").put("DynamicScalingInSuspended", false)
                        .put("DynamicScalingOutSuspended", false).put("ScheduledScalingSuspended", false);
                target.put("ScalableTargetARN", ctx.arnPrefix("application-autoscaling") + "scalable-target/"
                        + java.util.UUID.randomUUID().toString().replace("-", ""));
                ctx.region.scalableTargets.add(target);
            }
            for (String member : new String[] {"MinCapacity", "MaxCapacity", "RoleARN"}) {
                if (in.has(member)) {
                    target.set(member, in.get(member));
                }
            }
            if (in.path("SuspendedState").isObject()) {
                ObjectNode state = target.path("SuspendedState").isObject() ? (ObjectNode) target.get("SuspendedState")
                        : target.putObject("SuspendedState");
                state.setAll((ObjectNode) in.get("SuspendedState"));
            }
            ObjectNode out = MAPPER.createObjectNode();
            out.set("ScalableTargetARN", target.get("ScalableTargetARN"));
            return out;
        }
    }

    /** Adds a scaling policy to a registered target, or replaces the one of that name (test-only write mode). */
    private ObjectNode putPolicy(ObjectNode in, CallContext ctx) {
        String name = requiredText(in, "PolicyName");
        synchronized (ctx.region.scalableTargets) {
            ObjectNode probe = in.deepCopy();
            probe.remove("PolicyName");
            if (find(ctx.region.scalableTargets, probe) == null) {
                throw ApiError.badRequest("ObjectNotFoundException", "No scalable target registered for service namespace: "
                        + in.path("ServiceNamespace").asText() + ", resource ID: " + in.path("ResourceId").asText()
                        + ", scalable dimension: " + in.path("ScalableDimension").asText());
            }
            ObjectNode policy = find(ctx.region.scalingPolicies, in);
            if (policy == null) {
                policy = MAPPER.createObjectNode();
                ctx.region.scalingPolicies.add(policy);
            }
            for (String member : new String[] {"PolicyName", "ServiceNamespace", "ResourceId", "ScalableDimension",
                    "PolicyType", "TargetTrackingScalingPolicyConfiguration", "StepScalingPolicyConfiguration"}) {
                if (in.has(member)) {
                    policy.set(member, in.get(member));
                }
            }
            policy.put("PolicyARN", ctx.arnPrefix("autoscaling") + "scalingPolicy:"
                    + java.util.UUID.randomUUID() + ":resource/" + in.path("ServiceNamespace").asText() + "/"
                    + in.path("ResourceId").asText() + ":policyName/" + name);
            policy.put("CreationTime", java.time.Instant.now().getEpochSecond());
            ObjectNode out = MAPPER.createObjectNode();
            out.set("PolicyARN", policy.get("PolicyARN"));
            return out;
        }
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> out = new HashSet<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}
