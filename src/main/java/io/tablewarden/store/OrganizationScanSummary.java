package io.tablewarden.store;

import java.time.Instant;
import java.util.List;

/**
 * One stored organisation scan with the accounts it covered.
 *
 * @param id                  organisation scan id
 * @param organizationId      the organisation ({@code o-...})
 * @param managementAccountId its management account
 * @param callerAccountId     the account whose credentials scanned
 * @param profileName         the AWS profile used, or null
 * @param roleName            the role assumed in each member
 * @param startedAt           start
 * @param finishedAt          end, or null while running
 * @param state               {@code running}, {@code completed}, {@code cancelled} or {@code failed}
 * @param accounts            every account of the organisation and what became of it, by account id
 */
public record OrganizationScanSummary(long id, String organizationId, String managementAccountId,
                                      String callerAccountId, String profileName, String roleName, Instant startedAt,
                                      Instant finishedAt, String state, List<OrganizationScanAccount> accounts) {

    public OrganizationScanSummary {
        accounts = List.copyOf(accounts);
    }

    /** The accounts with one outcome. */
    public List<OrganizationScanAccount> accounts(OrganizationScanAccount.Outcome outcome) {
        return accounts.stream().filter(a -> a.outcome() == outcome).toList();
    }
}
