package io.tablewarden.ui.model;

import java.util.List;
import java.util.Objects;

/**
 * What the screens know of an organisation scan beyond its results: the organisation, who scanned it and as whom,
 * and every account with what became of it. Part of a {@link ScanSnapshot} of an organisation scan, whose rows
 * are every scanned account's results (each result names its own account).
 *
 * @param organizationScanId the stored organisation scan, or null when it was not recorded
 * @param organizationId     the organisation ({@code o-...})
 * @param callerAccountId    the account whose credentials scanned (its own account needs no role)
 * @param profile            the profile those credentials come from, or null for the demo organisation or a fixture
 * @param roleName           the role assumed in every member
 * @param accounts           every account of the organisation, in the order the scan listed them
 */
public record OrganizationContext(Long organizationScanId, String organizationId, String callerAccountId,
                                  String profile, String roleName, List<Account> accounts) {

    /**
     * One account of the organisation scan.
     *
     * @param id       the 12-digit account id
     * @param name     its name in the organisation
     * @param unitPath the OUs from the root down ({@code Production/Payments}); empty under the root
     * @param outcome  scanned, error, suspended, excluded or cancelled (lower case)
     * @param message  why it was not scanned, or null
     * @param scanId   its stored scan, or null
     */
    public record Account(String id, String name, String unitPath, String outcome, String message, Long scanId) {
        public Account {
            Objects.requireNonNull(id, "id");
            unitPath = unitPath == null ? "" : unitPath;
        }

        /** True when the account was scanned (its results are among the snapshot's rows). */
        public boolean scanned() {
            return "scanned".equals(outcome);
        }
    }

    public OrganizationContext {
        accounts = List.copyOf(accounts);
    }

    /** The account with {@code id}, or null when the organisation scan does not hold it. */
    public Account account(String id) {
        for (Account a : accounts) {
            if (a.id().equals(id)) {
                return a;
            }
        }
        return null;
    }

    /** "222222222222 (Payments)", or the id alone when its name is not known. */
    public String label(String accountId) {
        Account a = accountId == null ? null : account(accountId);
        if (a == null || a.name() == null || a.name().isBlank()) {
            return accountId == null ? "" : accountId;
        }
        return accountId + " (" + a.name() + ")";
    }

    /**
     * Which credentials a fix for {@code accountId} runs with, as one sentence: the caller's own account with the
     * profile's credentials, every member with the role assumed from them. Values come from the organisation and
     * the user; whoever writes the sentence into a script or a terminal escapes it for that output.
     */
    public String runAs(String accountId) {
        String from = profile == null ? "the management account's credentials" : "profile " + profile;
        if (accountId != null && accountId.equals(callerAccountId)) {
            return "account " + label(accountId) + ": run with " + from;
        }
        return "account " + label(accountId) + ": run with role " + roleName + " assumed from " + from;
    }
}
