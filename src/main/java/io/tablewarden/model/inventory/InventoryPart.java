package io.tablewarden.model.inventory;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * A part of a region's inventory that a check may need beyond the table list and each table's description,
 * which every scan collects (ListTables also tells whether a region is usable). A scan collects only the parts
 * its checks need; a part it did not collect is null in the inventory, never an empty list.
 */
public enum InventoryPart {
    /** DescribeContinuousBackups per table. */
    CONTINUOUS_BACKUPS,
    /** GetResourcePolicy per table. */
    RESOURCE_POLICY,
    /** ListTagsOfResource per table. */
    TABLE_TAGS,
    /** AWS Backup recovery points per table covered by a live plan. */
    RECOVERY_POINTS,
    /** Application Auto Scaling targets and policies of the region. */
    AUTO_SCALING,
    /** AWS Backup settings, plans, selections and vaults of the region. */
    BACKUP,
    /** DAX clusters of the region, with their tags. */
    DAX,
    /** The KMS keys the region's tables name. */
    KMS_KEYS;

    /** Every part: what a check that does not say otherwise needs. */
    public static Set<InventoryPart> all() {
        return EnumSet.allOf(InventoryPart.class);
    }

    /** The parts {@code needs} name together; empty when none does. */
    public static Set<InventoryPart> union(Collection<? extends Set<InventoryPart>> needs) {
        Set<InventoryPart> parts = EnumSet.noneOf(InventoryPart.class);
        needs.forEach(parts::addAll);
        return parts;
    }
}
