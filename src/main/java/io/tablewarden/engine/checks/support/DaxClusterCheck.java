package io.tablewarden.engine.checks.support;

import io.tablewarden.engine.checks.Check;
import io.tablewarden.engine.checks.CheckContext;
import io.tablewarden.engine.checks.MetadataLoader;
import io.tablewarden.engine.checks.Placeholders;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.CollectionError;
import io.tablewarden.model.ResourceRef;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.DaxCluster;
import io.tablewarden.model.inventory.RegionInventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Base of the checks that give one result per DAX cluster: handles skipped and failed regions, a failed
 * DescribeClusters, and isolates one cluster's failure from the rest.
 */
public abstract class DaxClusterCheck implements Check {

    private static final String DELETING = "deleting";

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
        List<CheckResult> results = new ArrayList<>();
        for (RegionInventory region : inventory.regions()) {
            if (Results.skipped(region)) {
                continue;
            }
            Optional<CollectionError> failure = Results.regionFailure(region);
            if (failure.isPresent()) {
                results.add(regionError(inventory, region, failure.get().describe()));
            } else if (region.daxClusters() == null) {
                results.add(regionError(inventory, region, "the cluster list was not collected (dax:DescribeClusters)"));
            } else if (region.daxClusters().isFailed()) {
                results.add(regionError(inventory, region, region.daxClusters().error().describe()));
            } else {
                for (DaxCluster cluster : Results.orEmpty(region.daxClusters().value())) {
                    results.add(evaluateCluster(inventory, region, cluster, context));
                }
            }
        }
        return results;
    }

    private CheckResult regionError(AccountInventory inventory, RegionInventory region, String reason) {
        return Results.regionError(metadata, inventory, region, "dax", "cache/*", "DAX clusters", reason);
    }

    private CheckResult evaluateCluster(AccountInventory inventory, RegionInventory region, DaxCluster cluster,
                                        CheckContext context) {
        ResourceRef ref = new ResourceRef(cluster.clusterArn(), cluster.clusterName(), ResourceType.DAX_CLUSTER,
                region.region(), inventory.accountId());
        Map<String, String> placeholders = Results.regionPlaceholders(inventory, region.region());
        placeholders.put(Placeholders.DAX_CLUSTER_NAME, cluster.clusterName());
        placeholders.put(Placeholders.DAX_CLUSTER_ARN, cluster.clusterArn());
        Verdict verdict;
        try {
            // A cluster on its way out needs no remediation, whatever its settings.
            verdict = DELETING.equalsIgnoreCase(cluster.status())
                    ? Verdict.notApplicable("DAX cluster " + cluster.clusterName() + " is being deleted.")
                    .evidence("Status", cluster.status())
                    : evaluate(cluster, region, context);
        } catch (RuntimeException e) {
            verdict = Results.internalError("DAX cluster " + cluster.clusterName(), e);
        }
        return Results.of(metadata, ref, verdict, placeholders);
    }
}
