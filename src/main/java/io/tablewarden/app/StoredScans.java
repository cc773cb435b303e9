package io.tablewarden.app;

import io.tablewarden.engine.checks.Check;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.report.ScanReport;
import io.tablewarden.store.FindingComparison;
import io.tablewarden.store.Mute;
import io.tablewarden.store.ScanComparison;
import io.tablewarden.store.ScanReevaluation;
import io.tablewarden.store.ScanSummary;
import io.tablewarden.store.StoredResult;
import io.tablewarden.store.TablewardenStore;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scans kept in the scan database, as both front ends use them: list them, open one as a report or with its
 * mute flags, compare two, evaluate one again with the current checks, and mute or unmute findings. Every
 * method reads or writes the database: call them off the UI thread. Store problems arrive as the store's
 * {@link io.tablewarden.store.StoreException} (an unknown scan id as its {@code UnknownScanException}).
 */
public final class StoredScans {

    private final TablewardenStore store;
    private final List<Check> checks;
    private final ReportBuilder reports;

    /**
     * @param store  the open database
     * @param checks every available check (report metadata, re-evaluation)
     */
    public StoredScans(TablewardenStore store, List<Check> checks) {
        this.store = store;
        this.checks = List.copyOf(checks);
        this.reports = new ReportBuilder(checks);
    }

    /** The database file. */
    public Path file() {
        return store.file();
    }

    /** The stored scans, newest first; of one account when {@code accountId} is not null. */
    public List<ScanSummary> list(String accountId) {
        return store.scans().list(accountId);
    }

    /** The scan's summary, or an UnknownScanException. */
    public ScanSummary summary(long scanId) {
        return store.scans().require(scanId);
    }

    /**
     * The scan's report, with the same facts and bytes its live scan wrote: the mutes active now and when each
     * finding was first seen.
     */
    public ScanReport report(long scanId) {
        return report(scanId, null);
    }

    /**
     * The scan's report compared with the older scan {@code baselineId} (null for no comparison).
     *
     * @throws IllegalArgumentException when the baseline scan audited another account
     */
    public ScanReport report(long scanId, Long baselineId) {
        return withStoreFacts(reports.stored(store.scans(), scanId), scanId, baselineId);
    }

    /**
     * The report of a live scan that was recorded as {@code scanId}, with the store's facts (mutes, first seen,
     * and the comparison with {@code baselineId} when not null), the same a later {@link #report} gives.
     *
     * @throws IllegalArgumentException when the baseline scan audited another account
     */
    public ScanReport withStoreFacts(ScanReport report, long scanId, Long baselineId) {
        ScanReport.Baseline baseline = baselineId == null ? null
                : ReportBuilder.baseline(store.scans(), baselineId, scanId);
        return ReportBuilder.withStoreFacts(report.with(report.mutes(), baseline), store, scanId);
    }

    /** What the scan says as a whole (for an exit code): incomplete when it is not whole or holds no result. */
    public ScanVerdict verdict(long scanId) {
        ScanSummary scan = store.scans().require(scanId);
        return ScanVerdict.ofStored(scan, store.scans().inventory(scanId));
    }

    /** The scan's results with the mute flags of the mutes active now. */
    public List<StoredResult> resultsWithMutes(long scanId) {
        return store.scans().resultsWithMutes(scanId);
    }

    /** The stored organisation scans, each grouping scans of this database. */
    public StoredOrganizationScans organizations() {
        return new StoredOrganizationScans(store, this, checks);
    }

    /**
     * What changed between two scans of one account.
     *
     * @throws IllegalArgumentException when they are scans of different accounts
     */
    public ScanComparison compare(long olderId, long newerId) {
        return FindingComparison.compare(store.scans(), olderId, newerId);
    }

    /**
     * Runs the current checks on the scan's stored inventory, without calling AWS.
     *
     * @param parameters parameters to use; null keeps the stored scan's
     * @param clock      evaluation time; null means now
     * @param keep       store the results as a new scan marked as a re-evaluation
     */
    public ScanReevaluation.Outcome reevaluate(long scanId, CheckParameters parameters, Clock clock, boolean keep) {
        return new ScanReevaluation(store).run(scanId, checks, parameters, clock, keep);
    }

    /** Every mute, active or expired. */
    public List<Mute> mutes() {
        return store.mutes().all();
    }

    /**
     * Mutes the findings of {@code checkId} on {@code resource} (an ARN or a pattern the store accepts).
     *
     * @throws IllegalArgumentException when {@code checkId} names none of the checks, or a value is missing
     *
     * @param expiresAt when the mute ends, or null for never
     */
    public Mute mute(String checkId, String resource, String reason, String createdBy, Instant expiresAt) {
        requireKnownCheck(checkIds(), checkId);
        return store.mutes().add(checkId, resource, reason, createdBy, expiresAt);
    }

    /**
     * Refuses a check id (or glob over ids) that names none of {@code known}, listing them.
     *
     * @throws IllegalArgumentException when it names none
     */
    public static void requireKnownCheck(List<String> known, String checkId) {
        if (checkId != null && known.stream().noneMatch(id -> Mute.globMatches(checkId, id))) {
            throw new IllegalArgumentException("unknown check id '" + checkId + "'; known: "
                    + String.join(", ", known));
        }
    }

    /** The ids of every available check, in catalogue order. */
    public List<String> checkIds() {
        return checks.stream().map(Check::id).toList();
    }

    /**
     * Stores the mutes of a Prowler mutelist read with {@link ProwlerMutelist}: all of them in one transaction,
     * or none.
     */
    public List<Mute> importMutes(List<Mute> mutes) {
        return store.mutes().addAll(mutes);
    }

    /** Removes mute {@code muteId}; false when there was no such mute. */
    public boolean unmute(long muteId) {
        return store.mutes().remove(muteId);
    }
}
