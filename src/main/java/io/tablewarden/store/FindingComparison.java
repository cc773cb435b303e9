package io.tablewarden.store;

import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares two scans of the same account finding by finding. Scans of different accounts are refused: their
 * findings never share an identity, so the comparison would only say "everything is new". Only what both scans
 * looked at is compared — the checks both ran, in the regions both scanned — so a narrower scan does not make
 * resources look removed or findings look new.
 */
public final class FindingComparison {

    private FindingComparison() {
    }

    /** Compares two stored scans. */
    public static ScanComparison compare(ScanRepository scans, long olderId, long newerId) {
        ScanSummary older = scans.require(olderId);
        ScanSummary newer = scans.require(newerId);
        if (!Objects.equals(older.accountId(), newer.accountId())) {
            throw new IllegalArgumentException("scan " + olderId + " audited account " + older.accountId()
                    + " and scan " + newerId + " audited account " + newer.accountId()
                    + "; only scans of the same account can be compared");
        }
        Set<String> checks = commonChecks(older.checkIds(), newer.checkIds());
        Set<String> regions = new HashSet<>(older.regions());
        regions.retainAll(newer.regions());
        return compare(olderId, inScope(scans.results(olderId), checks, regions),
                newerId, inScope(scans.results(newerId), checks, regions));
    }

    /** Checks run by both scans; null means every check (both scans ran all of them). */
    static Set<String> commonChecks(List<String> older, List<String> newer) {
        if (older.isEmpty() && newer.isEmpty()) {
            return null;
        }
        if (older.isEmpty()) {
            return new HashSet<>(newer);
        }
        Set<String> common = new HashSet<>(older);
        if (!newer.isEmpty()) {
            common.retainAll(newer);
        }
        return common;
    }

    static List<CheckResult> inScope(List<CheckResult> results, Set<String> checks, Set<String> regions) {
        List<CheckResult> kept = new ArrayList<>();
        for (CheckResult r : results) {
            if ((checks == null || checks.contains(r.checkId())) && regions.contains(r.resource().region())) {
                kept.add(r);
            }
        }
        return kept;
    }

    /** Compares two result lists (of one account). */
    public static ScanComparison compare(long olderId, List<CheckResult> older, long newerId,
                                         List<CheckResult> newer) {
        Map<String, CheckResult> before = byIdentity(older);
        Map<String, CheckResult> after = byIdentity(newer);
        Map<String, CheckResult> resourcesBefore = byResource(older);
        Map<String, CheckResult> resourcesAfter = byResource(newer);

        List<FindingChange> newFailures = new ArrayList<>();
        List<FindingChange> fixed = new ArrayList<>();
        List<FindingChange> stillFailing = new ArrayList<>();
        List<FindingChange> changes = new ArrayList<>();
        for (Map.Entry<String, CheckResult> entry : after.entrySet()) {
            CheckResult now = entry.getValue();
            CheckResult then = before.get(entry.getKey());
            Status was = then == null ? null : then.status();
            if (now.status() == Status.FAIL) {
                (was == Status.FAIL ? stillFailing : newFailures).add(new FindingChange(then, now));
            } else if (was == Status.FAIL && (now.status() == Status.PASS || now.status() == Status.NOT_APPLICABLE)) {
                fixed.add(new FindingChange(then, now));
            }
            if (then != null && was != now.status()) {
                changes.add(new FindingChange(then, now));
            }
        }
        List<FindingChange> newResources = new ArrayList<>();
        resourcesAfter.forEach((key, r) -> {
            if (!resourcesBefore.containsKey(key)) {
                newResources.add(new FindingChange(null, r));
            }
        });
        List<FindingChange> removed = new ArrayList<>();
        resourcesBefore.forEach((key, r) -> {
            if (!resourcesAfter.containsKey(key)) {
                removed.add(new FindingChange(r, null));
            }
        });
        return new ScanComparison(olderId, newerId, newFailures, fixed, stillFailing, changes, newResources, removed);
    }

    private static Map<String, CheckResult> byIdentity(List<CheckResult> results) {
        Map<String, CheckResult> map = new LinkedHashMap<>();
        results.forEach(r -> map.put(r.identity(), r));
        return map;
    }

    private static Map<String, CheckResult> byResource(List<CheckResult> results) {
        Map<String, CheckResult> map = new LinkedHashMap<>();
        for (CheckResult r : results) {
            map.putIfAbsent(r.resource().accountId() + "|" + r.resource().region() + "|" + r.resource().arn(), r);
        }
        return map;
    }
}
