package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * DAX (JSON 1.1): cluster descriptions and cluster tags; in the test-only write mode also CreateCluster and
 * DeleteCluster (see {@link SimulatorOptions#writesForTests()}).
 */
final class DaxService extends JsonService {

    /** AWS caps DescribeClusters at 100 clusters per page. */
    static final int MAX_RESULTS = 100;

    private static final Set<String> READS = Set.of("DescribeClusters", "ListTags");

    /** The port of a cluster endpoint: 9111 with TLS, 8111 without. */
    private static final int TLS_PORT = 9111;
    private static final int PLAIN_PORT = 8111;

    DaxService() {
        this(false);
    }

    /** With {@code writes}, also CreateCluster and DeleteCluster (see {@link SimulatorOptions#writesForTests()}). */
    DaxService(boolean writes) {
        super("AmazonDAXV3.", "dax", "1.1", "", writes ? KmsService.union(READS, "CreateCluster", "DeleteCluster")
                : READS);
    }

    @Override
    public String resourceArn(Call call, CallContext ctx) {
        if (call.input().hasNonNull("ResourceName")) {
            return call.input().get("ResourceName").asText();
        }
        if (call.input().hasNonNull("ClusterName")) {
            return ctx.arnPrefix("dax") + "cache/" + call.input().get("ClusterName").asText().toLowerCase(Locale.ROOT);
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
        switch (operation) {
            case "DescribeClusters":
                return describeClusters(in, ctx);
            case "CreateCluster":
                return createCluster(in, ctx);
            case "DeleteCluster":
                return deleteCluster(in, ctx);
            default:
                return listTags(in, ctx);
        }
    }

    /**
     * A new cluster with the requested settings (test-only). AWS answers CreateCluster with the cluster in status
     * {@code creating}, no active node and no node list yet, and so does this; the cluster kept for the following
     * calls is already {@code available} with its nodes, so the next DescribeClusters reports it ready (a test
     * does not wait the minutes a real cluster takes).
     */
    private ObjectNode createCluster(ObjectNode in, CallContext ctx) {
        String name = requiredText(in, "ClusterName").toLowerCase(Locale.ROOT);
        if (!name.matches("[a-z](?:[a-z0-9]|-(?!-)){0,19}") || name.endsWith("-")) {
            throw ApiError.badRequest("InvalidParameterValueException", "Invalid cluster name: " + name);
        }
        String nodeType = requiredText(in, "NodeType");
        String role = requiredText(in, "IamRoleArn");
        JsonNode factor = in.get("ReplicationFactor");
        if (factor == null || !factor.canConvertToInt() || factor.asInt() < 1 || factor.asInt() > 11) {
            throw ApiError.badRequest("InvalidParameterValueException", "ReplicationFactor must be from 1 to 11");
        }
        int nodes = factor.asInt();
        boolean tls = "TLS".equals(in.path("ClusterEndpointEncryptionType").asText("NONE"));
        String region = ctx.arnPrefix("dax").split(":")[3];
        String arn = ctx.arnPrefix("dax") + "cache/" + name;
        ObjectNode cluster = MAPPER.createObjectNode();
        cluster.put("ClusterName", name);
        cluster.put("Description", in.path("Description").asText(""));
        cluster.put("ClusterArn", arn);
        cluster.put("TotalNodes", nodes);
        cluster.put("ActiveNodes", 0);
        cluster.put("NodeType", nodeType);
        cluster.put("Status", "creating");
        String scheme = tls ? "daxs://" : "dax://";
        String host = name + ".replay.dax-clusters." + region + ".amazonaws.com";
        // While a cluster is being created AWS gives its endpoint's port only.
        cluster.putObject("ClusterDiscoveryEndpoint").put("Port", tls ? TLS_PORT : PLAIN_PORT);
        cluster.put("PreferredMaintenanceWindow", in.path("PreferredMaintenanceWindow").asText("sun:05:00-sun:06:00"));
        cluster.put("SubnetGroup", in.path("SubnetGroupName").asText("default"));
        ArrayNode groups = cluster.putArray("SecurityGroups");
        in.path("SecurityGroupIds").forEach(g -> groups.addObject().put("SecurityGroupIdentifier", g.asText())
                .put("Status", "active"));
        cluster.put("IamRoleArn", role);
        ObjectNode parameters = cluster.putObject("ParameterGroup");
        parameters.put("ParameterGroupName", in.path("ParameterGroupName").asText("default.dax1.0"));
        parameters.put("ParameterApplyStatus", "in-sync");
        parameters.putArray("NodeIdsToReboot");
        cluster.putObject("SSEDescription").put("Status",
                in.path("SSESpecification").path("Enabled").asBoolean(false) ? "ENABLED" : "DISABLED");
        cluster.put("ClusterEndpointEncryptionType", tls ? "TLS" : "NONE");
        cluster.put("NetworkType", "ipv4");

        ObjectNode available = cluster.deepCopy();
        available.put("Status", "available");
        available.putObject("ClusterDiscoveryEndpoint").put("Address", host).put("Port", tls ? TLS_PORT : PLAIN_PORT)
                .put("URL", scheme + host);
        available.put("ActiveNodes", nodes);
        ArrayNode list = available.putArray("Nodes");
        for (int i = 0; i < nodes; i++) {
            char zone = (char) ('a' + i % 3);
            String nodeHost = name + "-" + zone + i + ".replay.nodes.dax-clusters." + region + ".amazonaws.com";
            ObjectNode node = list.addObject();
            node.put("NodeId", name + "-" + zone + i);
            node.putObject("Endpoint").put("Address", nodeHost).put("Port", tls ? TLS_PORT : PLAIN_PORT)
                    .put("URL", scheme + nodeHost);
            node.put("NodeCreateTime", java.time.Instant.now().getEpochSecond());
            node.put("AvailabilityZone", region + zone);
            node.put("NodeStatus", "available");
            node.put("ParameterGroupStatus", "in-sync");
        }
        synchronized (ctx.region.daxClusters) {
            if (cluster(name, ctx) != null) {
                throw ApiError.badRequest("ClusterAlreadyExistsFault", "Cluster " + name + " already exists");
            }
            ctx.region.daxClusters.add(available);
        }
        ObjectNode out = MAPPER.createObjectNode();
        out.set("Cluster", cluster);
        return out;
    }

    /**
     * Deletes a cluster (test-only). AWS answers with the cluster in status {@code deleting} and removes it some
     * minutes later; here it is gone from the next DescribeClusters on. A cluster already deleting is refused, as
     * AWS refuses it with InvalidClusterStateFault.
     */
    private ObjectNode deleteCluster(ObjectNode in, CallContext ctx) {
        String name = requiredText(in, "ClusterName").toLowerCase(Locale.ROOT);
        ObjectNode cluster;
        synchronized (ctx.region.daxClusters) {
            cluster = cluster(name, ctx);
            if (cluster == null) {
                throw ApiError.badRequest("ClusterNotFoundFault", "Cluster not found: " + name);
            }
            if (!"available".equals(cluster.path("Status").asText())) {
                throw ApiError.badRequest("InvalidClusterStateFault", "Cluster " + name + " is "
                        + cluster.path("Status").asText());
            }
            ctx.region.daxClusters.remove(cluster);
        }
        ObjectNode deleting = cluster.deepCopy();
        deleting.put("Status", "deleting");
        deleting.put("ActiveNodes", 0);
        deleting.remove("Nodes");
        ObjectNode out = MAPPER.createObjectNode();
        out.set("Cluster", deleting);
        return out;
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
