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

    /** What the replacement cluster must change: DAX sets both encryptions only when a cluster is created. */
    public enum Cause implements io.tablewarden.engine.checks.support.CheckCause {
        /** Data at rest is already encrypted: the replacement keeps that and adds TLS. */
        TLS_OFF,
        /** Data at rest is not encrypted either: one replacement serves this check and the encryption check. */
        AT_REST_AND_TLS_OFF;
    }

    @Override
    public java.util.List<String> causes() {
        return io.tablewarden.engine.checks.support.CheckCause.ids(Cause.values());
    }

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
        if (verdict.status() == io.tablewarden.model.Status.FAIL) {
            verdict.cause("ENABLED".equals(cluster.sseStatus()) ? Cause.TLS_OFF : Cause.AT_REST_AND_TLS_OFF);
        }
        return verdict.evidence("ClusterEndpointEncryptionType", type);
    }

    @Override
    public java.util.Set<InventoryPart> needs() {
        return java.util.EnumSet.of(InventoryPart.DAX);
    }
}
