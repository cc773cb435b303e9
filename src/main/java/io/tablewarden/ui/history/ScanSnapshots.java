package io.tablewarden.ui.history;

import io.tablewarden.app.ReportBuilder;
import io.tablewarden.app.StoredScans;
import io.tablewarden.engine.checks.Check;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.store.TablewardenStore;
import io.tablewarden.report.ProductInfo;
import io.tablewarden.report.ScanReport;
import io.tablewarden.store.OrganizationScanAccount;
import io.tablewarden.store.OrganizationScanSummary;
import io.tablewarden.store.ScanSummary;
import io.tablewarden.store.StoredResult;
import io.tablewarden.ui.model.OrganizationContext;
import io.tablewarden.ui.model.ScanSnapshot;

import java.util.ArrayList;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import java.util.List;
import java.util.Map;

/**
 * The snapshot of a stored scan, with the same facts {@code tablewarden report} puts in a report (both come from
 * the application layer's {@link ReportBuilder}), so the screens and the exported files never disagree. Reads the
 * database: call it off the UI thread.
 */
public final class ScanSnapshots {

    private ScanSnapshots() {
    }

    /** The stored scan {@code scanId} with the mute flags of the mutes active now. */
    public static ScanSnapshot load(TablewardenStore store, long scanId, List<Check> checks) {
        StoredScans scans = new StoredScans(store, checks);
        return new ScanSnapshot(scanId, ReportBuilder.storedInfo(scans.summary(scanId)),
                scans.resultsWithMutes(scanId), new ReportBuilder(checks).metadata());
    }

    /**
     * The stored organisation scan {@code organizationScanId} as one snapshot: every scanned account's results
     * (each names its own account) with the mute flags of the mutes active now, and the organisation's accounts.
     */
    public static ScanSnapshot loadOrganization(TablewardenStore store, long organizationScanId, List<Check> checks) {
        OrganizationScanSummary org = store.organizationScans().require(organizationScanId);
        StoredScans scans = new StoredScans(store, checks);
        List<StoredResult> rows = new ArrayList<>();
        Set<String> regions = new TreeSet<>();
        List<OrganizationContext.Account> accounts = new ArrayList<>();
        String partition = null;
        for (OrganizationScanAccount a : org.accounts()) {
            accounts.add(new OrganizationContext.Account(a.accountId(), a.accountName(), a.unitPath(),
                    a.outcome().name().toLowerCase(Locale.ROOT), a.message(), a.scanId()));
            if (a.scanId() != null) {
                rows.addAll(scans.resultsWithMutes(a.scanId()));
                ScanSummary summary = scans.summary(a.scanId());
                regions.addAll(summary.regions());
                partition = partition == null ? summary.partition() : partition;
            }
        }
        OrganizationContext context = new OrganizationContext(organizationScanId, org.organizationId(),
                org.callerAccountId(), org.profileName(), org.roleName(), accounts);
        ScanReport.ScanInfo info = new ScanReport.ScanInfo(null, partition, null, List.copyOf(regions),
                org.startedAt(), org.finishedAt(), org.state().toUpperCase(Locale.ROOT), ProductInfo.version(), null);
        return new ScanSnapshot(null, info, rows, new ReportBuilder(checks).metadata(), context);
    }

    /** {@code snapshot} with its mute flags read again, after mutes were added or removed. */
    public static ScanSnapshot refreshMutes(TablewardenStore store, ScanSnapshot snapshot) {
        if (snapshot.scanId() == null) {
            return snapshot;
        }
        return new ScanSnapshot(snapshot.scanId(), snapshot.info(), store.scans().resultsWithMutes(snapshot.scanId()),
                snapshot.metadata());
    }

    /** Metadata of every check, keyed by id. */
    public static Map<String, CheckMetadata> metadata(List<Check> checks) {
        return new ReportBuilder(checks).metadata();
    }
}
