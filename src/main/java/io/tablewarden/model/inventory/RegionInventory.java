package io.tablewarden.model.inventory;

import io.tablewarden.model.CollectionError;
import io.tablewarden.model.Fetch;

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
}
