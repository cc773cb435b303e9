package io.tablewarden.engine.collect;

import io.tablewarden.engine.aws.AwsClientFactory;
import io.tablewarden.engine.aws.AwsErrors;
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
     * @param partition the account's partition (from STS)
     * @return the plan, or a failed fetch when nothing was named and the account's regions cannot be listed
     */
    public Fetch<RegionPlan> plan(List<String> requested, String partition) {
        Fetch<List<Region>> listed = describeRegions(clients.defaultRegion());
        String home = homeRegion(partition);
        if (listed.isFailed() && AwsErrors.isRegionNotEnabled(listed.error())
                && !home.equals(clients.defaultRegion())) {
            // The default region may be an opt-in region the account has not enabled; the partition's
            // first region is always enabled, so ask there instead.
            listed = describeRegions(home);
        }
        if (requested.isEmpty()) {
            if (listed.isFailed()) {
                CollectionError e = listed.error();
                if (AwsErrors.isRegionNotEnabled(e)) {
                    return Fetch.failed(new CollectionError(e.permission(), e.errorCode(), "region "
                            + clients.defaultRegion() + " is not enabled for this account; use a profile region"
                            + " that is, or name the regions to scan", CollectionError.Kind.REGION_DISABLED));
                }
                return Fetch.failed(e);
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
                String action = "ec2:DescribeRegions";
                String why = known.contains(region) ? "the region is not enabled for this account"
                        : "the account does not know this region";
                disabled.put(region, new CollectionError(action, "RegionNotEnabled", why,
                        CollectionError.Kind.REGION_DISABLED));
            }
        }
        return Fetch.ok(new RegionPlan(ordered, disabled, null));
    }

    private Fetch<List<Region>> describeRegions(String inRegion) {
        return gate.fetch("ec2:DescribeRegions",
                () -> clients.ec2(inRegion).describeRegions(b -> b.allRegions(true)).regions());
    }

    /** The partition's first region, enabled in every account of the partition. */
    static String homeRegion(String partition) {
        switch (partition) {
            case "aws-cn":
                return "cn-north-1";
            case "aws-us-gov":
                return "us-gov-west-1";
            default:
                return "us-east-1";
        }
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
