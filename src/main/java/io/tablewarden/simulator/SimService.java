package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One simulated AWS service: it recognises its requests, names the operation, answers it from the fixture and
 * renders errors in its own wire protocol.
 */
interface SimService {

    /** IAM service prefix, e.g. {@code dynamodb}; also the first half of the counter keys. */
    String iamPrefix();

    /** False for the calls AWS takes without SigV4 (IAM Identity Center sign-in and its bearer-token portal). */
    default boolean signed() {
        return true;
    }

    /** Works out the operation and its input, or throws the protocol's unknown-operation error. */
    Call parse(SimRequest request);

    /**
     * The ARN the call acts on, for access-denied rules, or {@code null} when it lists or names no single resource.
     */
    String resourceArn(Call call, CallContext ctx);

    /** Answers the call from the fixture; failures are thrown as {@link ApiError}. */
    SimResponse invoke(Call call, CallContext ctx);

    /** The error this service answers for a cross-cutting condition. */
    ApiError commonError(CommonError kind, String message);

    /** Renders an error the way this protocol does. */
    SimResponse errorResponse(ApiError error, String requestId);

    /** A parsed call: the operation name and its input as a JSON object (query or path parameters included). */
    record Call(String operation, ObjectNode input) {
    }
}
