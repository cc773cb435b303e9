package io.tablewarden.engine.collect;

import io.tablewarden.engine.aws.AwsClientFactory;
import io.tablewarden.model.CollectionError;
import io.tablewarden.model.Fetch;
import software.amazon.awssdk.services.ec2.model.Region;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which regions to scan. EC2 DescribeRegions (all regions, with their opt-in status) is asked once; an
 * explicit list keeps its order and any region the account has not enabled, or that does not exist, is
 * marked disabled at once instead of being probed (probing an opted-out region can take minutes).
 */
public final class RegionDiscovery {

    private static final Set<String> ENABLED_STATUSES = Set.of("opt-in-not-required", "opted-in");

    /**
     * The regions of a scan.
     *
     * @param regions  every region in scope, in scan order
     * @param disabled regions known to be unusable, with the reason; the rest are scanned
     * @param listingError why DescribeRegions failed, or null; then every named region is probed instead
     */
    public record RegionPlan(List<String> regions, Map<String, CollectionError> disabled, CollectionError listingError) {
    }

    private final AwsClientFactory clients;
    private final CallGate gate;

    public RegionDiscovery(AwsClientFactory clients, CallGate gate) {
        this.clients = clients;
        this.gate = gate;
    }

    /**
     * @param requested regions named by the user; empty = every enabled region
     * @return the plan, or a failed fetch when nothing was named and the account's regions cannot be listed
     */
    public Fetch<RegionPlan> plan(List<String> requested) {
        String action = "ec2:DescribeRegions";
        Fetch<List<Region>> listed = gate.fetch(action,
                () -> clients.ec2().describeRegions(b -> b.allRegions(true)).regions());
        if (requested.isEmpty()) {
            if (listed.isFailed()) {
                return Fetch.failed(listed.error());
            }
            List<String> enabled = new ArrayList<>(new TreeSet<>(enabledNames(listed.value())));
            return Fetch.ok(new RegionPlan(enabled, Map.of(), null));
        }
        List<String> ordered = new ArrayList<>(new java.util.LinkedHashSet<>(requested));
        if (listed.isFailed()) {
            return Fetch.ok(new RegionPlan(ordered, Map.of(), listed.error()));
        }
        Set<String> enabled = enabledNames(listed.value());
        Set<String> known = new TreeSet<>();
        listed.value().forEach(r -> known.add(r.regionName()));
        Map<String, CollectionError> disabled = new LinkedHashMap<>();
        for (String region : ordered) {
            if (!enabled.contains(region)) {
                String why = known.contains(region) ? "the region is not enabled for this account"
                        : "the account does not know this region";
                disabled.put(region, new CollectionError(action, "RegionNotEnabled", why,
                        CollectionError.Kind.REGION_DISABLED));
            }
        }
        return Fetch.ok(new RegionPlan(ordered, disabled, null));
    }

    /** A region without an opt-in status came from a listing that only returns enabled regions. */
    private static Set<String> enabledNames(List<Region> regions) {
        Set<String> names = new TreeSet<>();
        for (Region r : regions) {
            if (r.optInStatus() == null || ENABLED_STATUSES.contains(r.optInStatus())) {
                names.add(r.regionName());
            }
        }
        return names;
    }
}
