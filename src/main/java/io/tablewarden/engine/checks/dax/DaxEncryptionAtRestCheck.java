package io.tablewarden.engine.checks.dax;

import io.tablewarden.engine.checks.CheckContext;
import io.tablewarden.engine.checks.support.DaxClusterCheck;
import io.tablewarden.engine.checks.support.Verdict;
import io.tablewarden.model.inventory.DaxCluster;
import io.tablewarden.model.inventory.InventoryPart;
import io.tablewarden.model.inventory.RegionInventory;

/**
 * DynamoDB.3: the DAX cluster encrypts data at rest. A cluster being deleted is NOT_APPLICABLE (see
 * {@link io.tablewarden.engine.checks.support.DaxClusterCheck}).
 */
public final class DaxEncryptionAtRestCheck extends DaxClusterCheck {

    public static final String ID = "dynamodb_accelerator_cluster_encryption_enabled";

    /** What the replacement cluster must change: DAX sets both encryptions only when a cluster is created. */
    public enum Cause implements io.tablewarden.engine.checks.support.CheckCause {
        /** The endpoint already uses TLS: the replacement keeps TLS and adds encryption at rest. */
        AT_REST_OFF,
        /** The endpoint has no TLS either: one replacement serves this check and the TLS check. */
        AT_REST_AND_TLS_OFF;
    }

    @Override
    public java.util.List<String> causes() {
        return io.tablewarden.engine.checks.support.CheckCause.ids(Cause.values());
    }

    public DaxEncryptionAtRestCheck() {
        super(ID);
    }

    @Override
    protected Verdict evaluate(DaxCluster cluster, RegionInventory region, CheckContext context) {
        String status = cluster.sseStatus();
        Verdict verdict = "ENABLED".equals(status)
                ? Verdict.pass("DAX cluster " + cluster.clusterName() + " encrypts data at rest.")
                : Verdict.fail("DAX cluster " + cluster.clusterName() + " does not encrypt data at rest (SSE status "
                        + (status == null ? "absent" : status) + "); only a new cluster can turn it on.");
        if (verdict.status() == io.tablewarden.model.Status.FAIL) {
            verdict.cause("TLS".equals(cluster.clusterEndpointEncryptionType()) ? Cause.AT_REST_OFF
                    : Cause.AT_REST_AND_TLS_OFF);
        }
        return verdict.evidence("SSEDescription.Status", status);
    }

    @Override
    public java.util.Set<InventoryPart> needs() {
        return java.util.EnumSet.of(InventoryPart.DAX);
    }
}
