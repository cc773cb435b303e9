package io.tablewarden.engine;

import io.tablewarden.model.Status;

import java.util.Map;

/**
 * Figures of one scan, written by {@code --stats}.
 *
 * @param apiCalls           AWS calls attempted (each retry attempt counts)
 * @param apiCallsByOperation attempts keyed {@code service:Operation}
 * @param retries            attempts beyond the first
 * @param throttled          attempts answered with a throttling error
 * @param wallMillis         wall time of the scan
 * @param maxConcurrency     highest number of calls in flight at once
 * @param configuredConcurrency the configured limit
 * @param regions            regions in scope
 * @param resources          tables plus DAX clusters found
 * @param resultsByStatus    result counts
 */
public record ScanStats(long apiCalls, Map<String, Long> apiCallsByOperation, long retries, long throttled,
                        long wallMillis, int maxConcurrency, int configuredConcurrency, int regions, int resources,
                        Map<Status, Long> resultsByStatus) {
}
