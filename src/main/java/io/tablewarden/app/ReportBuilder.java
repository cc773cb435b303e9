package io.tablewarden.app;

import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.checks.Check;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.RegionError;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.RegionInventory;
import io.tablewarden.report.ProductInfo;
import io.tablewarden.report.ScanReport;
import io.tablewarden.store.FindingChange;
import io.tablewarden.store.FindingComparison;
import io.tablewarden.store.ScanComparison;
import io.tablewarden.store.ScanRepository;
import io.tablewarden.store.ScanSummary;
import io.tablewarden.store.StoredResult;
import io.tablewarden.store.TablewardenStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one place a {@link ScanReport} is built, from a live scan or from a stored one, with the same facts
 * either way: a stored scan's report is byte for byte the report its live scan wrote.
 */
public final class ReportBuilder {

    private final Map<String, CheckMetadata> metadata;

    /** @param checks every available check: their metadata goes into the reports */
    public ReportBuilder(List<Check> checks) {
        this.metadata = metadata(checks);
    }

    /** Metadata of every check, keyed by id. */
    public Map<String, CheckMetadata> metadata() {
        return metadata;
    }

    /** The report of a live scan that has ended. */
    public ScanReport live(ScanResult result, List<String> requestedRegions, CheckParameters parameters) {
        ScanOutcome outcome = result.outcome();
        List<CheckResult> results = outcome.results() == null ? List.of() : outcome.results();
        String account = results.isEmpty() ? null : results.get(0).resource().accountId();
        ScanReport.ScanInfo info = liveInfo(outcome.state().name(), outcome.inventory(), account, requestedRegions,
                parameters, result.startedAt(), result.finishedAt());
        return new ScanReport(info, results, outcome.stats(), metadata, RegionError.of(outcome.inventory()));
    }

    /**
     * The facts of a live scan, also while it runs.
     *
     * @param state        COMPLETED, CANCELLED, FAILED or RUNNING
     * @param inventory    what the scan collected, or null before it ends; its account and regions win
     * @param knownAccount the account as far as it is known without the inventory, or null
     * @param knownRegions the regions as far as they are known without the inventory
     * @param finished     the end, or null while it runs
     */
    public static ScanReport.ScanInfo liveInfo(String state, AccountInventory inventory, String knownAccount,
                                               List<String> knownRegions, CheckParameters parameters,
                                               Instant started, Instant finished) {
        List<String> regions = new ArrayList<>(knownRegions);
        if (inventory != null && !inventory.regions().isEmpty()) {
            regions.clear();
            inventory.regions().stream().map(RegionInventory::region).forEach(regions::add);
        }
        return new ScanReport.ScanInfo(inventory != null ? inventory.accountId() : knownAccount,
                inventory == null ? null : inventory.partition(), inventory == null ? null : inventory.callerArn(),
                regions, started, finished, state, ProductInfo.version(), parameters,
                inventory == null ? null : inventory.accountAlias());
    }

    /** The report of stored scan {@code scanId}: its results, call figures and the facts stored with it. */
    public ScanReport stored(ScanRepository scans, long scanId) {
        ScanSummary scan = scans.require(scanId);
        // Region errors come from the stored inventory, as the live scan took them from its own.
        return new ScanReport(storedInfo(scan), scans.results(scanId), scans.stats(scanId), metadata,
                RegionError.of(scans.inventory(scanId)));
    }

    /**
     * {@code report} with what the store knows about scan {@code scanId}: the mutes active now on its results (as
     * {@link StoredResult#muted()} says, with the reason, author and expiry of the first active mute naming the
     * result), its id and when each of its findings was first seen. The live report of a recorded scan and the
     * stored scan's report get the same facts here, so they stay byte for byte the same.
     */
    public static ScanReport withStoreFacts(ScanReport report, TablewardenStore store, long scanId) {
        // The first active mute covering each result, imported rules with tags and exceptions included.
        Map<String, ScanReport.MuteNote> notes = new LinkedHashMap<>();
        store.scans().coveringMutes(scanId).forEach((identity, mute) -> notes.put(identity,
                new ScanReport.MuteNote(mute.reason(), mute.createdBy(), mute.expiresAt())));
        ScanReport.History history = new ScanReport.History(String.valueOf(scanId), store.scans().firstSeen(scanId));
        return report.with(notes, report.baseline()).with(history);
    }

    /**
     * What changed since the older scan {@code baselineId}, as the reports show it.
     *
     * @throws IllegalArgumentException when the two scans audited different accounts
     */
    public static ScanReport.Baseline baseline(ScanRepository scans, long baselineId, long scanId) {
        ScanComparison comparison = FindingComparison.compare(scans, baselineId, scanId);
        ScanSummary older = scans.require(baselineId);
        return new ScanReport.Baseline(String.valueOf(baselineId), older.startedAt(),
                comparison.newFailures().stream().map(FindingChange::after).toList(),
                comparison.fixed().stream().map(FindingChange::before).toList(),
                comparison.stillFailing().stream().map(FindingChange::after).toList());
    }

    /** The facts of a stored scan as the report writers expect them. */
    public static ScanReport.ScanInfo storedInfo(ScanSummary scan) {
        return new ScanReport.ScanInfo(scan.accountId(), scan.partition(), scan.callerArn(), scan.regions(),
                scan.startedAt(), scan.finishedAt(), scan.state().name().toUpperCase(Locale.ROOT),
                scan.toolVersion(), scan.parameters(), scan.accountAlias());
    }

    private static Map<String, CheckMetadata> metadata(List<Check> checks) {
        Map<String, CheckMetadata> byId = new LinkedHashMap<>();
        checks.forEach(c -> byId.put(c.id(), c.metadata()));
        return byId;
    }
}
