package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Set;

/**
 * Base of the AWS JSON 1.0 / 1.1 services: {@code POST /} with {@code X-Amz-Target: <prefix>.<Operation>} and a
 * JSON body; errors are a JSON body whose {@code __type} names the error.
 */
abstract class JsonService implements SimService {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final String targetPrefix;
    private final String iamPrefix;
    private final String contentType;
    private final String typePrefix;
    private final Set<String> operations;

    JsonService(String targetPrefix, String iamPrefix, String jsonVersion, String typePrefix, Set<String> operations) {
        this.targetPrefix = targetPrefix;
        this.iamPrefix = iamPrefix;
        this.contentType = "application/x-amz-json-" + jsonVersion;
        this.typePrefix = typePrefix;
        this.operations = operations;
    }

    /** The {@code X-Amz-Target} prefix including the dot, e.g. {@code DynamoDB_20120810.}. */
    String targetPrefix() {
        return targetPrefix;
    }

    @Override
    public String iamPrefix() {
        return iamPrefix;
    }

    @Override
    public Call parse(SimRequest request) {
        String target = request.header("X-Amz-Target");
        String op = target == null ? "" : target.substring(Math.min(target.length(), targetPrefix.length()));
        if (!operations.contains(op)) {
            throw commonError(CommonError.UNKNOWN_OPERATION, "Unknown operation " + op);
        }
        ObjectNode input;
        try {
            JsonNode parsed = request.body.length == 0 ? null : MAPPER.readTree(request.body);
            input = parsed instanceof ObjectNode ? (ObjectNode) parsed : MAPPER.createObjectNode();
        } catch (IOException e) {
            throw new ApiError("SerializationException", 400, "Request body is not valid JSON");
        }
        return new Call(op, input);
    }

    @Override
    public SimResponse invoke(Call call, CallContext ctx) {
        ObjectNode out = handle(call.operation(), call.input(), ctx);
        return new SimResponse(200, contentType, write(out));
    }

    /** Answers one operation; the input is the request body. */
    abstract ObjectNode handle(String operation, ObjectNode input, CallContext ctx);

    @Override
    public SimResponse errorResponse(ApiError error, String requestId) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("__type", typePrefix + error.code());
        body.put("message", error.getMessage());
        return new SimResponse(error.status(), contentType, write(body));
    }

    @Override
    public ApiError commonError(CommonError kind, String message) {
        switch (kind) {
            case THROTTLED:
                return ApiError.badRequest("ThrottlingException", message);
            case SERVER_ERROR:
                return new ApiError("InternalServerError", 500, message);
            case ACCESS_DENIED:
                return ApiError.badRequest("AccessDeniedException", message);
            case UNRECOGNIZED_CLIENT:
                return ApiError.badRequest("UnrecognizedClientException", message);
            case EXPIRED_TOKEN:
                return ApiError.badRequest("ExpiredTokenException", message);
            case UNKNOWN_OPERATION:
                return ApiError.badRequest("UnknownOperationException", message);
            case INVALID_TOKEN:
                return ApiError.badRequest(invalidTokenCode(), message);
            default:
                return ApiError.badRequest(validationCode(), message);
        }
    }

    /** Error code for a page token the service did not hand out. */
    String invalidTokenCode() {
        return validationCode();
    }

    String validationCode() {
        return "ValidationException";
    }

    /** A required string member, or the service's validation error. */
    String requiredText(ObjectNode input, String member) {
        JsonNode v = input.get(member);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw commonError(CommonError.VALIDATION, "1 validation error detected: " + member + " must not be null");
        }
        return v.asText();
    }

    static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise response", e);
        }
    }
}
