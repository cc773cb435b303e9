package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;

/** STS (Query protocol): only GetCallerIdentity, which tells the auditor whose account it is looking at. */
final class StsService extends QueryXmlService {

    StsService() {
        super("sts", "https://sts.amazonaws.com/doc/2011-06-15/", Set.of("GetCallerIdentity"));
    }

    @Override
    String handle(String action, ObjectNode input, CallContext ctx) {
        Fixture f = ctx.fixture;
        return "<GetCallerIdentityResponse xmlns=\"" + namespace + "\">"
                + "<GetCallerIdentityResult>"
                + "<Arn>" + escape(f.callerArn) + "</Arn>"
                + "<UserId>" + escape(userId(f)) + "</UserId>"
                + "<Account>" + f.account + "</Account>"
                + "</GetCallerIdentityResult>"
                + "<ResponseMetadata><RequestId>{requestId}</RequestId></ResponseMetadata>"
                + "</GetCallerIdentityResponse>";
    }

    /**
     * Shaped like AWS's: the account id for the root user, {@code AROA...:session} for an assumed role and
     * {@code AIDA...} otherwise, with a stable made-up unique part derived from the ARN.
     */
    static String userId(Fixture f) {
        if (f.callerArn.endsWith(":root")) {
            return f.account;
        }
        String hex = Integer.toHexString(f.callerArn.hashCode()).toUpperCase(java.util.Locale.ROOT);
        String unique = "0".repeat(Math.max(0, 17 - hex.length())) + hex;
        if (f.callerArn.contains(":assumed-role/")) {
            return "AROA" + unique + ":" + f.callerArn.substring(f.callerArn.lastIndexOf('/') + 1);
        }
        return "AIDA" + unique;
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
