package io.tablewarden.app;

import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.org.OrganizationAccount;
import io.tablewarden.engine.org.OrganizationMap;

import java.util.List;

/**
 * Progress of an organisation scan. Called from worker threads, several accounts at once; implementations must
 * be thread-safe and quick.
 */
public interface OrganizationListener {

    /** The organisation is known: the accounts to scan and those that will not be (suspended, left out). */
    default void organizationRead(OrganizationMap organization, List<OrganizationAccount> toScan,
                                  List<AccountScan> notScanned) {
    }

    /** An account's scan begins; the returned listener follows it (regions, results). */
    default ScanListener accountStarted(OrganizationAccount account) {
        return ScanListener.NONE;
    }

    /** An account ended: scanned, or refused at its role. */
    default void accountFinished(AccountScan account) {
    }

    OrganizationListener NONE = new OrganizationListener() {
    };
}
