package io.tablewarden.engine.checks.support;

import io.tablewarden.engine.checks.Placeholders;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.CollectionError;
import io.tablewarden.model.ResourceRef;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.RegionInventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds results and decides which regions a check looks at; shared by the table and DAX base classes. */
public final class Results {

    private Results() {
    }

    /** Turns a verdict into a result, merging the resource placeholders with the verdict's own. */
    public static CheckResult of(CheckMetadata metadata, ResourceRef resource, Verdict verdict,
                                 Map<String, String> resourcePlaceholders) {
        Map<String, String> placeholders = new LinkedHashMap<>(resourcePlaceholders);
        placeholders.putAll(verdict.placeholders());
        return new CheckResult(metadata.id(), resource, verdict.status(), metadata.severity(), verdict.text(),
                verdict.evidence(), placeholders, verdict.cause());
    }

    /** Placeholders every result of a region carries. */
    public static Map<String, String> regionPlaceholders(AccountInventory account, String region) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(Placeholders.REGION, region);
        map.put(Placeholders.ACCOUNT_ID, account.accountId());
        map.put(Placeholders.PARTITION, account.partition());
        return map;
    }

    /**
     * Whether a check produces anything for this region: disabled and cancelled regions give no result,
     * a failed region gives one region-wide ERROR (returned here), a scanned region is evaluated (empty).
     */
    public static Optional<CollectionError> regionFailure(RegionInventory region) {
        if (region.state() != RegionInventory.RegionState.FAILED) {
            return Optional.empty();
        }
        return Optional.of(region.regionError() != null ? region.regionError()
                : new CollectionError("region scan", "Unknown", "no reason was recorded", CollectionError.Kind.OTHER));
    }

    /** True when the region was not scanned on purpose or the scan was stopped: nothing to report. */
    public static boolean skipped(RegionInventory region) {
        return region.state() == RegionInventory.RegionState.DISABLED
                || region.state() == RegionInventory.RegionState.CANCELLED;
    }

    /**
     * One region-wide ERROR for a check whose resources could not even be listed.
     *
     * @param service  ARN service, {@code dynamodb} or {@code dax}
     * @param resource ARN resource part of the wildcard, {@code table/*} or {@code cache/*}
     * @param what     what could not be listed, e.g. "DynamoDB tables"
     */
    public static CheckResult regionError(CheckMetadata metadata, AccountInventory account, RegionInventory region,
                                          String service, String resource, String what, String reason) {
        String arn = "arn:" + account.partition() + ":" + service + ":" + region.region() + ":"
                + account.accountId() + ":" + resource;
        ResourceRef ref = new ResourceRef(arn, "all " + what + " in " + region.region(), ResourceType.REGION,
                region.region(), account.accountId());
        Verdict verdict = Verdict.error("The " + what + " of region " + region.region()
                        + " could not be evaluated: " + reason + ".")
                .evidence("Region", region.region())
                .evidence("RegionState", region.state().name());
        return of(metadata, ref, verdict, regionPlaceholders(account, region.region()));
    }

    /** Convenience for the status of a verdict-less internal failure. */
    public static Verdict internalError(String resourceLabel, RuntimeException e) {
        return Verdict.error("The check could not evaluate " + resourceLabel + " because of an internal error ("
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ").")
                .evidence("Exception", e.getClass().getName());
    }

    /** A collected list, or an empty one when a successful call carried no list at all. */
    public static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
