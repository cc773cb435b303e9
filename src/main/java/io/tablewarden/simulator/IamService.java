package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * IAM (Query protocol): only ListAccountAliases, for {@code profiles test}. The aliases come from the fixture's
 * {@code identities.accountAliases} and belong to the fixture's account; a caller from another account (an
 * assumed role elsewhere) sees none.
 */
final class IamService extends QueryXmlService {

    private final IssuedSessions sessions;

    IamService(IssuedSessions sessions) {
        super("iam", "https://iam.amazonaws.com/doc/2010-05-08/", Set.of("ListAccountAliases"),
                Map.of(CommonError.SERVER_ERROR, new ErrorCode("ServiceFailure", 500)),
                new ErrorCode("InvalidInput", 400));
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
}
