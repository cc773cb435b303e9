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
 * @param mutes        the mutes that cover results, keyed by {@link CheckResult#identity()}; a muted result keeps
 *                     its status, the writers show it as muted (suppressed) with the reason
 * @param baseline     what changed since an earlier scan of the same account, or null when none was given
 * @param history      where the scan is kept and when each finding was first seen, or null for a scan not stored
 */
public record ScanReport(ScanInfo scan, List<CheckResult> results, ScanStats stats,
                         Map<String, CheckMetadata> metadata, List<RegionError> regionErrors,
                         Map<String, MuteNote> mutes, Baseline baseline, History history) {

    public ScanReport {
        results = List.copyOf(results);
        metadata = Map.copyOf(metadata);
        regionErrors = regionErrors == null ? List.of() : List.copyOf(regionErrors);
        mutes = mutes == null ? Map.of() : Map.copyOf(mutes);
    }

    /** A report without region errors. */
    public ScanReport(ScanInfo scan, List<CheckResult> results, ScanStats stats, Map<String, CheckMetadata> metadata) {
        this(scan, results, stats, metadata, List.of());
    }

    /** A report with region errors, no mutes and no baseline. */
    public ScanReport(ScanInfo scan, List<CheckResult> results, ScanStats stats, Map<String, CheckMetadata> metadata,
                      List<RegionError> regionErrors) {
        this(scan, results, stats, metadata, regionErrors, Map.of(), null, null);
    }

    /** A report with mutes and a baseline, of a scan not stored. */
    public ScanReport(ScanInfo scan, List<CheckResult> results, ScanStats stats, Map<String, CheckMetadata> metadata,
                      Map<String, MuteNote> mutes, Baseline baseline) {
        this(scan, results, stats, metadata, List.of(), mutes, baseline, null);
    }

    /** The same report with {@code mutes} and {@code baseline}. */
    public ScanReport with(Map<String, MuteNote> newMutes, Baseline newBaseline) {
        return new ScanReport(scan, results, stats, metadata, regionErrors, newMutes, newBaseline, history);
    }

    /** The same report with {@code newHistory}. */
    public ScanReport with(History newHistory) {
        return new ScanReport(scan, results, stats, metadata, regionErrors, mutes, baseline, newHistory);
    }

    /** When {@code result}'s finding was first seen in the store, or null when unknown. */
    public Instant firstSeen(CheckResult result) {
        return history == null ? null : history.firstSeen().get(result.identity());
    }

    /**
     * The stored scan's id and the first sighting of each of its findings.
     *
     * @param scanId    the scan's id in the scan database
     * @param firstSeen when each finding (by {@link CheckResult#identity()}) was first seen in any stored scan
     */
    public record History(String scanId, Map<String, Instant> firstSeen) {
        public History {
            firstSeen = firstSeen == null ? Map.of() : Map.copyOf(firstSeen);
        }
    }

    /** The mute covering {@code result}, or null when it is not muted. */
    public MuteNote muteOf(CheckResult result) {
        return mutes.isEmpty() ? null : mutes.get(result.identity());
    }

    /**
     * Why a finding is muted.
     *
     * @param reason    the reason given when muting
     * @param mutedBy   who muted it, or null
     * @param expiresAt when the mute stops applying, or null for never
     */
    public record MuteNote(String reason, String mutedBy, Instant expiresAt) {
    }

    /**
     * The comparison with an earlier scan of the same account.
     *
     * @param scanLabel    how the report names the earlier scan (e.g. its id)
     * @param started      when the earlier scan started
     * @param newFailures  FAIL now and not FAIL then
     * @param fixed        FAIL then and PASS or NOT_APPLICABLE now (the earlier result)
     * @param stillFailing FAIL in both
     */
    public record Baseline(String scanLabel, Instant started, List<CheckResult> newFailures, List<CheckResult> fixed,
                           List<CheckResult> stillFailing) {
        public Baseline {
            newFailures = List.copyOf(newFailures);
            fixed = List.copyOf(fixed);
            stillFailing = List.copyOf(stillFailing);
        }
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
