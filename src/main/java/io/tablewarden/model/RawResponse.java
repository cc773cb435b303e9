package io.tablewarden.model;

/**
 * One AWS answer exactly as it came over the wire, kept so that a stored scan can show its evidence in AWS's
 * own words, be re-evaluated offline and be exported again as an account fixture.
 *
 * @param region       region the call was signed for
 * @param action       IAM-style name of the operation, e.g. {@code dynamodb:DescribeTable}
 * @param resourceKey  what the call was about: a table, cluster, key or recovery-point resource ARN, a backup
 *                     plan id, a {@code planId/selectionId} pair or a vault name; null for region-wide listings
 * @param requestJson  the request parameters as JSON (never credentials)
 * @param responseJson the response body as JSON
 */
public record RawResponse(String region, String action, String resourceKey, String requestJson,
                          String responseJson) {
}
