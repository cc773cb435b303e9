package io.tablewarden.model.inventory;

import io.tablewarden.model.Fetch;

import java.util.List;

/**
 * DAX DescribeClusters.Clusters[] item plus its tags.
 *
 * @param clusterName                   ClusterName
 * @param clusterArn                    ClusterArn
 * @param status                        Status
 * @param totalNodes                    TotalNodes
 * @param nodes                         Nodes (empty while the cluster is creating or deleting)
 * @param sseStatus                     SSEDescription.Status, or null when absent
 * @param clusterEndpointEncryptionType ClusterEndpointEncryptionType, or null when absent (means NONE)
 * @param tags                          dax:ListTags
 */
public record DaxCluster(String clusterName, String clusterArn, String status, Integer totalNodes,
                         List<DaxNode> nodes, String sseStatus, String clusterEndpointEncryptionType,
                         Fetch<List<Tag>> tags) {

    public DaxCluster {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }

    /** Nodes[] item. */
    public record DaxNode(String nodeId, String availabilityZone, String nodeStatus) {
    }
}
