package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
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
        super("sts", "https://sts.amazonaws.com/doc/2011-06-15/", Set.of("GetCallerIdentity", "AssumeRole"));
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

    @Override
    public ApiError commonError(CommonError kind, String message) {
        switch (kind) {
            case THROTTLED:
                return new ApiError("Throttling", 400, message);
            case SERVER_ERROR:
                return new ApiError("ServiceUnavailable", 503, message);
            case ACCESS_DENIED:
                return new ApiError("AccessDenied", 403, message);
            case UNRECOGNIZED_CLIENT:
                return new ApiError("InvalidClientTokenId", 403, message);
            case EXPIRED_TOKEN:
                return new ApiError("ExpiredToken", 403, message);
            case UNKNOWN_OPERATION:
                return new ApiError("InvalidAction", 400, message);
            default:
                return new ApiError("InvalidParameterValue", 400, message);
        }
    }

    @Override
    public SimResponse errorResponse(ApiError error, String requestId) {
        String type = error.serverSide() ? "Receiver" : "Sender";
        String xml = "<ErrorResponse xmlns=\"" + namespace + "\">"
                + "<Error><Type>" + type + "</Type><Code>" + escape(error.code()) + "</Code>"
                + "<Message>" + escape(error.getMessage()) + "</Message></Error>"
                + "<RequestId>" + requestId + "</RequestId></ErrorResponse>";
        return new SimResponse(error.status(), "text/xml", xml);
    }
}
