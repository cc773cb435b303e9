package io.tablewarden.app;

import io.tablewarden.engine.org.OrganizationAccount;
import io.tablewarden.store.OrganizationScanAccount.Outcome;

/**
 * What became of one account of an organisation scan.
 *
 * @param account the account as the organisation lists it
 * @param outcome scanned, refused, skipped or left out
 * @param result  its scan ({@link Outcome#SCANNED} only), else null
 * @param message why it was not scanned (the account-level error names the role and the trust policy), or null
 */
public record AccountScan(OrganizationAccount account, Outcome outcome, ScanResult result, String message) {

    /** What its results say; an account that could not be scanned is incomplete, one left out says nothing. */
    public ScanVerdict verdict() {
        if (outcome == Outcome.ERROR || outcome == Outcome.CANCELLED) {
            return ScanVerdict.INCOMPLETE;
        }
        if (result == null) {
            return ScanVerdict.PASSED;
        }
        return result.failure() != null ? ScanVerdict.INCOMPLETE : result.verdict();
    }
}
