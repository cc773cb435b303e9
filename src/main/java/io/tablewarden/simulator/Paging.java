package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Offset-based page tokens and page-size rules shared by the list operations. */
final class Paging {

    private static final String PREFIX = "tw1:";

    private Paging() {
    }

    /**
     * The page size for a call: the client's value when given (rejected outside {@code 1..max}), else the default
     * capped at {@code max}.
     */
    static int size(JsonNode requested, int defaultSize, int max, SimService service) {
        if (requested == null || requested.isNull() || requested.isMissingNode()
                || (requested.isTextual() && requested.asText().isEmpty())) {
            return Math.min(defaultSize, max);
        }
        int n;
        try {
            n = requested.isTextual() ? Integer.parseInt(requested.asText()) : requested.intValue();
        } catch (NumberFormatException e) {
            throw service.commonError(CommonError.VALIDATION, "page size is not a number: " + requested.asText());
        }
        if (n < 1 || n > max) {
            throw service.commonError(CommonError.VALIDATION, "page size must be between 1 and " + max + ", got " + n);
        }
        return n;
    }

    /** Decodes a token handed out by {@link #token(int)}; absent = start of the list. */
    static int start(JsonNode token, SimService service) {
        if (token == null || token.isNull() || token.isMissingNode() || token.asText().isEmpty()) {
            return 0;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token.asText()), StandardCharsets.UTF_8);
            if (raw.startsWith(PREFIX)) {
                int n = Integer.parseInt(raw.substring(PREFIX.length()));
                if (n >= 0) {
                    return n;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the invalid-token answer below
        }
        throw service.commonError(CommonError.INVALID_TOKEN, "The pagination token is invalid.");
    }

    static String token(int nextIndex) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + nextIndex).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The repeated-token fault, as moto serves Application Auto Scaling past 100 targets: a page asked for with a
     * token answers its items and that same token as the next one, even on the last page. The first page is
     * served as it is, so a listing of two pages or more never ends for a client that follows tokens blindly.
     */
    static SimResponse repeatToken(SimResponse answer, SimRequest request) {
        if (answer.status != 200 || answer.body.length == 0) {
            return answer;
        }
        try {
            String fromQuery = request.queryParameters().get("nextToken");
            JsonNode in = request.body.length == 0 ? null : JsonService.MAPPER.readTree(request.body);
            JsonNode body = JsonService.MAPPER.readTree(answer.body);
            if (!(body instanceof ObjectNode)) {
                return answer;
            }
            ObjectNode out = (ObjectNode) body;
            if (fromQuery != null && !fromQuery.isEmpty()) {
                out.put("NextToken", fromQuery);
            } else if (has(in, "NextToken")) {
                out.put("NextToken", in.get("NextToken").asText());
            } else if (has(in, "PaginationToken")) {
                out.put("PaginationToken", in.get("PaginationToken").asText());
            } else if (has(in, "ExclusiveStartTableName")) {
                out.put("LastEvaluatedTableName", in.get("ExclusiveStartTableName").asText());
            } else if (has(in, "Marker")) {
                out.put("NextMarker", in.get("Marker").asText());
                out.put("Truncated", true);
            } else {
                return answer;
            }
            byte[] written = JsonService.write(out);
            SimResponse repeated = new SimResponse(answer.status, answer.contentType, written);
            answer.headers.forEach(repeated::header);
            answer.headers.keySet().stream().filter(h -> h.equalsIgnoreCase("x-amz-crc32")).findFirst()
                    .ifPresent(h -> {
                        // DynamoDB's checksum of the body must match the rewritten body.
                        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                        crc.update(written);
                        repeated.header(h, Long.toString(crc.getValue()));
                    });
            return repeated;
        } catch (java.io.IOException notJson) {
            // Not a JSON listing: nothing to repeat.
            return answer;
        }
    }

    private static boolean has(JsonNode in, String field) {
        return in != null && in.hasNonNull(field) && !in.get(field).asText().isEmpty();
    }

    /** The slice {@code [start, start+size)} of {@code items}, clipped to the list. */
    static <T> List<T> slice(List<T> items, int start, int size) {
        int from = Math.min(start, items.size());
        return items.subList(from, Math.min(items.size(), from + size));
    }

    /** Token for the page after the slice, or null when the slice reached the end. */
    static String next(List<?> items, int start, int size) {
        return start + size < items.size() ? token(start + size) : null;
    }
}
