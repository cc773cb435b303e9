package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.JsonNode;

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

    /** Where the list operations take their page token, whichever protocol and spelling they use. */
    private static final List<String> INPUT_TOKENS = List.of("NextToken", "nextToken", "ExclusiveStartTableName",
            "Marker");
    /** Where they hand out the next one. */
    private static final List<String> OUTPUT_TOKENS = List.of("NextToken", "LastEvaluatedTableName", "NextMarker");

    /**
     * The repeated-token fault: a page that has a next page hands back the token it was asked with (the first
     * page's token stays as it is), so the second page names itself as the next one forever.
     */
    static SimResponse repeatToken(SimResponse answer, SimRequest request) {
        if (answer.status != 200 || answer.body.length == 0) {
            return answer;
        }
        String asked = inputToken(request);
        if (asked == null) {
            return answer;
        }
        try {
            JsonNode body = JsonService.MAPPER.readTree(answer.body);
            if (!(body instanceof com.fasterxml.jackson.databind.node.ObjectNode)) {
                return answer;
            }
            com.fasterxml.jackson.databind.node.ObjectNode out = (com.fasterxml.jackson.databind.node.ObjectNode) body;
            for (String field : OUTPUT_TOKENS) {
                if (out.hasNonNull(field)) {
                    out.put(field, asked);
                    SimResponse repeated = new SimResponse(answer.status, answer.contentType, JsonService.write(out));
                    answer.headers.forEach(repeated::header);
                    return repeated;
                }
            }
        } catch (java.io.IOException notJson) {
            // Not a JSON listing: nothing to repeat.
        }
        return answer;
    }

    private static String inputToken(SimRequest request) {
        String fromQuery = request.queryParameters().get("nextToken");
        if (fromQuery != null && !fromQuery.isEmpty()) {
            return fromQuery;
        }
        try {
            JsonNode in = request.body.length == 0 ? null : JsonService.MAPPER.readTree(request.body);
            for (String field : INPUT_TOKENS) {
                if (in != null && in.hasNonNull(field) && !in.get(field).asText().isEmpty()) {
                    return in.get(field).asText();
                }
            }
        } catch (java.io.IOException notJson) {
            // A query-protocol request carries no JSON token.
        }
        return null;
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
