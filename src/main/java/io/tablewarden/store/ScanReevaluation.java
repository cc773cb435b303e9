package io.tablewarden.store;

import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.checks.Check;
import io.tablewarden.engine.checks.CheckContext;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.engine.checks.CheckRunner;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.InventoryPart;
import io.tablewarden.model.inventory.RegionInventory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the current checks on a stored scan's inventory, without calling AWS: to see what a newer release, other
 * parameters or another evaluation time make of the same account.
 */
public final class ScanReevaluation {

    private final TablewardenStore store;

    public ScanReevaluation(TablewardenStore store) {
        this.store = store;
    }

    /**
     * What the reevaluation produced.
     *
     * @param results   the new results, in the engine's order
     * @param newScanId the stored reevaluation scan, or null when it was not stored
     */
    public record Outcome(List<CheckResult> results, Long newScanId) {
    }

    /**
     * Evaluates {@code checks} on the inventory of scan {@code scanId}.
     *
     * @param parameters parameters to use; null keeps the stored scan's
     * @param clock      evaluation time; null means now
     * @param keep       store the results as a new scan marked as a reevaluation of {@code scanId}
     */
    public Outcome run(long scanId, List<? extends Check> checks, CheckParameters parameters, Clock clock,
                       boolean keep) {
        ScanSummary source = store.scans().require(scanId);
        AccountInventory inventory = store.scans().inventory(scanId);
        if (inventory.regions().isEmpty()) {
            throw new StoreException("scan " + scanId + " has no stored inventory to re-evaluate");
        }
        requireCollected(source, checks);
        CheckParameters effective = parameters == null ? source.parameters() : parameters;
        Instant now = (clock == null ? store.clock() : clock).instant();
        List<CheckResult> results = CheckRunner.run(checks, inventory, new CheckContext(effective, now));
        if (!keep) {
            return new Outcome(results, null);
        }
        List<String> checkIds = new ArrayList<>();
        checks.forEach(c -> checkIds.add(c.id()));
        List<String> regions = new ArrayList<>();
        inventory.regions().forEach(r -> regions.add(r.region()));
        NewScan scan = new NewScan(source.profileName(), source.accountId(), regions, checkIds, effective,
                source.toolVersion(), now, scanId);
        ScanRepository scans = store.scans();
        long id = scans.create(scan);
        scans.identify(id, inventory.accountId(), inventory.partition(), inventory.callerArn(), regions);
        for (RegionInventory region : inventory.regions()) {
            List<CheckResult> regional = new ArrayList<>();
            results.stream().filter(r -> region.region().equals(r.resource().region())).forEach(regional::add);
            scans.writeRegion(id, region.region(), region, List.of(), regional);
        }
        scans.finish(id, ScanRecorder.stateOf(ScanOutcome.ScanState.COMPLETED), now, null, null);
        return new Outcome(results, id);
    }

    /**
     * A scan of a few checks collected only what they read; evaluating another check on it would judge data
     * that was never asked for. Refuses such a check with the way out.
     */
    private static void requireCollected(ScanSummary source, List<? extends Check> checks) {
        Map<String, Check> known = new HashMap<>();
        CheckRegistry.builtIn().all().forEach(c -> known.put(c.id(), c));
        checks.forEach(c -> known.put(c.id(), c));
        List<Set<InventoryPart>> needs = new ArrayList<>();
        for (String id : source.checkIds()) {
            Check check = known.get(id);
            needs.add(check == null ? InventoryPart.all() : check.needs());
        }
        Set<InventoryPart> collected = source.checkIds().isEmpty() ? InventoryPart.all() : InventoryPart.union(needs);
        for (Check check : checks) {
            Set<InventoryPart> missing = EnumSet.noneOf(InventoryPart.class);
            missing.addAll(check.needs());
            missing.removeAll(collected);
            if (!missing.isEmpty()) {
                throw new StoreException("scan " + source.id() + " did not collect what check " + check.id()
                        + " reads (" + missing + "); scan again with that check selected");
            }
        }
    }
}
