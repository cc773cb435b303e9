package io.tablewarden.model.inventory;

import io.tablewarden.model.Fetch;

import java.util.List;

/**
 * One table and the per-table calls. The table name and ARN are always known (from ListTables); the
 * rest may have failed individually.
 *
 * @param name               table name
 * @param arn                table ARN (built from partition/region/account/name when DescribeTable failed)
 * @param description        DescribeTable
 * @param continuousBackups  DescribeContinuousBackups
 * @param resourcePolicy     GetResourcePolicy: the policy JSON, or null when AWS answered PolicyNotFoundException
 * @param tags               ListTagsOfResource (all pages)
 * @param recoveryPoints     ListRecoveryPointsByResource; null when not collected (no backup plan in the region)
 */
public record TableInventory(String name, String arn, Fetch<TableDescription> description,
                             Fetch<ContinuousBackups> continuousBackups, Fetch<String> resourcePolicy,
                             Fetch<List<Tag>> tags, Fetch<List<RecoveryPoint>> recoveryPoints) {
}
