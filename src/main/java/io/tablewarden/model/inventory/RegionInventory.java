package io.tablewarden.model.inventory;

import io.tablewarden.model.CollectionError;
import io.tablewarden.model.Fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What was collected in one region. Each service part is a {@link Fetch}: a failed list call leaves
 * the part failed rather than empty.
 *
 * @param region        region name
 * @param state         whether the region was scanned
 * @param regionError   why the region was not scanned (state other than SCANNED), else null
 * @param tables        ListTables and, per table, the table's own calls
 * @param autoScaling   Application Auto Scaling targets and policies in namespace dynamodb
 * @param backup        AWS Backup settings, plans, vaults and recovery points
 * @param daxClusters   DAX DescribeClusters (with tags)
 * @param kmsKeys       KMS keys referenced by tables in this region, keyed by key ARN as the table names it
 */
public record RegionInventory(String region, RegionState state, CollectionError regionError,
                              Fetch<List<TableInventory>> tables,
                              AutoScalingInventory autoScaling,
                              BackupInventory backup,
                              Fetch<List<DaxCluster>> daxClusters,
                              Map<String, KmsKeyInventory> kmsKeys) {

    /** Scan state of a region. */
    public enum RegionState { SCANNED, DISABLED, FAILED, CANCELLED }

    /**
     * Every call of this region that did not give its data (denied, throttled past the retries, timed out…),
     * in collection order: the list calls first, then each table's, cluster's and key's own calls. A cancelled
     * call is not counted, and neither is {@link #regionError()}.
     */
    public List<CollectionError> failedCalls() {
        List<CollectionError> out = new ArrayList<>();
        add(out, tables);
        if (autoScaling != null) {
            add(out, autoScaling.scalableTargets());
            add(out, autoScaling.scalingPolicies());
        }
        if (backup != null) {
            add(out, backup.regionSettings());
            add(out, backup.plans());
            if (backup.plans() != null && backup.plans().isOk()) {
                for (BackupInventory.BackupPlan plan : backup.plans().value()) {
                    add(out, plan.rules());
                    add(out, plan.selections());
                    if (plan.selections() != null && plan.selections().isOk()) {
                        plan.selections().value().forEach(e -> add(out, e.selection()));
                    }
                }
            }
            if (backup.vaults() != null) {
                backup.vaults().values().forEach(v -> add(out, v));
            }
        }
        add(out, daxClusters);
        if (tables != null && tables.isOk()) {
            for (TableInventory t : tables.value()) {
                add(out, t.description());
                add(out, t.continuousBackups());
                add(out, t.resourcePolicy());
                add(out, t.tags());
                add(out, t.recoveryPoints());
            }
        }
        if (daxClusters != null && daxClusters.isOk()) {
            daxClusters.value().forEach(c -> add(out, c.tags()));
        }
        if (kmsKeys != null) {
            for (KmsKeyInventory key : kmsKeys.values()) {
                add(out, key.metadata());
                add(out, key.rotationEnabled());
            }
        }
        return out;
    }

    private static void add(List<CollectionError> out, Fetch<?> fetch) {
        if (fetch != null && fetch.isFailed() && fetch.error().kind() != CollectionError.Kind.CANCELLED) {
            out.add(fetch.error());
        }
    }
}
