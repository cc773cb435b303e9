package io.tablewarden.model.inventory;

import java.time.Instant;
import java.util.List;

/**
 * Everything a scan collected from one account: the input of every check.
 *
 * @param accountId   12-digit account id (STS GetCallerIdentity)
 * @param partition   aws, aws-cn or aws-us-gov
 * @param callerArn   the identity that scanned
 * @param collectedAt when collection started
 * @param regions     one entry per region in scope, in scan order
 * @param accountAlias the account's alias (IAM ListAccountAliases), or null when it has none or it may not be read
 */
public record AccountInventory(String accountId, String partition, String callerArn, Instant collectedAt,
                               List<RegionInventory> regions, String accountAlias) {
    public AccountInventory {
        regions = List.copyOf(regions);
    }

    /** An inventory whose account alias is not known. */
    public AccountInventory(String accountId, String partition, String callerArn, Instant collectedAt,
                            List<RegionInventory> regions) {
        this(accountId, partition, callerArn, collectedAt, regions, null);
    }
}
