package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AWS Security Hub's BatchImportFindings (REST-JSON, {@code POST /findings/import}), the one write a simulated
 * account accepts, because {@code tablewarden publish} sends findings there. It checks what AWS documents for a
 * finding sent to the account's default custom integration: at most 100 findings a call, the caller's own account
 * in {@code AwsAccountId}, a product ARN of the region called, the required fields, and 240 KB per finding. An
 * accepted finding replaces the earlier one with the same product ARN and id, except its {@code Workflow}, which
 * an import does not change once the finding exists. The per-finding error codes are the simulator's own words.
 */
final class SecurityHubService implements SimService {

    static final int MAX_FINDINGS = 100;
    static final int MAX_FINDING_BYTES = 240 * 1024;
    private static final List<String> REQUIRED = List.of("SchemaVersion", "Id", "ProductArn", "GeneratorId",
            "AwsAccountId", "CreatedAt", "UpdatedAt", "Title", "Description");

    private final Map<String, ObjectNode> findings = new ConcurrentHashMap<>();

    /** The stored findings of {@code region}, in no particular order. */
    List<ObjectNode> findings(String region) {
        String prefix = region + ' ';
        List<ObjectNode> out = new ArrayList<>();
        findings.forEach((key, finding) -> {
            if (key.startsWith(prefix)) {
                out.add(finding.deepCopy());
            }
        });
        return out;
    }

    @Override
    public String iamPrefix() {
        return "securityhub";
    }

    static boolean handles(SimRequest request) {
        return "securityhub".equals(request.signingService)
                || request.signingService == null && request.rawPath.startsWith("/findings");
    }

    @Override
    public Call parse(SimRequest request) {
        if (!"POST".equals(request.method) || !"/findings/import".equals(request.rawPath)) {
            throw commonError(CommonError.UNKNOWN_OPERATION, "This simulator answers only BatchImportFindings of"
                    + " Security Hub, not " + request.method + " " + request.rawPath);
        }
        JsonNode body;
        try {
            body = request.body.length == 0 ? null : JsonService.MAPPER.readTree(request.body);
        } catch (java.io.IOException e) {
            throw ApiError.badRequest("InvalidInputException", "The request body is not JSON");
        }
        if (!(body instanceof ObjectNode object)) {
            throw ApiError.badRequest("InvalidInputException", "The request body is not a JSON object");
        }
        return new Call("BatchImportFindings", object);
    }

    @Override
    public String resourceArn(Call call, CallContext ctx) {
        return null;
    }

    @Override
    public SimResponse invoke(Call call, CallContext ctx) {
        JsonNode list = call.input().get("Findings");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw ApiError.badRequest("InvalidInputException", "Findings must hold at least one finding");
        }
        if (list.size() > MAX_FINDINGS) {
            throw ApiError.badRequest("InvalidInputException", "Findings holds " + list.size()
                    + " findings; a call takes at most " + MAX_FINDINGS);
        }
        String productArn = "arn:" + ctx.fixture.partition + ":securityhub:" + ctx.regionName + ":"
                + ctx.fixture.account + ":product/" + ctx.fixture.account + "/default";
        ArrayNode failed = JsonService.MAPPER.createArrayNode();
        int imported = 0;
        for (JsonNode item : list) {
            String id = item.path("Id").asText("");
            Refusal refusal = refusal(item, productArn, ctx.fixture.account);
            if (refusal != null) {
                failed.addObject().put("Id", id.isEmpty() ? "(none)" : id)
                        .put("ErrorCode", refusal.code())
                        .put("ErrorMessage", refusal.message());
                continue;
            }
            ObjectNode finding = ((ObjectNode) item).deepCopy();
            findings.merge(ctx.regionName + ' ' + productArn + ' ' + id, finding, (old, fresh) -> {
                if (old.has("Workflow")) {
                    fresh.set("Workflow", old.get("Workflow"));
                }
                return fresh;
            });
            imported++;
        }
        ObjectNode out = JsonService.MAPPER.createObjectNode();
        out.put("FailedCount", failed.size());
        out.put("SuccessCount", imported);
        out.set("FailedFindings", failed);
        return new SimResponse(200, "application/json", JsonService.write(out));
    }

    /** Why one finding of a call is refused: the per-finding error code and message. */
    private record Refusal(String code, String message) {
    }

    /** Why {@code finding} is refused, or null when it is accepted. */
    private static Refusal refusal(JsonNode finding, String productArn, String account) {
        if (!finding.isObject()) {
            return new Refusal("InvalidInput", "a finding must be a JSON object");
        }
        for (String field : REQUIRED) {
            if (!finding.path(field).isTextual() || finding.path(field).asText().isBlank()) {
                return new Refusal("InvalidInput", field + " is required");
            }
        }
        if (!finding.path("Severity").has("Label") && !finding.path("FindingProviderFields").path("Severity")
                .has("Label")) {
            return new Refusal("InvalidInput", "Severity.Label or FindingProviderFields.Severity.Label is required");
        }
        JsonNode resources = finding.path("Resources");
        if (!resources.isArray() || resources.isEmpty()) {
            return new Refusal("InvalidInput", "Resources must name at least one resource");
        }
        for (JsonNode resource : resources) {
            if (!resource.path("Type").isTextual() || !resource.path("Id").isTextual()) {
                return new Refusal("InvalidInput", "every resource needs Type and Id");
            }
        }
        if (!account.equals(finding.path("AwsAccountId").asText())) {
            return new Refusal("AccessDenied", "AwsAccountId " + finding.path("AwsAccountId").asText()
                    + " is not the calling account " + account);
        }
        if (!productArn.equals(finding.path("ProductArn").asText())) {
            return new Refusal("InvalidProductArn", "ProductArn " + finding.path("ProductArn").asText()
                    + " is not the default integration of this account and region, " + productArn);
        }
        if (JsonService.write(finding).length > MAX_FINDING_BYTES) {
            return new Refusal("FindingTooLarge", "a finding may hold at most 240 KB");
        }
        return null;
    }

    @Override
    public ApiError commonError(CommonError kind, String message) {
        return switch (kind) {
            case THROTTLED -> new ApiError("TooManyRequestsException", 429, message);
            case SERVER_ERROR -> new ApiError("InternalException", 500, message);
            case ACCESS_DENIED -> new ApiError("AccessDeniedException", 403, message);
            case UNRECOGNIZED_CLIENT -> new ApiError("UnrecognizedClientException", 403, message);
            case EXPIRED_TOKEN -> new ApiError("ExpiredTokenException", 403, message);
            case UNKNOWN_OPERATION -> new ApiError("UnknownOperationException", 404, message);
            default -> new ApiError("InvalidInputException", 400, message);
        };
    }

    @Override
    public SimResponse errorResponse(ApiError error, String requestId) {
        return BackupRestService.restJsonError(error);
    }
}
