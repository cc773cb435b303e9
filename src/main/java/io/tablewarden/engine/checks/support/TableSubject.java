package io.tablewarden.engine.checks.support;

import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.RegionInventory;
import io.tablewarden.model.inventory.TableDescription;
import io.tablewarden.model.inventory.TableInventory;

/**
 * A table being evaluated, with the region and account it lives in. The description is always present:
 * the base class turns a failed DescribeTable into ERROR before a check sees the table.
 *
 * @param account     the account inventory
 * @param region      the table's own region (auto scaling, backup and KMS data of that region only)
 * @param table       the table's collected data
 * @param description its DescribeTable result
 */
public record TableSubject(AccountInventory account, RegionInventory region, TableInventory table,
                           TableDescription description) {

    public String name() {
        return table.name();
    }

    public String arn() {
        return table.arn();
    }

    /** "table <name>" for use inside sentences. */
    public String label() {
        return "table " + table.name();
    }
}
