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

    /** What the region holds, in a few words: "12 tables, 1 DAX cluster", or which listing is missing. */
    public String contents() {
        String tableText = listed(tables, "table", "tables not listed");
        String daxText = daxClusters == null ? "DAX not asked"
                : listed(daxClusters, "DAX cluster", "DAX clusters not listed");
        return tableText + ", " + daxText;
    }

    private static String listed(Fetch<? extends List<?>> listing, String noun, String notListed) {
        if (listing == null || listing.value() == null) {
            return notListed;
        }
        String text = count(listing.value().size(), noun);
        return listing.isPartial() ? text + " (list incomplete)" : text;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Receives a region's answers one by one: see {@link #visitFetches}. */
    @FunctionalInterface
    public interface FetchVisitor {
        /**
         * @param fetch       one call's answer or error
         * @param resourceArn the table, DAX cluster or KMS key the call was about; null for the region's listings
         *                    and AWS Backup's per-plan calls
         */
        void visit(Fetch<?> fetch, String resourceArn);
    }

    /**
     * Hands every collected answer of this region to {@code visitor}, in collection order: the listings first,
     * then each table's, DAX cluster's and KMS key's own calls. Parts the scan did not collect are skipped.
     */
    public void visitFetches(FetchVisitor visitor) {
        FetchVisitor present = (fetch, arn) -> {
            if (fetch != null) {
                visitor.visit(fetch, arn);
            }
        };
        present.visit(tables, null);
        if (autoScaling != null) {
            present.visit(autoScaling.scalableTargets(), null);
            present.visit(autoScaling.scalingPolicies(), null);
        }
        if (backup != null) {
            present.visit(backup.regionSettings(), null);
            present.visit(backup.plans(), null);
            if (backup.plans() != null && backup.plans().isOk()) {
                for (BackupInventory.BackupPlan plan : backup.plans().value()) {
                    present.visit(plan.rules(), null);
                    present.visit(plan.selections(), null);
                    present.visit(plan.recoveryPoints(), null);
                    if (plan.selections() != null && plan.selections().isOk()) {
                        plan.selections().value().forEach(e -> present.visit(e.selection(), null));
                    }
                }
            }
            if (backup.vaults() != null) {
                backup.vaults().values().forEach(v -> present.visit(v, null));
            }
        }
        present.visit(daxClusters, null);
        if (tables != null && tables.value() != null) {
            for (TableInventory t : tables.value()) {
                present.visit(t.description(), t.arn());
                present.visit(t.continuousBackups(), t.arn());
                present.visit(t.resourcePolicy(), t.arn());
                present.visit(t.tags(), t.arn());
                present.visit(t.recoveryPoints(), t.arn());
            }
        }
        if (daxClusters != null && daxClusters.value() != null) {
            daxClusters.value().forEach(c -> present.visit(c.tags(), c.clusterArn()));
        }
        if (kmsKeys != null) {
            kmsKeys.forEach((arn, key) -> {
                present.visit(key.metadata(), arn);
                present.visit(key.rotationEnabled(), arn);
            });
        }
    }

    /**
     * Every call of this region that did not give its data (denied, throttled past the retries, timed out…),
     * in collection order. A cancelled call is not counted, and neither is {@link #regionError()}.
     */
    public List<CollectionError> failedCalls() {
        List<CollectionError> out = new ArrayList<>();
        visitFetches((fetch, arn) -> {
            if (fetch.isFailed() && fetch.error().kind() != CollectionError.Kind.CANCELLED) {
                out.add(fetch.error());
            }
        });
        return out;
    }
}
