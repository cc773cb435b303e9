package io.tablewarden.app;

import io.tablewarden.engine.org.OrganizationMap;
import io.tablewarden.store.OrganizationScanAccount.Outcome;

import java.time.Instant;
import java.util.List;

/**
 * What {@link OrganizationScanService#run} hands back: the organisation, every account of it with what became of
 * it, and where the organisation scan was recorded.
 *
 * @param organization       the organisation as its management account listed it
 * @param accounts           every account of the organisation, in the organisation's order
 * @param organizationScanId the stored organisation scan, or null when it was not recorded
 * @param startedAt          start
 * @param finishedAt         end
 * @param storeProblem       why the organisation scan is not (wholly) recorded, or null
 * @param cancelled          whether it was cancelled
 */
public record OrganizationScanResult(OrganizationMap organization, List<AccountScan> accounts,
                                     Long organizationScanId, Instant startedAt, Instant finishedAt,
                                     Failure storeProblem, boolean cancelled) {

    public OrganizationScanResult {
        accounts = List.copyOf(accounts);
    }

    /** The accounts with one outcome. */
    public List<AccountScan> accounts(Outcome outcome) {
        return accounts.stream().filter(a -> a.outcome() == outcome).toList();
    }

    /**
     * The organisation's verdict: incomplete when any account could not be scanned or scanned incompletely, else
     * findings when any account has a FAIL.
     */
    public ScanVerdict verdict() {
        boolean findings = false;
        for (AccountScan a : accounts) {
            ScanVerdict v = a.verdict();
            if (v == ScanVerdict.INCOMPLETE) {
                return ScanVerdict.INCOMPLETE;
            }
            findings |= v == ScanVerdict.FINDINGS;
        }
        return findings ? ScanVerdict.FINDINGS : ScanVerdict.PASSED;
    }
}
