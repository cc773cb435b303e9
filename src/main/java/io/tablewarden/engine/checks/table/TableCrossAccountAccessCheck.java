package io.tablewarden.engine.checks.table;

import io.tablewarden.engine.checks.CheckContext;
import io.tablewarden.engine.checks.Placeholders;
import io.tablewarden.engine.checks.support.CheckCause;
import io.tablewarden.engine.checks.support.ResourcePolicyAnalyzer;
import io.tablewarden.engine.checks.support.TableCheck;
import io.tablewarden.engine.checks.support.TableSubject;
import io.tablewarden.engine.checks.support.Verdict;
import io.tablewarden.model.Fetch;
import io.tablewarden.model.inventory.InventoryPart;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * No Allow statement of the table's resource policy grants a principal outside the audited account and
 * the trusted accounts. A table without a policy passes (and gets a result, unlike in other tools);
 * a policy that could not be read is ERROR. See {@link ResourcePolicyAnalyzer} for the principal rules.
 */
public final class TableCrossAccountAccessCheck extends TableCheck {

    public static final String ID = "dynamodb_table_cross_account_access";

    /** Which fix the offending statements call for. */
    public enum Cause implements CheckCause {
        /** Some statements let outside principals in: the policy without them, put back whole. */
        OUTSIDE_STATEMENTS,
        /** Every statement does: delete the policy. */
        ONLY_OUTSIDE_STATEMENTS;
    }

    public TableCrossAccountAccessCheck() {
        super(ID);
    }

    @Override
    public List<String> causes() {
        return CheckCause.ids(Cause.values());
    }

    @Override
    protected Verdict evaluate(TableSubject subject, CheckContext context) {
        Fetch<String> policy = subject.table().resourcePolicy();
        if (policy == null || policy.isFailed()) {
            return Verdict.error("The resource policy of " + subject.label() + " could not be read: "
                    + (policy == null ? "not collected (dynamodb:GetResourcePolicy)" : policy.error().describe()) + ".");
        }
        if (policy.value() == null) {
            return Verdict.pass("Table " + subject.name() + " has no resource policy, so only identities of its own "
                    + "account can be granted access.").evidence("Policy", Verdict.ABSENT);
        }
        List<String> trusted = new ArrayList<>(new TreeSet<>(context.parameters().trustedAccountIds()));
        List<ResourcePolicyAnalyzer.Grant> grants;
        try {
            grants = ResourcePolicyAnalyzer.outsideGrants(policy.value(), subject.account().accountId(),
                    context.parameters().trustedAccountIds());
        } catch (ResourcePolicyAnalyzer.UnreadablePolicyException e) {
            return Verdict.error("The resource policy of " + subject.label() + " returned by "
                    + "dynamodb:GetResourcePolicy could not be analysed: " + e.getMessage() + ".")
                    .evidence("Policy", policy.value());
        }
        if (grants.isEmpty()) {
            return Verdict.pass("No Allow statement in the resource policy of " + subject.label()
                    + " grants access outside account " + subject.account().accountId()
                    + (trusted.isEmpty() ? "" : " and the trusted accounts") + ".")
                    .evidence("TrustedAccounts", trusted);
        }
        ResourcePolicyAnalyzer.Grant first = grants.get(0);
        List<String> statements = new ArrayList<>();
        grants.forEach(g -> statements.add(g.label()));
        List<String> accounts = new ArrayList<>();
        for (String principal : first.principals()) {
            String account = ResourcePolicyAnalyzer.accountOf(principal);
            if (account != null && !accounts.contains(account)) {
                accounts.add(account);
            }
        }
        Verdict verdict = Verdict.fail("Statement " + first.label() + " of the resource policy of " + subject.label()
                        + " allows " + String.join(", ", first.principals())
                        + (accounts.isEmpty() ? "" : " (account " + String.join(", ", accounts) + ")")
                        + ", outside account " + subject.account().accountId()
                        + (grants.size() > 1 ? "; " + (grants.size() - 1) + " more statements do the same" : "") + ".")
                .evidence("OffendingStatement", first.statement())
                .evidence("OutsidePrincipals", first.principals())
                .evidence("OffendingStatements", statements)
                .evidence("TrustedAccounts", trusted);
        java.util.Set<Integer> offending = new java.util.HashSet<>();
        grants.forEach(g -> offending.add(g.index()));
        try {
            String remaining = ResourcePolicyAnalyzer.withoutStatements(policy.value(), offending);
            verdict.placeholder(Placeholders.OFFENDING_SIDS, String.join(", ", statements));
            return remaining == null ? verdict.cause(Cause.ONLY_OUTSIDE_STATEMENTS)
                    : verdict.cause(Cause.OUTSIDE_STATEMENTS).placeholder(Placeholders.REMAINING_POLICY, remaining);
        } catch (ResourcePolicyAnalyzer.UnreadablePolicyException e) {
            return verdict;
        }
    }

    @Override
    public java.util.Set<InventoryPart> needs() {
        return java.util.EnumSet.of(InventoryPart.RESOURCE_POLICY);
    }
}
