package io.tablewarden.app;

import io.tablewarden.engine.org.OrganizationAccount;
import io.tablewarden.engine.org.OrganizationMap;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which accounts of an organisation a scan covers: all of them, named accounts, or the accounts in named OUs
 * (and the OUs below them), less the excluded ones; the caller's own account only when {@code includeOwnAccount}.
 *
 * @param accountIds        accounts named ({@code --accounts 111122223333,...}); with {@code unitIds} empty and
 *                          this empty, every account
 * @param unitIds           OUs named ({@code --accounts ou-...}): their accounts and those of the OUs below
 * @param excludedIds       accounts never scanned ({@code --exclude-accounts})
 * @param includeOwnAccount whether the account whose credentials scan (it needs no role) is scanned too
 */
public record OrganizationScope(List<String> accountIds, List<String> unitIds, Set<String> excludedIds,
                                boolean includeOwnAccount) {

    public OrganizationScope {
        accountIds = List.copyOf(accountIds);
        unitIds = List.copyOf(unitIds);
        excludedIds = Set.copyOf(excludedIds);
    }

    /** Every account, the caller's own included. */
    public static OrganizationScope all() {
        return new OrganizationScope(List.of(), List.of(), Set.of(), true);
    }

    /**
     * Reads {@code --accounts}: {@code all}, or a list of account ids and OU ids.
     *
     * @throws IllegalArgumentException naming the first word that is neither
     */
    public static OrganizationScope parse(List<String> accounts, List<String> excluded, boolean includeOwnAccount) {
        List<String> ids = new ArrayList<>();
        List<String> units = new ArrayList<>();
        boolean all = false;
        for (String raw : accounts) {
            String word = raw.trim();
            if (word.equalsIgnoreCase("all")) {
                all = true;
            } else if (word.matches("\\d{12}")) {
                ids.add(word);
            } else if (word.matches("ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}") || word.matches("r-[0-9a-z]{4,32}")) {
                units.add(word);
            } else {
                throw new IllegalArgumentException("--accounts takes all, 12-digit account ids or OU ids"
                        + " (ou-...), not '" + word + "'");
            }
        }
        if (all && !(ids.isEmpty() && units.isEmpty())) {
            throw new IllegalArgumentException("--accounts all cannot be combined with account or OU ids");
        }
        Set<String> exclude = new LinkedHashSet<>();
        for (String raw : excluded) {
            String word = raw.trim();
            if (!word.matches("\\d{12}")) {
                throw new IllegalArgumentException("--exclude-accounts takes 12-digit account ids, not '" + word + "'");
            }
            exclude.add(word);
        }
        return new OrganizationScope(ids, units, exclude, includeOwnAccount);
    }

    /** True when every account is in scope before exclusions. */
    public boolean everyAccount() {
        return accountIds.isEmpty() && unitIds.isEmpty();
    }

    /** Whether {@code account} of {@code organization} is to be scanned (suspension aside). */
    public boolean covers(OrganizationMap organization, OrganizationAccount account) {
        if (excludedIds.contains(account.id())) {
            return false;
        }
        if (account.id().equals(organization.callerAccountId()) && !includeOwnAccount) {
            return false;
        }
        if (everyAccount()) {
            return true;
        }
        return accountIds.contains(account.id())
                || unitIds.stream().anyMatch(u -> organization.within(account.unitId(), u));
    }

    /** The named accounts and OUs the organisation does not hold, for a usage error. */
    public List<String> unknownIn(OrganizationMap organization) {
        List<String> unknown = new ArrayList<>();
        for (String id : accountIds) {
            if (organization.accounts().stream().noneMatch(a -> a.id().equals(id))) {
                unknown.add(id);
            }
        }
        for (String unit : unitIds) {
            if (!unit.equals(organization.rootId()) && !organization.unitParents().containsKey(unit)) {
                unknown.add(unit);
            }
        }
        return unknown;
    }
}
