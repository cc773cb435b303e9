package io.tablewarden.engine.collect;

import io.tablewarden.engine.aws.AwsErrors;
import io.tablewarden.model.Fetch;
import io.tablewarden.model.inventory.DaxCluster;
import io.tablewarden.model.inventory.Tag;
import software.amazon.awssdk.services.dax.DaxClient;
import software.amazon.awssdk.services.dax.model.Cluster;
import software.amazon.awssdk.services.dax.model.DescribeClustersResponse;
import software.amazon.awssdk.services.dax.model.ListTagsResponse;

import java.util.List;
import java.util.stream.Collectors;

/** DAX clusters of one region, each with its tags; every listing is followed page by page ({@link Pages}). */
public final class DaxCollector {

    private final RegionContext ctx;
    private final DaxClient client;

    public DaxCollector(RegionContext ctx) {
        this.ctx = ctx;
        this.client = ctx.clients().dax(ctx.region());
    }

    /**
     * DescribeClusters (every page); the tags are fetched separately per cluster with {@link #withTags}.
     * DAX is offered in fewer regions than DynamoDB: where its endpoint name does not even resolve (and the
     * region answered DynamoDB, so the network is fine) the region has no clusters, which is a fact, not an error.
     * With an endpoint override every service shares one host, so a name that does not resolve is an error.
     */
    public Fetch<List<Cluster>> describeClusters() {
        Fetch<List<Cluster>> clusters = listClusters();
        if (clusters.isFailed() && !clusters.isPartial() && AwsErrors.UNKNOWN_HOST.equals(clusters.error().errorCode())
                && !ctx.clients().endpointOverridden()) {
            return Fetch.ok(List.of());
        }
        return clusters;
    }

    /** Every page; the clusters of the pages read before a failure are kept (a partial fetch). */
    private Fetch<List<Cluster>> listClusters() {
        return ctx.<DescribeClustersResponse, Cluster>list("dax:DescribeClusters", "",
                token -> client.describeClusters(b -> b.nextToken(token)), DescribeClustersResponse::clusters,
                DescribeClustersResponse::nextToken).keepingWhatWasRead();
    }

    /** ListTags (by ARN, as DAX requires) for one cluster, mapped with the cluster into the model. */
    public DaxCluster withTags(Cluster c) {
        Fetch<List<Tag>> tags = ctx.<Tag>list("dax:ListTags", c.clusterName(), (token, out) -> {
            ListTagsResponse page = client.listTags(b -> b.resourceName(c.clusterArn()).nextToken(token));
            page.tags().forEach(t -> out.add(new Tag(t.key(), t.value())));
            return page.nextToken();
        }).whole();
        List<DaxCluster.DaxNode> nodes = c.nodes().stream()
                .map(n -> new DaxCluster.DaxNode(n.nodeId(), n.availabilityZone(), n.nodeStatus()))
                .collect(Collectors.toList());
        return new DaxCluster(c.clusterName(), c.clusterArn(), c.status(), c.totalNodes(), nodes,
                c.sseDescription() == null ? null : c.sseDescription().statusAsString(),
                c.clusterEndpointEncryptionTypeAsString(), tags);
    }
}
