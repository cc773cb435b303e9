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
 * @param verdict what its results say: an account that could not be scanned is incomplete, one left out says
 *                nothing (passed)
 */
public record AccountScan(OrganizationAccount account, Outcome outcome, ScanResult result, String message,
                          ScanVerdict verdict) {

    /** The account's outcome with its verdict worked out from {@code result}. */
    public static AccountScan of(OrganizationAccount account, Outcome outcome, ScanResult result, String message) {
        ScanVerdict verdict;
        if (outcome == Outcome.ERROR || outcome == Outcome.CANCELLED) {
            verdict = ScanVerdict.INCOMPLETE;
        } else if (result == null) {
            verdict = ScanVerdict.PASSED;
        } else {
            // A scan stopped before it ended (cancelled, even before it listed anything) judged nothing whole.
            boolean ended = result.outcome() == null
                    || result.outcome().state() == io.tablewarden.engine.ScanOutcome.ScanState.COMPLETED;
            verdict = result.failure() != null || !ended ? ScanVerdict.INCOMPLETE : result.verdict();
        }
        return new AccountScan(account, outcome, result, message, verdict);
    }

    /**
     * The same account without its inventory and results in memory, once its scan is in the store: an
     * organisation of hundreds of accounts then holds only the accounts in flight. Counts, state, figures and the
     * verdict stay; the results are read back from the stored scan.
     */
    AccountScan withoutResults() {
        if (result == null || result.scanId() == null || result.outcome() == null) {
            return this;
        }
        io.tablewarden.engine.ScanOutcome o = result.outcome();
        ScanResult slim = new ScanResult(new io.tablewarden.engine.ScanOutcome(o.state(), null, null, o.stats(),
                o.failureReason(), o.failureKind()), result.startedAt(), result.finishedAt(), result.scanId(),
                result.database(), result.storeProblem(), result.enabledRegions());
        return new AccountScan(account, outcome, slim, message, verdict);
    }
}
