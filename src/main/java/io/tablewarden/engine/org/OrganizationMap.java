package io.tablewarden.engine.org;

import java.util.List;
import java.util.Map;

/**
 * An organisation as its management account sees it: its id, the management account, every account with the
 * unit it sits in, and every unit's parent (for {@code --accounts ou-...}, which takes the units below too).
 *
 * @param id                  the organisation id ({@code o-...})
 * @param managementAccountId the management account
 * @param callerAccountId     the account whose credentials read it
 * @param partition           the caller's partition ({@code aws}, {@code aws-cn}, {@code aws-us-gov})
 * @param rootId              the root ({@code r-...})
 * @param accounts            every account, in the order of the walk from the root
 * @param unitParents         each OU's parent (an OU or the root)
 * @param unitNames           each OU's name
 */
public record OrganizationMap(String id, String managementAccountId, String callerAccountId, String partition,
                              String rootId, List<OrganizationAccount> accounts,
                              Map<String, String> unitParents, Map<String, String> unitNames) {

    public OrganizationMap {
        accounts = List.copyOf(accounts);
        unitParents = Map.copyOf(unitParents);
        unitNames = Map.copyOf(unitNames);
    }

    /** True when {@code unitId} is {@code ancestor} or lies below it. */
    public boolean within(String unitId, String ancestor) {
        for (String u = unitId; u != null; u = unitParents.get(u)) {
            if (u.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }
}
