package io.tablewarden.app;

import io.tablewarden.engine.ConnectionSettings;

import java.util.Objects;

/**
 * The role an organisation scan assumes in every member account.
 *
 * @param roleName    the role's name (path included, if any), the same in every member
 * @param externalId  the external id its trust policy requires, or null
 * @param sessionName the role session name that shows in the members' CloudTrail, or null for the default
 */
public record MemberRoleSettings(String roleName, String externalId, String sessionName) {

    /** The role AWS Organizations creates in the accounts it creates. */
    public static final String DEFAULT_ROLE_NAME = "OrganizationAccountAccessRole";

    public MemberRoleSettings {
        Objects.requireNonNull(roleName, "roleName");
        if (!roleName.matches("(?:[\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}")) {
            throw new IllegalArgumentException("not a role name: '" + roleName + "'");
        }
        if (sessionName != null && !sessionName.matches("[\\w+=,.@-]{2,64}")) {
            throw new IllegalArgumentException("a role session name is 2 to 64 of letters, digits and +=,.@-,"
                    + " not '" + sessionName + "'");
        }
        if (externalId != null && !externalId.matches("[\\w+=,.@:/-]{2,1224}")) {
            throw new IllegalArgumentException("an external id is 2 to 1224 of letters, digits and +=,.@:/-");
        }
    }

    /** The default role, no external id. */
    public static MemberRoleSettings defaults() {
        return new MemberRoleSettings(DEFAULT_ROLE_NAME, null, null);
    }

    /** The role's ARN in {@code accountId}. */
    public String roleArn(String partition, String accountId) {
        return "arn:" + (partition == null ? "aws" : partition) + ":iam::" + accountId + ":role/" + roleName;
    }

    /** The member role of one account, for its connection. */
    public ConnectionSettings.MemberRole memberRole(String partition, String accountId) {
        return new ConnectionSettings.MemberRole(roleArn(partition, accountId), externalId, sessionName);
    }
}
