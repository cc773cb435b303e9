package io.tablewarden.store;

import java.util.List;

/**
 * What changed between two scans of one account, by finding identity {@code (checkId, account, region, ARN)}.
 *
 * @param olderScanId      the scan compared from
 * @param newerScanId      the scan compared to
 * @param newFailures      FAIL now, and not FAIL before (or not there)
 * @param fixed            FAIL before, PASS or NOT_APPLICABLE now
 * @param stillFailing     FAIL in both
 * @param statusChanges    every finding present in both whose status differs, e.g. PASS to ERROR
 * @param newResources     resource ARNs only in the newer scan (one change per resource, its first result)
 * @param removedResources resource ARNs only in the older scan
 */
public record ScanComparison(long olderScanId, long newerScanId, List<FindingChange> newFailures,
                             List<FindingChange> fixed, List<FindingChange> stillFailing,
                             List<FindingChange> statusChanges, List<FindingChange> newResources,
                             List<FindingChange> removedResources) {
    public ScanComparison {
        newFailures = List.copyOf(newFailures);
        fixed = List.copyOf(fixed);
        stillFailing = List.copyOf(stillFailing);
        statusChanges = List.copyOf(statusChanges);
        newResources = List.copyOf(newResources);
        removedResources = List.copyOf(removedResources);
    }
}
