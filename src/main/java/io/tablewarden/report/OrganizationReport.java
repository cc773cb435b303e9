package io.tablewarden.report;

import java.time.Instant;
import java.util.List;

/**
 * Everything the organisation outputs need: the organisation and, for each of its accounts, what became of it
 * and its own report when it was scanned.
 *
 * @param organizationId      the organisation ({@code o-...})
 * @param managementAccountId its management account
 * @param started             when the organisation scan began
 * @param finished            when it ended
 * @param accounts            every account of the organisation, in the organisation's order
 */
public record OrganizationReport(String organizationId, String managementAccountId, Instant started,
                                 Instant finished, List<Account> accounts) {

    public OrganizationReport {
        accounts = List.copyOf(accounts);
    }

    /**
     * One account of the organisation.
     *
     * @param accountId the account
     * @param name      its name in the organisation
     * @param unitPath  the OU names from the root down, empty directly under the root
     * @param outcome   {@code scanned}, {@code error}, {@code suspended}, {@code excluded} or {@code cancelled}
     * @param message   why it was not scanned, or null
     * @param report    its report ({@code scanned} only), else null
     */
    public record Account(String accountId, String name, String unitPath, String outcome, String message,
                          ScanReport report) {
    }

    /** The scanned accounts' reports, in order. */
    public List<ScanReport> reports() {
        return accounts.stream().filter(a -> a.report() != null).map(Account::report).toList();
    }
}
