package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;

/**
 * STS AssumeRole against the fixture's {@code identities.roles}: checks the RoleArn format, the role's
 * ExternalId and MFA requirements, and hands out temporary credentials remembered in {@link IssuedSessions}.
 */
final class StsAssumeRole {

    private StsAssumeRole() {
    }

    static String handle(ObjectNode input, CallContext ctx, IssuedSessions sessions, String caller, String namespace,
                         SimService sts) {
        String roleArn = input.path("RoleArn").asText("");
        String sessionName = input.path("RoleSessionName").asText("");
        Matcher m = IdentityFixture.ROLE_ARN.matcher(roleArn);
        if (!m.matches()) {
            throw new ApiError("ValidationError", 400, "1 validation error detected: Value '" + roleArn
                    + "' at 'roleArn' failed to satisfy constraint: Member must be a valid role ARN");
        }
        if (!sessionName.matches("[\\w+=,.@-]{2,64}")) {
            throw new ApiError("ValidationError", 400, "1 validation error detected: Value '" + sessionName
                    + "' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression"
                    + " pattern: [\\w+=,.@-]*");
        }
        int duration = input.path("DurationSeconds").asInt(3600);
        if (duration < 900 || duration > 43200) {
            throw new ApiError("ValidationError", 400, "1 validation error detected: Value '" + duration
                    + "' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200");
        }
        String denied = "User: " + caller + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn;
        IdentityFixture.Role role = ctx.fixture.identities.role(roleArn)
                .orElseThrow(() -> sts.commonError(CommonError.ACCESS_DENIED, denied));
        if (role.externalId() != null && !role.externalId().equals(input.path("ExternalId").asText(null))) {
            throw sts.commonError(CommonError.ACCESS_DENIED, denied);
        }
        if (role.mfaSerialNumber() != null) {
            String serial = input.path("SerialNumber").asText(null);
            String code = input.path("TokenCode").asText(null);
            if (serial == null || code == null) {
                throw sts.commonError(CommonError.ACCESS_DENIED,
                        "MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.");
            }
            if (!serial.equals(role.mfaSerialNumber()) || !code.equals(role.mfaTokenCode())) {
                throw sts.commonError(CommonError.ACCESS_DENIED,
                        "MultiFactorAuthentication failed with invalid MFA one time pass code.");
            }
        }
        String account = m.group(1);
        String assumedArn = "arn:" + ctx.fixture.partition + ":sts::" + account + ":assumed-role/" + m.group(2)
                + "/" + sessionName;
        Instant expiration = Instant.now().plusSeconds(duration).truncatedTo(ChronoUnit.SECONDS);
        return issue(sessions, assumedArn, account, expiration, namespace);
    }

    /** Issues credentials for {@code assumedArn} in {@code account} and renders the AssumeRole answer. */
    static String issue(IssuedSessions sessions, String assumedArn, String account, Instant expiration,
                        String namespace) {
        IssuedSessions.Session s = sessions.issue(assumedArn, account, expiration);
        String roleId = StsService.userId(assumedArn, account);
        return "<AssumeRoleResponse xmlns=\"" + namespace + "\"><AssumeRoleResult>"
                + "<AssumedRoleUser><AssumedRoleId>" + QueryXmlService.escape(roleId) + "</AssumedRoleId>"
                + "<Arn>" + QueryXmlService.escape(assumedArn) + "</Arn></AssumedRoleUser>"
                + "<Credentials><AccessKeyId>" + s.accessKeyId() + "</AccessKeyId>"
                + "<SecretAccessKey>" + s.secretAccessKey() + "</SecretAccessKey>"
                + "<SessionToken>" + s.sessionToken() + "</SessionToken>"
                + "<Expiration>" + DateTimeFormatter.ISO_INSTANT.format(expiration) + "</Expiration></Credentials>"
                + "</AssumeRoleResult>"
                + "<ResponseMetadata><RequestId>{requestId}</RequestId></ResponseMetadata></AssumeRoleResponse>";
    }
}
