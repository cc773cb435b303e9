package io.tablewarden.simulator;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated account fixture, ready to serve. Immutable after loading, so worker threads share it freely.
 */
final class Fixture {

    final String account;
    final String partition;
    final String callerArn;
    final Set<String> enabledRegions;
    private final Map<String, RegionData> regions;
    /** The fixture's own faults block, or {@link FaultSettings#NONE}. */
    final FaultSettings faults;
    /** The fixture's identities block, or {@link IdentityFixture#OPEN}. */
    final IdentityFixture identities;

    Fixture(String account, String partition, String callerArn, Set<String> enabledRegions,
            Map<String, RegionData> regions, FaultSettings faults) {
        this(account, partition, callerArn, enabledRegions, regions, faults, IdentityFixture.OPEN);
    }

    Fixture(String account, String partition, String callerArn, Set<String> enabledRegions,
            Map<String, RegionData> regions, FaultSettings faults, IdentityFixture identities) {
        this.identities = identities;
        this.account = account;
        this.partition = partition;
        this.callerArn = callerArn;
        this.enabledRegions = Set.copyOf(enabledRegions);
        this.regions = Map.copyOf(regions);
        this.faults = faults;
    }

    boolean isEnabled(String region) {
        return enabledRegions.contains(region);
    }

    /** The data of an enabled region; a region the fixture does not describe is empty. */
    RegionData region(String name) {
        RegionData data = regions.get(name);
        return data != null ? data : RegionData.empty(name);
    }

    /** Enabled regions in a stable order. */
    List<String> sortedEnabledRegions() {
        return enabledRegions.stream().sorted().toList();
    }
}
