package io.tablewarden.app;

import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.org.OrganizationAccount;
import io.tablewarden.store.OrganizationScanAccount.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An account's verdict in an organisation scan. */
class AccountScanTest {

    private static final OrganizationAccount ACCOUNT = new OrganizationAccount("222222222222", "Payments", "ACTIVE",
            "ou-ab12-payments", "Root/Payments");

    private static ScanResult result(ScanOutcome.ScanState state) {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        return new ScanResult(new ScanOutcome(state, null, List.of(), null, null), at, at, null, null, null,
                List.of());
    }

    @Test
    void aScanCancelledBeforeItListedAnythingIsIncompleteNotPassed() {
        assertEquals(ScanVerdict.INCOMPLETE,
                AccountScan.of(ACCOUNT, Outcome.SCANNED, result(ScanOutcome.ScanState.CANCELLED), null).verdict());
    }

    @Test
    void aCompletedScanWithNothingToJudgePasses() {
        assertEquals(ScanVerdict.PASSED,
                AccountScan.of(ACCOUNT, Outcome.SCANNED, result(ScanOutcome.ScanState.COMPLETED), null).verdict());
    }

    @Test
    void anAccountNotScannedAtAllIsNotCountedAgainstTheOrganisation() {
        assertEquals(ScanVerdict.PASSED, AccountScan.of(ACCOUNT, Outcome.SUSPENDED, null, "suspended").verdict());
        assertEquals(ScanVerdict.INCOMPLETE, AccountScan.of(ACCOUNT, Outcome.ERROR, null, "denied").verdict());
    }
}
