package io.tablewarden.engine.checks.dax;

import io.tablewarden.engine.checks.CheckContext;
import io.tablewarden.engine.checks.support.DaxClusterCheck;
import io.tablewarden.engine.checks.support.Verdict;
import io.tablewarden.model.inventory.DaxCluster;
import io.tablewarden.model.inventory.InventoryPart;
import io.tablewarden.model.inventory.RegionInventory;

/**
 * DynamoDB.7: the DAX cluster endpoint uses TLS. Clusters created before TLS existed omit the field,
 * which means NONE. The field is set at creation, so every cluster status is evaluated.
 */
public final class DaxTlsEndpointCheck extends DaxClusterCheck {

    public static final String ID = "dynamodb_accelerator_cluster_in_transit_encryption_enabled";

    public DaxTlsEndpointCheck() {
        super(ID);
    }

    @Override
    protected Verdict evaluate(DaxCluster cluster, RegionInventory region, CheckContext context) {
        String type = cluster.clusterEndpointEncryptionType();
        Verdict verdict = "TLS".equals(type)
                ? Verdict.pass("DAX cluster " + cluster.clusterName() + " serves its endpoint over TLS.")
                : Verdict.fail("DAX cluster " + cluster.clusterName() + " serves its endpoint without TLS ("
                        + (type == null ? "field absent, meaning NONE" : type) + "); only a new cluster can change it.");
        return verdict.evidence("ClusterEndpointEncryptionType", type);
    }

    @Override
    public java.util.Set<InventoryPart> needs() {
        return java.util.EnumSet.of(InventoryPart.DAX);
    }
}
