package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;

/**
 * Base of the Query-protocol services (IAM, STS, EC2): form-encoded {@code Action=...} requests, XML answers.
 * Errors come in the Query protocol's {@code ErrorResponse} envelope, with the codes IAM and STS share, unless a
 * subclass names its own codes or, like EC2, chooses its own envelope.
 */
abstract class QueryXmlService implements SimService {

    /** The code and HTTP status with which a service answers one common error. */
    record ErrorCode(String code, int status) {
    }

    /** The common errors as the Query protocol names them; IAM and STS answer them alike. */
    private static final Map<CommonError, ErrorCode> QUERY_ERRORS = Map.of(
            CommonError.THROTTLED, new ErrorCode("Throttling", 400),
            CommonError.ACCESS_DENIED, new ErrorCode("AccessDenied", 403),
            CommonError.UNRECOGNIZED_CLIENT, new ErrorCode("InvalidClientTokenId", 403),
            CommonError.EXPIRED_TOKEN, new ErrorCode("ExpiredToken", 403),
            CommonError.UNKNOWN_OPERATION, new ErrorCode("InvalidAction", 400));

    private final String iamPrefix;
    private final Set<String> actions;
    private final Map<CommonError, ErrorCode> ownErrors;
    private final ErrorCode otherError;
    final String namespace;

    /**
     * @param ownErrors  the common errors this service answers otherwise than the Query protocol's codes
     * @param otherError the answer to the common errors neither names
     */
    QueryXmlService(String iamPrefix, String namespace, Set<String> actions, Map<CommonError, ErrorCode> ownErrors,
                    ErrorCode otherError) {
        this.iamPrefix = iamPrefix;
        this.namespace = namespace;
        this.actions = actions;
        this.ownErrors = ownErrors;
        this.otherError = otherError;
    }

    @Override
    public String iamPrefix() {
        return iamPrefix;
    }

    /** The Action of a request: from the form body, else from the query string. */
    static String action(SimRequest request) {
        return parameters(request).get("Action");
    }

    static Map<String, String> parameters(SimRequest request) {
        Map<String, String> params = SimRequest.parseForm(request.bodyText());
        request.queryParameters().forEach(params::putIfAbsent);
        return params;
    }

    @Override
    public Call parse(SimRequest request) {
        Map<String, String> params = parameters(request);
        String action = params.getOrDefault("Action", "");
        if (!actions.contains(action)) {
            throw commonError(CommonError.UNKNOWN_OPERATION, "Could not find operation " + action + " for version "
                    + params.getOrDefault("Version", "(none)"));
        }
        ObjectNode input = JsonService.MAPPER.createObjectNode();
        params.forEach(input::put);
        return new Call(action, input);
    }

    @Override
    public String resourceArn(Call call, CallContext ctx) {
        return null;
    }

    @Override
    public SimResponse invoke(Call call, CallContext ctx) {
        String result = handle(call.operation(), call.input(), ctx);
        return new SimResponse(200, "text/xml", result.replace("{requestId}", ctx.request.requestId));
    }

    /** The XML answer of an action; the placeholder {@code {requestId}} is filled in afterwards. */
    abstract String handle(String action, ObjectNode input, CallContext ctx);

    @Override
    public final ApiError commonError(CommonError kind, String message) {
        ErrorCode error = ownErrors.getOrDefault(kind, QUERY_ERRORS.getOrDefault(kind, otherError));
        return new ApiError(error.code(), error.status(), message);
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

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<':
                    b.append("&lt;");
                    break;
                case '>':
                    b.append("&gt;");
                    break;
                case '&':
                    b.append("&amp;");
                    break;
                case '"':
                    b.append("&quot;");
                    break;
                case '\'':
                    b.append("&apos;");
                    break;
                default:
                    b.append(c);
            }
        }
        return b.toString();
    }
}
