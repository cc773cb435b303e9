package io.tablewarden.store;

import io.tablewarden.model.CheckParameters;

import java.time.Instant;
import java.util.List;

/**
 * One stored scan without its results.
 *
 * @param id             scan id
 * @param accountId      audited account, null when the scan died before learning it
 * @param partition      aws, aws-cn or aws-us-gov (null when unknown)
 * @param callerArn      identity that scanned
 * @param profileName    AWS profile used, or null
 * @param regions        regions scanned (requested ones until the scan knows)
 * @param checkIds       checks run (empty: all)
 * @param parameters     check parameters
 * @param toolVersion    version of the tool that scanned
 * @param startedAt      start
 * @param finishedAt     end, null while running or when interrupted
 * @param state          how it ended
 * @param passCount      PASS results
 * @param failCount      FAIL results
 * @param errorCount     ERROR results
 * @param notApplicableCount NOT_APPLICABLE results
 * @param failureReason  why it failed or was interrupted, else null
 * @param reevaluationOf the scan whose inventory was re-evaluated, or null for a live scan
 * @param accountAlias   the account's alias as the latest scan of it found, or null
 */
public record ScanSummary(long id, String accountId, String partition, String callerArn, String profileName,
                          List<String> regions, List<String> checkIds, CheckParameters parameters,
                          String toolVersion, Instant startedAt, Instant finishedAt, StoredScanState state,
                          int passCount, int failCount, int errorCount, int notApplicableCount,
                          String failureReason, Long reevaluationOf, String accountAlias) {

    /** All results. */
    public int resultCount() {
        return passCount + failCount + errorCount + notApplicableCount;
    }
}
