package io.tablewarden.engine.checks;

import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.InventoryPart;

import java.util.List;
import java.util.Set;

/**
 * One security check: a pure function from the collected inventory to results. Implementations never
 * call AWS, never throw for a resource they cannot judge (they return ERROR), and give exactly one
 * result per resource in scope.
 */
public interface Check {

    /** The check's metadata (its id is the check id). */
    CheckMetadata metadata();

    /** Evaluates every resource of the check's type in every scanned region of the inventory. */
    List<CheckResult> evaluate(AccountInventory inventory, CheckContext context);

    /** The ids of the causes this check can name in a FAIL (each has its fix in the metadata); empty for none. */
    default List<String> causes() {
        return List.of();
    }

    default String id() {
        return metadata().id();
    }

    /**
     * The inventory parts this check reads beyond the table list and descriptions, which every scan has. A scan
     * of a few checks collects only what they name, so a check must name every part it reads; the default,
     * every part, is always safe.
     */
    default Set<InventoryPart> needs() {
        return InventoryPart.all();
    }
}
