package io.tablewarden.model;

import java.util.Map;
import java.util.regex.Pattern;

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
 * @param cause        why the resource failed, as one of the check's cause ids (lower snake case, e.g.
 *                     {@code region_not_opted_in}), which picks the fix for that cause from the check's metadata;
 *                     null when the check names no narrower cause than its generic fix
 */
public record CheckResult(String checkId, ResourceRef resource, Status status, Severity severity, String statusText,
                          Map<String, Object> evidence, Map<String, String> placeholders, String cause) {

    /** The form of a cause id: what the metadata keys its fixes by. */
    public static final Pattern CAUSE_ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public CheckResult {
        // A compact copy: a large scan holds hundreds of thousands of results.
        evidence = evidence == null ? Map.of() : SmallOrderedMap.copyOf(evidence);
        placeholders = placeholders == null ? Map.of() : Map.copyOf(placeholders);
        if (cause != null && !CAUSE_ID.matcher(cause).matches()) {
            throw new IllegalArgumentException("not a cause id: " + cause);
        }
    }

    /** A result without a cause of its own: its fix is the check's generic one. */
    public CheckResult(String checkId, ResourceRef resource, Status status, Severity severity, String statusText,
                       Map<String, Object> evidence, Map<String, String> placeholders) {
        this(checkId, resource, status, severity, statusText, evidence, placeholders, null);
    }

    /** Stable identity of a finding across scans. */
    public String identity() {
        return checkId + "|" + resource.accountId() + "|" + resource.region() + "|" + resource.arn();
    }
}
