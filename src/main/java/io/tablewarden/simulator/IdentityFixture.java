package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The optional {@code identities} block of a fixture: which roles STS AssumeRole may hand out (with their
 * external id and MFA requirements) and how IAM Identity Center sign-in behaves. A fixture without the block
 * lets any well-formed role be assumed and any role be reached through Identity Center.
 */
final class IdentityFixture {

    static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):role/(?:[\\w+=,.@-]+/)*([\\w+=,.@-]{1,64})");

    /** A role that may be assumed; null members impose no condition. */
    record Role(String roleArn, String externalId, String mfaSerialNumber, String mfaTokenCode) {
    }

    /** An account role reachable through Identity Center. */
    record SsoRole(String accountId, String roleName) {
    }

    static final IdentityFixture OPEN = new IdentityFixture(null, 1, 0, Set.of(), null, List.of());

    /** Listed roles, or null when any role may be assumed. */
    final List<Role> roles;
    /** How many CreateToken polls answer authorization_pending before the sign-in counts as approved. */
    final int pendingPolls;
    /** How many CreateToken polls, before the pending ones, answer slow_down. */
    final int slowDownPolls;
    /** Access tokens the portal accepts besides those the simulator issued itself (e.g. written by another tool). */
    final Set<String> acceptedAccessTokens;
    /** Reachable Identity Center roles, or null when any is. */
    final List<SsoRole> ssoRoles;
    /** IAM ListAccountAliases of the fixture's account. */
    final List<String> accountAliases;

    private IdentityFixture(List<Role> roles, int pendingPolls, int slowDownPolls, Set<String> acceptedAccessTokens,
                            List<SsoRole> ssoRoles, List<String> accountAliases) {
        this.slowDownPolls = slowDownPolls;
        this.accountAliases = accountAliases;
        this.roles = roles;
        this.pendingPolls = pendingPolls;
        this.acceptedAccessTokens = acceptedAccessTokens;
        this.ssoRoles = ssoRoles;
    }

    Optional<Role> role(String roleArn) {
        if (roles == null) {
            return Optional.of(new Role(roleArn, null, null, null));
        }
        return roles.stream().filter(r -> r.roleArn().equals(roleArn)).findFirst();
    }

    boolean ssoRoleExists(String accountId, String roleName) {
        return ssoRoles == null || ssoRoles.contains(new SsoRole(accountId, roleName));
    }

    static IdentityFixture parse(JsonNode block) throws FixtureException {
        String base = "$.identities";
        if (block == null || block.isMissingNode() || block.isNull()) {
            return OPEN;
        }
        if (!block.isObject()) {
            throw new FixtureException(base, "must be an object");
        }
        List<Role> roles = null;
        JsonNode rolesNode = block.get("roles");
        if (rolesNode != null) {
            if (!rolesNode.isArray()) {
                throw new FixtureException(base + ".roles", "must be an array");
            }
            roles = new ArrayList<>();
            for (int i = 0; i < rolesNode.size(); i++) {
                String at = base + ".roles[" + i + "]";
                JsonNode r = rolesNode.get(i);
                String arn = text(r, "RoleArn", at, true);
                if (!ROLE_ARN.matcher(arn).matches()) {
                    throw new FixtureException(at + ".RoleArn", "not a role ARN: \"" + arn + "\"");
                }
                String serial = text(r, "MfaSerialNumber", at, false);
                String code = text(r, "MfaTokenCode", at, false);
                if ((serial == null) != (code == null)) {
                    throw new FixtureException(at, "MfaSerialNumber and MfaTokenCode go together");
                }
                roles.add(new Role(arn, text(r, "ExternalId", at, false), serial, code));
            }
        }
        JsonNode sso = block.path("sso");
        int pending = 1;
        int slowDown = 0;
        Set<String> tokens = Set.of();
        List<SsoRole> ssoRoles = null;
        if (!sso.isMissingNode()) {
            String at = base + ".sso";
            if (!sso.isObject()) {
                throw new FixtureException(at, "must be an object");
            }
            pending = count(sso, "pendingPolls", at, 1);
            slowDown = count(sso, "slowDownPolls", at, 0);
            List<String> accepted = new ArrayList<>();
            for (JsonNode t : sso.path("accessTokens")) {
                accepted.add(t.asText());
            }
            tokens = Set.copyOf(accepted);
            JsonNode list = sso.get("roles");
            if (list != null) {
                ssoRoles = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    String rat = at + ".roles[" + i + "]";
                    String account = text(list.get(i), "accountId", rat, true);
                    if (!account.matches("\\d{12}")) {
                        throw new FixtureException(rat + ".accountId", "must be 12 digits");
                    }
                    ssoRoles.add(new SsoRole(account, text(list.get(i), "roleName", rat, true)));
                }
            }
        }
        List<String> aliases = new ArrayList<>();
        for (JsonNode a : block.path("accountAliases")) {
            aliases.add(a.asText());
        }
        return new IdentityFixture(roles, pending, slowDown, tokens, ssoRoles, List.copyOf(aliases));
    }

    private static int count(JsonNode node, String field, String at, int otherwise) throws FixtureException {
        JsonNode v = node.get(field);
        if (v == null) {
            return otherwise;
        }
        if (!v.isIntegralNumber() || v.asInt() < 0) {
            throw new FixtureException(at + "." + field, "must be a whole number >= 0");
        }
        return v.asInt();
    }

    private static String text(JsonNode node, String field, String at, boolean required) throws FixtureException {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new FixtureException(at + "." + field, "is required");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw new FixtureException(at + "." + field, "must be a non-empty string");
        }
        return v.asText();
    }
}
