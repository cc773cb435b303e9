package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;

/**
 * AWS Organizations (JSON 1.1, {@code X-Amz-Target: AWSOrganizationsV20161128.*}) answered from an
 * {@link OrganizationFixture}. The management account may list the organisation; a member account may only
 * describe it, as AWS lets any member do, and is refused the listings.
 */
final class OrganizationsService extends JsonService {

    /** AWS caps these listings at 20 items a page. */
    static final int MAX_RESULTS = 20;

    private final OrganizationFixture organization;
    private final boolean management;

    /**
     * @param organization the organisation
     * @param management   true for the management account's endpoint, false for a member's
     */
    OrganizationsService(OrganizationFixture organization, boolean management) {
        super("AWSOrganizationsV20161128.", "organizations", "1.1", "", Set.of("DescribeOrganization",
                "ListAccounts", "ListAccountsForParent", "ListRoots", "ListOrganizationalUnitsForParent",
                "ListParents"));
        this.organization = organization;
        this.management = management;
    }

    @Override
    public String resourceArn(Call call, CallContext ctx) {
        return null;
    }

    @Override
    String invalidTokenCode() {
        return "InvalidInputException";
    }

    @Override
    String validationCode() {
        return "InvalidInputException";
    }

    @Override
    ObjectNode handle(String operation, ObjectNode in, CallContext ctx) {
        if (operation.equals("DescribeOrganization")) {
            return describe();
        }
        if (!management) {
            throw ApiError.badRequest("AccessDeniedException", "You don't have permissions to access this resource.");
        }
        switch (operation) {
            case "ListRoots":
                return roots(in, ctx);
            case "ListOrganizationalUnitsForParent":
                return unitsFor(requiredParent(in), in, ctx);
            case "ListAccountsForParent":
                return accounts(organization.accounts.values().stream()
                        .filter(a -> a.parentId().equals(requiredParent(in))).toList(), in, ctx);
            case "ListParents":
                return parents(requiredText(in, "ChildId"));
            default:
                return accounts(List.copyOf(organization.accounts.values()), in, ctx);
        }
    }

    private ObjectNode describe() {
        OrganizationFixture.Account m = organization.management();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("Id", organization.id).put("Arn", organization.arn()).put("FeatureSet", "ALL")
                .put("MasterAccountArn", accountArn(m.id())).put("MasterAccountId", m.id())
                .put("MasterAccountEmail", m.email());
        o.putArray("AvailablePolicyTypes");
        ObjectNode out = MAPPER.createObjectNode();
        out.set("Organization", o);
        return out;
    }

    private ObjectNode roots(ObjectNode in, CallContext ctx) {
        page(in, ctx);
        ObjectNode out = MAPPER.createObjectNode();
        ObjectNode root = out.putArray("Roots").addObject();
        root.put("Id", organization.rootId).put("Name", "Root")
                .put("Arn", "arn:aws:organizations::" + organization.managementAccountId + ":root/"
                        + organization.id + "/" + organization.rootId);
        root.putArray("PolicyTypes");
        return out;
    }

    private String requiredParent(ObjectNode in) {
        String parent = requiredText(in, "ParentId");
        if (!parent.equals(organization.rootId)
                && organization.units.stream().noneMatch(u -> u.id().equals(parent))) {
            throw ApiError.badRequest("ParentNotFoundException", "We can't find a root or OU with the ParentId"
                    + " that you specified.");
        }
        return parent;
    }

    private ObjectNode unitsFor(String parent, ObjectNode in, CallContext ctx) {
        List<OrganizationFixture.Unit> units = organization.units.stream()
                .filter(u -> u.parentId().equals(parent)).toList();
        ObjectNode out = MAPPER.createObjectNode();
        ArrayNode list = out.putArray("OrganizationalUnits");
        int size = Paging.size(in.get("MaxResults"), ctx.defaultPageSize, MAX_RESULTS, this);
        int start = Paging.start(in.get("NextToken"), this);
        for (OrganizationFixture.Unit u : Paging.slice(units, start, size)) {
            list.addObject().put("Id", u.id()).put("Name", u.name()).put("Arn", "arn:aws:organizations::"
                    + organization.managementAccountId + ":ou/" + organization.id + "/" + u.id());
        }
        putNext(out, Paging.next(units, start, size));
        return out;
    }

    private ObjectNode accounts(List<OrganizationFixture.Account> accounts, ObjectNode in, CallContext ctx) {
        int size = Paging.size(in.get("MaxResults"), ctx.defaultPageSize, MAX_RESULTS, this);
        int start = Paging.start(in.get("NextToken"), this);
        ObjectNode out = MAPPER.createObjectNode();
        ArrayNode list = out.putArray("Accounts");
        for (OrganizationFixture.Account a : Paging.slice(accounts, start, size)) {
            list.addObject().put("Id", a.id()).put("Arn", accountArn(a.id())).put("Email", a.email())
                    .put("Name", a.name()).put("Status", "PENDING_CLOSURE".equals(a.status()) ? "SUSPENDED" : a.status())
                    .put("State", a.status())
                    .put("JoinedMethod", a.id().equals(organization.managementAccountId) ? "CREATED" : "INVITED")
                    .put("JoinedTimestamp", a.joined().getEpochSecond());
        }
        putNext(out, Paging.next(accounts, start, size));
        return out;
    }

    private ObjectNode parents(String child) {
        String parent = null;
        OrganizationFixture.Account account = organization.account(child);
        if (account != null) {
            parent = account.parentId();
        } else {
            for (OrganizationFixture.Unit u : organization.units) {
                if (u.id().equals(child)) {
                    parent = u.parentId();
                }
            }
        }
        if (parent == null) {
            throw ApiError.badRequest("ChildNotFoundException", "We can't find an organizational unit (OU) or"
                    + " AWS account with the ChildId that you specified.");
        }
        ObjectNode out = MAPPER.createObjectNode();
        out.putArray("Parents").addObject().put("Id", parent)
                .put("Type", parent.equals(organization.rootId) ? "ROOT" : "ORGANIZATIONAL_UNIT");
        return out;
    }

    private void page(ObjectNode in, CallContext ctx) {
        Paging.size(in.get("MaxResults"), ctx.defaultPageSize, MAX_RESULTS, this);
        Paging.start(in.get("NextToken"), this);
    }

    private static void putNext(ObjectNode out, String next) {
        if (next != null) {
            out.put("NextToken", next);
        }
    }

    private String accountArn(String accountId) {
        return "arn:aws:organizations::" + organization.managementAccountId + ":account/" + organization.id + "/"
                + accountId;
    }
}
