package io.tablewarden.app;

import io.tablewarden.store.OrganizationScanAccount;
import io.tablewarden.store.OrganizationScanSummary;
import io.tablewarden.store.ScanComparison;
import io.tablewarden.store.TablewardenStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Reading stored organisation scans back: list them, and compare two of one organisation account by account. */
public final class StoredOrganizationScans {

    private final TablewardenStore store;
    private final StoredScans scans;
    private final List<io.tablewarden.engine.checks.Check> checks;

    StoredOrganizationScans(TablewardenStore store, StoredScans scans,
                            List<io.tablewarden.engine.checks.Check> checks) {
        this.store = store;
        this.scans = scans;
        this.checks = checks;
    }

    /**
     * The report of a stored organisation scan, offline, from each account's stored scan (as the live one, in the
     * store's order of the accounts).
     *
     * @throws io.tablewarden.store.UnknownScanException when the database does not hold it
     */
    public io.tablewarden.report.OrganizationReport report(long organizationScanId) {
        return new OrganizationReports(checks).stored(store, organizationScanId);
    }

    /** Whether every account of the stored organisation scan was scanned whole. */
    public ScanVerdict verdict(long organizationScanId) {
        OrganizationScanSummary org = summary(organizationScanId);
        if (!"completed".equals(org.state())) {
            return ScanVerdict.INCOMPLETE;
        }
        boolean findings = false;
        for (OrganizationScanAccount a : org.accounts()) {
            switch (a.outcome()) {
                case ERROR:
                case CANCELLED:
                    return ScanVerdict.INCOMPLETE;
                case SCANNED:
                    if (a.scanId() == null) {
                        return ScanVerdict.INCOMPLETE;
                    }
                    ScanVerdict v = scans.verdict(a.scanId());
                    if (v == ScanVerdict.INCOMPLETE) {
                        return v;
                    }
                    findings |= v == ScanVerdict.FINDINGS;
                    break;
                default:
                    break;
            }
        }
        return findings ? ScanVerdict.FINDINGS : ScanVerdict.PASSED;
    }

    /** Every organisation scan, newest first, with its accounts. */
    public List<OrganizationScanSummary> list() {
        return store.organizationScans().list();
    }

    /**
     * One organisation scan.
     *
     * @throws io.tablewarden.store.UnknownScanException when the database does not hold it
     */
    public OrganizationScanSummary summary(long organizationScanId) {
        return store.organizationScans().require(organizationScanId);
    }

    /** The organisation scan a scan was part of, if any. */
    public Optional<Long> organizationScanOf(long scanId) {
        return store.organizationScans().organizationScanOf(scanId);
    }

    /**
     * One account in two organisation scans.
     *
     * @param accountId  the account
     * @param name       its name (the newer scan's when it has one)
     * @param before     what became of it in the older scan, or null when it was not in the organisation then
     * @param after      what became of it in the newer scan, or null when it has left the organisation
     * @param comparison its findings compared, when both scans scanned it and both scans were stored
     */
    public record AccountComparison(String accountId, String name, OrganizationScanAccount before,
                                    OrganizationScanAccount after, ScanComparison comparison) {
    }

    /**
     * Two organisation scans compared account by account.
     *
     * @param older    the older organisation scan
     * @param newer    the newer one
     * @param accounts every account of either, by account id
     */
    public record OrganizationComparison(OrganizationScanSummary older, OrganizationScanSummary newer,
                                         List<AccountComparison> accounts) {
        public OrganizationComparison {
            accounts = List.copyOf(accounts);
        }
    }

    /**
     * Compares two organisation scans of one organisation account by account: each account both scanned is
     * compared finding by finding, as {@code diff} compares two scans of one account.
     *
     * @throws IllegalArgumentException when they are scans of different organisations
     * @throws io.tablewarden.store.UnknownScanException when the database does not hold one of them
     */
    public OrganizationComparison compare(long olderId, long newerId) {
        OrganizationScanSummary older = summary(olderId);
        OrganizationScanSummary newer = summary(newerId);
        if (!older.organizationId().equals(newer.organizationId())) {
            throw new IllegalArgumentException("organisation scans " + olderId + " and " + newerId
                    + " are of different organisations (" + older.organizationId() + ", " + newer.organizationId()
                    + ")");
        }
        Map<String, OrganizationScanAccount> before = byAccount(older);
        Map<String, OrganizationScanAccount> after = byAccount(newer);
        List<AccountComparison> out = new ArrayList<>();
        TreeSet<String> ids = new TreeSet<>(before.keySet());
        ids.addAll(after.keySet());
        for (String id : ids) {
            OrganizationScanAccount b = before.get(id);
            OrganizationScanAccount a = after.get(id);
            ScanComparison comparison = b != null && a != null && b.scanId() != null && a.scanId() != null
                    ? scans.compare(b.scanId(), a.scanId()) : null;
            String name = a != null && a.accountName() != null ? a.accountName() : b.accountName();
            out.add(new AccountComparison(id, name, b, a, comparison));
        }
        return new OrganizationComparison(older, newer, out);
    }

    private static Map<String, OrganizationScanAccount> byAccount(OrganizationScanSummary scan) {
        Map<String, OrganizationScanAccount> out = new LinkedHashMap<>();
        scan.accounts().forEach(a -> out.put(a.accountId(), a));
        return out;
    }
}
