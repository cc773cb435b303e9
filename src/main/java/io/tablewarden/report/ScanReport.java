package io.tablewarden.report;

import io.tablewarden.engine.ScanStats;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.RegionError;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything an output writer needs about one finished scan. Writers never reach back into the engine,
 * so they can be tested with hand-built results.
 *
 * @param scan         who, where and when
 * @param results      every result, in the engine's order
 * @param stats        call and timing figures, or null when the engine gave none
 * @param metadata     metadata of every check that may appear in {@code results}, keyed by check id
 * @param regionErrors what the scan could not do for a whole region (see {@link RegionError#of}), by region
 */
public record ScanReport(ScanInfo scan, List<CheckResult> results, ScanStats stats,
                         Map<String, CheckMetadata> metadata, List<RegionError> regionErrors) {

    public ScanReport {
        results = List.copyOf(results);
        metadata = Map.copyOf(metadata);
        regionErrors = regionErrors == null ? List.of() : List.copyOf(regionErrors);
    }

    /** A report without region errors. */
    public ScanReport(ScanInfo scan, List<CheckResult> results, ScanStats stats, Map<String, CheckMetadata> metadata) {
        this(scan, results, stats, metadata, List.of());
    }

    /** Metadata of {@code checkId}, or null for a check the report does not know. */
    public CheckMetadata metadataOf(String checkId) {
        return metadata.get(checkId);
    }

    /**
     * Facts about the scan itself.
     *
     * @param accountId   audited account, or null when the scan never learnt it
     * @param partition   aws, aws-cn or aws-us-gov
     * @param callerArn   identity that scanned
     * @param regions     regions in scope
     * @param started     when the scan began
     * @param finished    when it ended
     * @param state       COMPLETED, CANCELLED or FAILED
     * @param toolVersion version of the tool that produced the report
     * @param parameters  check parameters in force
     * @param accountAlias the account's alias, or null when it has none or it could not be read
     */
    public record ScanInfo(String accountId, String partition, String callerArn, List<String> regions,
                           Instant started, Instant finished, String state, String toolVersion,
                           CheckParameters parameters, String accountAlias) {
        public ScanInfo {
            regions = regions == null ? List.of() : List.copyOf(regions);
            partition = partition == null ? "aws" : partition;
            parameters = parameters == null ? CheckParameters.defaults() : parameters;
        }

        /** A scan whose account alias is not known. */
        public ScanInfo(String accountId, String partition, String callerArn, List<String> regions,
                        Instant started, Instant finished, String state, String toolVersion,
                        CheckParameters parameters) {
            this(accountId, partition, callerArn, regions, started, finished, state, toolVersion, parameters, null);
        }
    }
}
