package io.tablewarden.engine.checks.support;

import io.tablewarden.engine.checks.Check;
import io.tablewarden.engine.checks.CheckContext;
import io.tablewarden.engine.checks.MetadataLoader;
import io.tablewarden.engine.checks.Placeholders;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.RegionInventory;
import io.tablewarden.model.inventory.TableDescription;
import io.tablewarden.model.inventory.TableInventory;

import java.util.List;

/**
 * Base of the checks that give one result per DynamoDB table. It owns everything that is the same for
 * all of them, so that no check can get it wrong on its own: skipped and failed regions, a failed
 * ListTables, a failed DescribeTable, the table-status scope, and isolation of one table's failure from
 * the rest.
 */
public abstract class TableCheck implements Check {

    /** Which table statuses a check evaluates; the others are NOT_APPLICABLE. */
    protected enum StatusScope {
        /** Everything except tables being created or deleted. */
        STABLE,
        /** ACTIVE tables only (DynamoDB.4 and the recovery point check). */
        ACTIVE_ONLY
    }

    private static final ResourceWalk.Kind<TableInventory> TABLES = new ResourceWalk.Kind<>(
            RegionInventory::tables, "the table list was not collected (dynamodb:ListTables)",
            "dynamodb", "table/*", "DynamoDB tables",
            ResourceType.TABLE, TableInventory::arn, TableInventory::name,
            Placeholders.TABLE_NAME, Placeholders.TABLE_ARN, "table");

    private final CheckMetadata metadata;

    protected TableCheck(String checkId) {
        this.metadata = MetadataLoader.load(checkId);
    }

    @Override
    public final CheckMetadata metadata() {
        return metadata;
    }

    protected StatusScope statusScope() {
        return StatusScope.STABLE;
    }

    /** Decides one table whose description is known and whose status is in scope. */
    protected abstract Verdict evaluate(TableSubject subject, CheckContext context);

    @Override
    public final List<CheckResult> evaluate(AccountInventory inventory, CheckContext context) {
        return ResourceWalk.evaluate(metadata, TABLES, inventory,
                (region, table) -> decide(inventory, region, table, context));
    }

    private Verdict decide(AccountInventory inventory, RegionInventory region, TableInventory table,
                           CheckContext context) {
        if (table.description() == null || table.description().isFailed()) {
            String reason = table.description() == null ? "its description was not collected (dynamodb:DescribeTable)"
                    : table.description().error().describe();
            return Verdict.error("Table " + table.name() + " could not be evaluated: " + reason + ".");
        }
        TableDescription description = table.description().value();
        if (description == null) {
            return Verdict.error("Table " + table.name() + " could not be evaluated: DescribeTable returned no table.");
        }
        String status = description.tableStatus();
        if (statusScope() == StatusScope.ACTIVE_ONLY && !"ACTIVE".equals(status)) {
            return Verdict.notApplicable("Table " + table.name() + " is " + status
                    + "; this check only evaluates ACTIVE tables.").evidence("TableStatus", status);
        }
        if ("CREATING".equals(status) || "DELETING".equals(status)) {
            return Verdict.notApplicable("Table " + table.name() + " is " + status
                    + ", so its settings are not final yet.").evidence("TableStatus", status);
        }
        return evaluate(new TableSubject(inventory, region, table, description), context);
    }
}
