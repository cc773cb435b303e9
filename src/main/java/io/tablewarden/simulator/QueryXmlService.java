package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;

/**
 * Base of the Query-protocol services (STS, EC2): form-encoded {@code Action=...} requests, XML answers. STS and
 * EC2 differ in their error envelope, which subclasses choose.
 */
abstract class QueryXmlService implements SimService {

    private final String iamPrefix;
    private final Set<String> actions;
    final String namespace;

    QueryXmlService(String iamPrefix, String namespace, Set<String> actions) {
        this.iamPrefix = iamPrefix;
        this.namespace = namespace;
        this.actions = actions;
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
