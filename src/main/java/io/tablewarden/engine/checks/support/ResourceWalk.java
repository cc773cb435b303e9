package io.tablewarden.engine.checks.support;

import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Fetch;
import io.tablewarden.model.ResourceRef;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.RegionInventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The walk shared by the checks that give one result per listed resource (tables, DAX clusters): skips
 * disabled, cancelled and failed regions, judges every resource a listing named (all of them, or those of the
 * pages read before a later page failed), and isolates one resource's failure from the rest. A failed region
 * or listing is not a resource: it is reported once per region as a {@link io.tablewarden.model.RegionError}.
 */
final class ResourceWalk {

    private ResourceWalk() {
    }

    /**
     * How one kind of resource is listed in a region and named in its results.
     *
     * @param listing         the region's list call
     * @param notListed       the reason given when the list call was not made at all
     * @param service         ARN service of the region-wide wildcard, {@code dynamodb} or {@code dax}
     * @param wildcard        ARN resource part of the region-wide wildcard, {@code table/*} or {@code cache/*}
     * @param plural          what the region lists, e.g. "DynamoDB tables"
     * @param type            type of one resource
     * @param arn             ARN of one resource
     * @param name            name of one resource
     * @param namePlaceholder placeholder that carries the name
     * @param arnPlaceholder  placeholder that carries the ARN
     * @param label           how an internal error names one resource, before its name, e.g. "table"
     */
    record Kind<T>(Function<RegionInventory, Fetch<List<T>>> listing, String notListed,
                   String service, String wildcard, String plural,
                   ResourceType type, Function<T, String> arn, Function<T, String> name,
                   String namePlaceholder, String arnPlaceholder, String label) {
    }

    /** Decides one listed resource; a runtime exception becomes that resource's ERROR. */
    @FunctionalInterface
    interface Decision<T> {
        Verdict decide(RegionInventory region, T resource);
    }

    /** One result per listed resource of every scanned region, or one region-wide ERROR where listing failed. */
    static <T> List<CheckResult> evaluate(CheckMetadata metadata, Kind<T> kind, AccountInventory inventory,
                                          Decision<T> decision) {
        List<CheckResult> results = new ArrayList<>();
        for (RegionInventory region : inventory.regions()) {
            if (Results.skipped(region)) {
                continue;
            }
            if (Results.regionFailure(region).isPresent()) {
                // The region's error is reported once for the region (RegionError), not once per check.
                continue;
            }
            Fetch<List<T>> listed = kind.listing().apply(region);
            if (listed == null) {
                results.add(regionError(metadata, kind, inventory, region, kind.notListed()));
            } else if (listed.value() != null) {
                // A listing that failed on a later page (partial) still judges every resource it named; the
                // failure itself is the region's error (RegionError), never a made-up resource.
                for (T resource : listed.value()) {
                    results.add(evaluateOne(metadata, kind, inventory, region, resource, decision));
                }
            }
        }
        return results;
    }

    private static CheckResult regionError(CheckMetadata metadata, Kind<?> kind, AccountInventory inventory,
                                           RegionInventory region, String reason) {
        return Results.regionError(metadata, inventory, region, kind.service(), kind.wildcard(), kind.plural(),
                reason);
    }

    private static <T> CheckResult evaluateOne(CheckMetadata metadata, Kind<T> kind, AccountInventory inventory,
                                               RegionInventory region, T resource, Decision<T> decision) {
        String arn = kind.arn().apply(resource);
        String name = kind.name().apply(resource);
        ResourceRef ref = new ResourceRef(arn, name, kind.type(), region.region(), inventory.accountId());
        Map<String, String> placeholders = Results.regionPlaceholders(inventory, region.region());
        placeholders.put(kind.namePlaceholder(), name);
        placeholders.put(kind.arnPlaceholder(), arn);
        Verdict verdict;
        try {
            verdict = decision.decide(region, resource);
        } catch (RuntimeException e) {
            // One malformed resource must not cost the results of the others.
            verdict = Results.internalError(kind.label() + " " + name, e);
        }
        return Results.of(metadata, ref, verdict, placeholders);
    }
}
