package io.tablewarden.model;

import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.RegionInventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Something a scan could not do for a whole region: scan it at all, or list all of its tables or DAX
 * clusters. It is reported once per region, beside the results, and never as a made-up resource: the
 * resources a listing did name keep their own results.
 *
 * @param region    the region
 * @param listed    what could not be listed completely ("tables", "DAX clusters"), or null when the region
 *                  could not be scanned at all
 * @param error     the call that failed and why
 * @param itemsRead how many of {@code listed} the pages before the failure named (0 when none was read)
 */
public record RegionError(String region, String listed, CollectionError error, int itemsRead) {

    /** What the region errors of a report are sorted by: region, then the order of {@link #of}. */
    private static final Comparator<RegionError> ORDER = Comparator.comparing(RegionError::region);

    /** One line for the user, e.g. "could not list all tables in eu-west-1: …, 6 tables read before the failure". */
    public String message() {
        if (listed == null) {
            return "could not scan " + region + ": " + error.describe();
        }
        return "could not list all " + listed + " in " + region + ": " + error.describe() + ", " + itemsRead + " "
                + (itemsRead == 1 ? singular(listed) : listed) + " read before the failure";
    }

    /** The IAM action of the call that failed. */
    public String call() {
        return error.permission();
    }

    /**
     * The region errors of an inventory, by region: a region that could not be scanned (state FAILED), and in a
     * scanned region each resource listing that failed, wholly or after some pages. Disabled regions are
     * skipped on purpose and cancelled ones belong to the scan's state, so neither gives one.
     */
    public static List<RegionError> of(AccountInventory inventory) {
        List<RegionError> out = new ArrayList<>();
        if (inventory == null) {
            return out;
        }
        for (RegionInventory region : inventory.regions()) {
            if (region.state() == RegionInventory.RegionState.FAILED) {
                CollectionError why = region.regionError() != null ? region.regionError()
                        : new CollectionError("region scan", "Unknown", "no reason was recorded",
                        CollectionError.Kind.OTHER);
                out.add(new RegionError(region.region(), null, why, 0));
            } else if (region.state() == RegionInventory.RegionState.SCANNED) {
                addListing(out, region.region(), "tables", region.tables());
                addListing(out, region.region(), "DAX clusters", region.daxClusters());
            }
        }
        out.sort(ORDER);
        return out;
    }

    private static void addListing(List<RegionError> out, String region, String listed, Fetch<? extends List<?>> f) {
        if (f != null && f.isFailed() && f.error().kind() != CollectionError.Kind.CANCELLED) {
            out.add(new RegionError(region, listed, f.error(), f.value() == null ? 0 : f.value().size()));
        }
    }

    private static String singular(String plural) {
        return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
    }
}
