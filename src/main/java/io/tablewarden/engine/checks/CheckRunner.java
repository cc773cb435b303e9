package io.tablewarden.engine.checks;

import io.tablewarden.model.CheckResult;
import io.tablewarden.model.ResourceRef;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.Status;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.RegionInventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a set of checks on an inventory and returns the results sorted by region, resource ARN and
 * check id. Used by the scan engine (per region as it is collected) and by offline re-evaluation of a
 * stored inventory. A check that throws despite its own per-resource isolation costs only its own
 * results: it is reported as one ERROR per scanned region.
 */
public final class CheckRunner {

    /** The order of results everywhere: region, then resource ARN, then check id. */
    public static final Comparator<CheckResult> ORDER = Comparator
            .comparing((CheckResult r) -> r.resource().region())
            .thenComparing(r -> r.resource().arn())
            .thenComparing(CheckResult::checkId);

    private CheckRunner() {
    }

    /** Runs {@code checks} on the whole inventory. */
    public static List<CheckResult> run(Collection<? extends Check> checks, AccountInventory inventory,
                                        CheckContext context) {
        List<CheckResult> results = new ArrayList<>();
        for (Check check : checks) {
            try {
                results.addAll(check.evaluate(inventory, context));
            } catch (RuntimeException e) {
                results.addAll(crashed(check, inventory, e));
            }
        }
        results.sort(ORDER);
        return results;
    }

    /** Runs {@code checks} on one region of the inventory only (the engine calls this as regions complete). */
    public static List<CheckResult> runRegion(Collection<? extends Check> checks, AccountInventory inventory,
                                              RegionInventory region, CheckContext context) {
        AccountInventory single = new AccountInventory(inventory.accountId(), inventory.partition(),
                inventory.callerArn(), inventory.collectedAt(), List.of(region), inventory.accountAlias());
        return run(checks, single, context);
    }

    private static List<CheckResult> crashed(Check check, AccountInventory inventory, RuntimeException e) {
        List<CheckResult> results = new ArrayList<>();
        for (RegionInventory region : inventory.regions()) {
            if (region.state() != RegionInventory.RegionState.SCANNED) {
                continue;
            }
            String service = check.metadata().resourceType() == ResourceType.DAX_CLUSTER ? "dax" : "dynamodb";
            String resource = service.equals("dax") ? "cache/*" : "table/*";
            String arn = "arn:" + inventory.partition() + ":" + service + ":" + region.region() + ":"
                    + inventory.accountId() + ":" + resource;
            ResourceRef ref = new ResourceRef(arn, "all resources in " + region.region(), ResourceType.REGION,
                    region.region(), inventory.accountId());
            results.add(new CheckResult(check.id(), ref, Status.ERROR, check.metadata().severity(),
                    "The check could not run in region " + region.region() + " because of an internal error ("
                            + e.getClass().getSimpleName() + ").",
                    Map.of("Exception", e.getClass().getName()),
                    Map.of(Placeholders.REGION, region.region(), Placeholders.ACCOUNT_ID, inventory.accountId(),
                            Placeholders.PARTITION, inventory.partition())));
        }
        return results;
    }
}
