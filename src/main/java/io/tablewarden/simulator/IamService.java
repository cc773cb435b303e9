package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;

/**
 * IAM (Query protocol): only ListAccountAliases, for {@code profiles test}. The aliases come from the fixture's
 * {@code identities.accountAliases} and belong to the fixture's account; a caller from another account (an
 * assumed role elsewhere) sees none.
 */
final class IamService extends QueryXmlService {

    private final IssuedSessions sessions;

    IamService(IssuedSessions sessions) {
        super("iam", "https://iam.amazonaws.com/doc/2010-05-08/", Set.of("ListAccountAliases"));
        this.sessions = sessions;
    }

    @Override
    String handle(String action, ObjectNode input, CallContext ctx) {
        IssuedSessions.Session session = sessions.session(ctx.request.accessKeyId);
        boolean home = session == null || session.account().equals(ctx.fixture.account);
        List<String> aliases = home ? ctx.fixture.identities.accountAliases : List.of();
        StringBuilder members = new StringBuilder();
        for (String alias : aliases) {
            members.append("<member>").append(escape(alias)).append("</member>");
        }
        return "<ListAccountAliasesResponse xmlns=\"" + namespace + "\"><ListAccountAliasesResult>"
                + "<IsTruncated>false</IsTruncated><AccountAliases>" + members + "</AccountAliases>"
                + "</ListAccountAliasesResult>"
                + "<ResponseMetadata><RequestId>{requestId}</RequestId></ResponseMetadata></ListAccountAliasesResponse>";
    }

    @Override
    public ApiError commonError(CommonError kind, String message) {
        switch (kind) {
            case THROTTLED:
                return new ApiError("Throttling", 400, message);
            case SERVER_ERROR:
                return new ApiError("ServiceFailure", 500, message);
            case ACCESS_DENIED:
                return new ApiError("AccessDenied", 403, message);
            case UNRECOGNIZED_CLIENT:
                return new ApiError("InvalidClientTokenId", 403, message);
            case EXPIRED_TOKEN:
                return new ApiError("ExpiredToken", 403, message);
            case UNKNOWN_OPERATION:
                return new ApiError("InvalidAction", 400, message);
            default:
                return new ApiError("InvalidInput", 400, message);
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
