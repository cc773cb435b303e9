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
        return verdict.evidence("SSEDescription.Status", status);
    }

    @Override
    public java.util.Set<InventoryPart> needs() {
        return java.util.EnumSet.of(InventoryPart.DAX);
    }
}
