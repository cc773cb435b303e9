package io.tablewarden.engine;

import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;
import io.tablewarden.model.inventory.RegionInventory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a scan's course to the log: what was asked, each region's end and results, how it ended. Only names,
 * counts and states are logged, never a credential, a request or an answer.
 */
final class ScanLog implements ScanListener {

    private static final Logger LOG = LoggerFactory.getLogger(ScanEngine.class);

    static void started(ScanRequest request, int checks) {
        LOG.info("scan started: {} check(s), regions {}, concurrency {}", checks,
                request.regions().isEmpty() ? "all enabled" : request.regions(), request.concurrency());
    }

    static void ended(ScanOutcome outcome, long elapsedMillis) {
        // Counted by the engine: a scan that streams its results to the listener lists none in the outcome.
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        if (outcome.stats() != null && outcome.stats().resultsByStatus() != null) {
            counts.putAll(outcome.stats().resultsByStatus());
        }
        if (outcome.state() == ScanOutcome.ScanState.FAILED) {
            LOG.warn("scan failed after {} ms: {}", elapsedMillis, outcome.failureReason());
        } else {
            LOG.info("scan {} in {} ms: {} result(s) {}, {} call(s)", outcome.state(), elapsedMillis,
                    counts.values().stream().mapToLong(Long::longValue).sum(), counts,
                    outcome.stats() == null ? 0 : outcome.stats().apiCalls());
        }
    }

    @Override
    public void scanStarted(String accountId, List<String> regions) {
        LOG.info("scanning account {} in {} region(s)", accountId, regions.size());
    }

    @Override
    public void regionFinished(RegionInventory region, String message) {
        LOG.debug("region {} collected: {}", region == null ? "?" : region.region(), message);
    }

    @Override
    public void resultsReady(String region, List<CheckResult> results) {
        if (LOG.isInfoEnabled()) {
            Map<Status, Integer> counts = new EnumMap<>(Status.class);
            results.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
            LOG.info("region {} finished: {} result(s) {}", region, results.size(), counts);
        }
    }
}
