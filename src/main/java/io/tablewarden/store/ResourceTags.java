package io.tablewarden.store;

import io.tablewarden.model.Fetch;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.DaxCluster;
import io.tablewarden.model.inventory.RegionInventory;
import io.tablewarden.model.inventory.TableInventory;
import io.tablewarden.model.inventory.Tag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tags of every table and DAX cluster of a stored inventory, by ARN, as the checks read them. A resource
 * whose tags could not be read counts as untagged, as a resource without tags does in Prowler.
 */
final class ResourceTags {

    private ResourceTags() {
    }

    static Map<String, List<Tag>> of(AccountInventory inventory) {
        Map<String, List<Tag>> byArn = new HashMap<>();
        for (RegionInventory region : inventory.regions()) {
            if (region.tables() != null && region.tables().value() != null) {
                for (TableInventory table : region.tables().value()) {
                    put(byArn, table.arn(), table.tags());
                }
            }
            if (region.daxClusters() != null && region.daxClusters().value() != null) {
                for (DaxCluster cluster : region.daxClusters().value()) {
                    put(byArn, cluster.clusterArn(), cluster.tags());
                }
            }
        }
        return byArn;
    }

    private static void put(Map<String, List<Tag>> byArn, String arn, Fetch<List<Tag>> tags) {
        if (arn != null && tags != null && tags.isOk() && tags.value() != null) {
            byArn.put(arn, tags.value());
        }
    }
}
