package io.tablewarden.engine.checks.dax;

import io.tablewarden.engine.checks.CheckContext;
import io.tablewarden.engine.checks.support.DaxClusterCheck;
import io.tablewarden.engine.checks.support.Verdict;
import io.tablewarden.model.inventory.DaxCluster;
import io.tablewarden.model.inventory.InventoryPart;
import io.tablewarden.model.inventory.RegionInventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The DAX cluster's nodes span at least two distinct availability zones. Counting nodes is not enough:
 * three nodes in one zone fail together. While a cluster is being created or deleted DAX returns no
 * node list, so those clusters are NOT_APPLICABLE rather than failing for a missing list.
 */
public final class DaxMultiAzCheck extends DaxClusterCheck {

    public static final String ID = "dynamodb_accelerator_cluster_multi_az";

    public DaxMultiAzCheck() {
        super(ID);
    }

    @Override
    protected Verdict evaluate(DaxCluster cluster, RegionInventory region, CheckContext context) {
        String status = cluster.status() == null ? "" : cluster.status().toLowerCase(Locale.ROOT);
        if (status.equals("creating") || status.equals("deleting")) {
            return Verdict.notApplicable("DAX cluster " + cluster.clusterName() + " is " + status
                    + ", so DAX does not list its nodes yet.").evidence("Status", cluster.status());
        }
        Set<String> zones = new TreeSet<>();
        List<String> nodeZones = new ArrayList<>();
        for (DaxCluster.DaxNode node : cluster.nodes()) {
            nodeZones.add(node.nodeId() + "=" + node.availabilityZone());
            if (node.availabilityZone() != null) {
                zones.add(node.availabilityZone());
            }
        }
        Verdict verdict = zones.size() >= 2
                ? Verdict.pass("DAX cluster " + cluster.clusterName() + " has nodes in " + zones.size()
                        + " availability zones (" + String.join(", ", zones) + ").")
                : Verdict.fail("DAX cluster " + cluster.clusterName() + " has " + cluster.nodes().size()
                        + (cluster.nodes().size() == 1 ? " node" : " nodes") + " in "
                        + (zones.isEmpty() ? "no known availability zone" : "only the availability zone "
                        + zones.iterator().next()) + "; it needs nodes in at least two zones.");
        return verdict.evidence("Nodes[].AvailabilityZone", nodeZones)
                .evidence("DistinctAvailabilityZones", new ArrayList<>(zones))
                .evidence("TotalNodes", cluster.totalNodes());
    }

    @Override
    public java.util.Set<InventoryPart> needs() {
        return java.util.EnumSet.of(InventoryPart.DAX);
    }
}
