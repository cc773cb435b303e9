package io.tablewarden.app;

import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.checks.Check;
import io.tablewarden.report.OrganizationReport;
import io.tablewarden.report.ScanReport;
import io.tablewarden.store.OrganizationScanAccount;
import io.tablewarden.store.OrganizationScanSummary;
import io.tablewarden.store.TablewardenStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the report of an organisation scan: each scanned account's report exactly as a single-account scan's
 * (with the store's mutes and first sightings when it was recorded), and a line for every other account.
 */
public final class OrganizationReports {

    private final List<Check> checks;

    public OrganizationReports(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /** The report of a live organisation scan; {@code store} (or null) adds what it knows of each account's scan. */
    public OrganizationReport live(OrganizationScanResult result, ScanRequest request, TablewardenStore store) {
        ReportBuilder builder = new ReportBuilder(checks);
        List<OrganizationReport.Account> accounts = new ArrayList<>();
        // by account id, as the store lists them: the stored report is then the live one
        List<AccountScan> byId = new ArrayList<>(result.accounts());
        byId.sort(java.util.Comparator.comparing(a -> a.account().id()));
        for (AccountScan a : byId) {
            ScanReport report = null;
            if (a.result() != null && a.result().outcome() != null && a.result().outcome().results() != null) {
                report = builder.live(a.result(), request.regions(), request.parameters());
                if (store != null && a.result().scanId() != null) {
                    report = new StoredScans(store, checks).withStoreFacts(report, a.result().scanId(), null);
                }
            } else if (a.result() != null && a.result().scanId() != null && store != null) {
                // its results left memory once they were stored
                report = new StoredScans(store, checks).report(a.result().scanId());
            }
            String message = a.message();
            if (a.result() != null && a.result().failure() != null) {
                message = "the scan failed: " + a.result().failure().reason();
            }
            accounts.add(new OrganizationReport.Account(a.account().id(), a.account().name(),
                    a.account().unitPath(), a.outcome().name().toLowerCase(Locale.ROOT), message, report));
        }
        return new OrganizationReport(result.organization().id(), result.organization().managementAccountId(),
                result.startedAt(), result.finishedAt(), accounts);
    }

    /** The report of a stored organisation scan, offline, from each account's stored scan. */
    public OrganizationReport stored(TablewardenStore store, long organizationScanId) {
        OrganizationScanSummary org = store.organizationScans().require(organizationScanId);
        StoredScans scans = new StoredScans(store, checks);
        List<OrganizationReport.Account> accounts = new ArrayList<>();
        for (OrganizationScanAccount a : org.accounts()) {
            ScanReport report = a.scanId() == null ? null : scans.report(a.scanId());
            accounts.add(new OrganizationReport.Account(a.accountId(), a.accountName(),
                    a.unitPath() == null ? "" : a.unitPath(), a.outcome().name().toLowerCase(Locale.ROOT),
                    a.message(), report));
        }
        return new OrganizationReport(org.organizationId(), org.managementAccountId(), org.startedAt(),
                org.finishedAt(), accounts);
    }
}
