package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * STS (Query protocol): GetCallerIdentity, which tells the auditor whose account it is looking at, and
 * AssumeRole, which profiles with {@code role_arn} use (see {@link StsAssumeRole}). A call signed with
 * credentials that AssumeRole handed out is answered for the assumed role.
 */
final class StsService extends QueryXmlService {

    private final IssuedSessions sessions;

    StsService() {
        this(new IssuedSessions());
    }

    StsService(IssuedSessions sessions) {
        super("sts", "https://sts.amazonaws.com/doc/2011-06-15/", Set.of("GetCallerIdentity", "AssumeRole"),
                Map.of(CommonError.SERVER_ERROR, new ErrorCode("ServiceUnavailable", 503)),
                new ErrorCode("InvalidParameterValue", 400));
        this.sessions = sessions;
    }

    @Override
    String handle(String action, ObjectNode input, CallContext ctx) {
        if ("AssumeRole".equals(action)) {
            return StsAssumeRole.handle(input, ctx, sessions, callerArn(ctx), namespace, this);
        }
        Fixture f = ctx.fixture;
        IssuedSessions.Session session = sessions.session(ctx.request.accessKeyId);
        String arn = session != null ? session.arn() : f.callerArn;
        String account = session != null ? session.account() : f.account;
        return "<GetCallerIdentityResponse xmlns=\"" + namespace + "\">"
                + "<GetCallerIdentityResult>"
                + "<Arn>" + escape(arn) + "</Arn>"
                + "<UserId>" + escape(userId(arn, account)) + "</UserId>"
                + "<Account>" + account + "</Account>"
                + "</GetCallerIdentityResult>"
                + "<ResponseMetadata><RequestId>{requestId}</RequestId></ResponseMetadata>"
                + "</GetCallerIdentityResponse>";
    }

    /**
     * Shaped like AWS's: the account id for the root user, {@code AROA...:session} for an assumed role and
     * {@code AIDA...} otherwise, with a stable made-up unique part derived from the ARN.
     */
    static String userId(Fixture f) {
        return userId(f.callerArn, f.account);
    }

    static String userId(String arn, String account) {
        if (arn.endsWith(":root")) {
            return account;
        }
        String hex = Integer.toHexString(arn.hashCode()).toUpperCase(java.util.Locale.ROOT);
        String unique = "0".repeat(Math.max(0, 17 - hex.length())) + hex;
        if (arn.contains(":assumed-role/")) {
            return "AROA" + unique + ":" + arn.substring(arn.lastIndexOf('/') + 1);
        }
        return "AIDA" + unique;
    }

    /** The identity that signed the request: an issued session's role, else the fixture's caller. */
    String callerArn(CallContext ctx) {
        IssuedSessions.Session session = sessions.session(ctx.request.accessKeyId);
        return session != null && session.expiration().isAfter(Instant.now()) ? session.arn() : ctx.fixture.callerArn;
    }
}
