package io.tablewarden.engine.checks.support;

import io.tablewarden.engine.checks.Check;
import io.tablewarden.engine.checks.CheckContext;
import io.tablewarden.engine.checks.MetadataLoader;
import io.tablewarden.engine.checks.Placeholders;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.DaxCluster;
import io.tablewarden.model.inventory.RegionInventory;

import java.util.List;

/**
 * Base of the checks that give one result per DAX cluster: handles skipped and failed regions, a failed
 * DescribeClusters, and isolates one cluster's failure from the rest.
 */
public abstract class DaxClusterCheck implements Check {

    private static final String DELETING = "deleting";

    private static final ResourceWalk.Kind<DaxCluster> CLUSTERS = new ResourceWalk.Kind<>(
            RegionInventory::daxClusters, "the cluster list was not collected (dax:DescribeClusters)",
            "dax", "cache/*", "DAX clusters",
            ResourceType.DAX_CLUSTER, DaxCluster::clusterArn, DaxCluster::clusterName,
            Placeholders.DAX_CLUSTER_NAME, Placeholders.DAX_CLUSTER_ARN, "DAX cluster");

    private final CheckMetadata metadata;

    protected DaxClusterCheck(String checkId) {
        this.metadata = MetadataLoader.load(checkId);
    }

    @Override
    public final CheckMetadata metadata() {
        return metadata;
    }

    /** Decides one cluster. */
    protected abstract Verdict evaluate(DaxCluster cluster, RegionInventory region, CheckContext context);

    @Override
    public final List<CheckResult> evaluate(AccountInventory inventory, CheckContext context) {
        return ResourceWalk.evaluate(metadata, CLUSTERS, inventory,
                (region, cluster) -> decide(cluster, region, context));
    }

    private Verdict decide(DaxCluster cluster, RegionInventory region, CheckContext context) {
        // A cluster on its way out needs no remediation, whatever its settings.
        return DELETING.equalsIgnoreCase(cluster.status())
                ? Verdict.notApplicable("DAX cluster " + cluster.clusterName() + " is being deleted.")
                .evidence("Status", cluster.status())
                : evaluate(cluster, region, context);
    }
}
