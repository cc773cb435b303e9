package io.tablewarden.engine.checks;

import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.inventory.AccountInventory;

import java.util.List;

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

    default String id() {
        return metadata().id();
    }
}
