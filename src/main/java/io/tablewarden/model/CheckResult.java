package io.tablewarden.model;

import java.util.Map;

/**
 * One verdict of one check on one resource. Its identity across scans is
 * {@code (checkId, resource.accountId, resource.region, resource.arn)}.
 *
 * @param checkId      check id, e.g. {@code dynamodb_tables_pitr_enabled}
 * @param resource     the resource evaluated
 * @param status       PASS, FAIL, ERROR or NOT_APPLICABLE
 * @param severity     the check's severity
 * @param statusText   one sentence naming the resource and the exact reason
 * @param evidence     the raw fields that decided the verdict, in display order (values: String, Number, Boolean, List, Map)
 * @param placeholders values for the remediation tokens, keyed without braces ({@code table_name} etc.)
 */
public record CheckResult(String checkId, ResourceRef resource, Status status, Severity severity, String statusText,
                          Map<String, Object> evidence, Map<String, String> placeholders) {

    public CheckResult {
        evidence = evidence == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
        placeholders = placeholders == null ? Map.of() : Map.copyOf(placeholders);
    }

    /** Stable identity of a finding across scans. */
    public String identity() {
        return checkId + "|" + resource.accountId() + "|" + resource.region() + "|" + resource.arn();
    }
}
