package io.tablewarden.ui.results;

import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.Status;

import java.util.Locale;
import java.util.Map;

/** Words and short names the result screens show for statuses, checks and resource types. */
public final class ResultLabels {

    /** Matrix headers must stay narrow, so each built-in check has a short name; the tooltip has the title. */
    private static final Map<String, String> SHORT = Map.ofEntries(
            Map.entry("dynamodb_table_autoscaling_enabled", "Auto scaling"),
            Map.entry("dynamodb_tables_pitr_enabled", "PITR"),
            Map.entry("dynamodb_accelerator_cluster_encryption_enabled", "DAX at rest"),
            Map.entry("dynamodb_table_protected_by_backup_plan", "Backup plan"),
            Map.entry("dynamodb_table_tagged", "Tags"),
            Map.entry("dynamodb_table_deletion_protection_enabled", "Delete protect"),
            Map.entry("dynamodb_accelerator_cluster_in_transit_encryption_enabled", "DAX TLS"),
            Map.entry("dynamodb_tables_kms_cmk_encryption_enabled", "KMS key"),
            Map.entry("dynamodb_table_customer_managed_key", "CMK"),
            Map.entry("dynamodb_table_kms_key_usable", "Key usable"),
            Map.entry("dynamodb_table_kms_key_rotation_enabled", "Key rotation"),
            Map.entry("dynamodb_table_cross_account_access", "Cross account"),
            Map.entry("dynamodb_table_backup_recent_recovery_point", "Recent backup"),
            Map.entry("dynamodb_accelerator_cluster_multi_az", "Multi-AZ"));

    private ResultLabels() {
    }

    /** A short column header for a check; unknown checks get their id without the common prefixes. */
    public static String shortName(String checkId) {
        String known = SHORT.get(checkId);
        if (known != null) {
            return known;
        }
        return checkId.replaceFirst("^dynamodb_(accelerator_cluster_|tables?_)?", "").replace('_', ' ');
    }

    /** The check's title, or its id when the metadata is missing. */
    public static String title(String checkId, CheckMetadata metadata) {
        return metadata == null ? checkId : metadata.title();
    }

    /** The word shown in badges and cells: PASS, FAIL, ERROR, N/A. */
    public static String status(Status status) {
        return status == Status.NOT_APPLICABLE ? "N/A" : status.name();
    }

    /** CSS class suffix of a status: pass, fail, error, na. */
    public static String styleSuffix(Status status) {
        return status == Status.NOT_APPLICABLE ? "na" : status.name().toLowerCase(Locale.ROOT);
    }

    public static String resourceType(ResourceType type) {
        switch (type) {
            case TABLE:
                return "Table";
            case DAX_CLUSTER:
                return "DAX cluster";
            default:
                return "Region";
        }
    }

    /** Severity with a capital first letter. */
    public static String severity(io.tablewarden.model.Severity severity) {
        String lower = severity.lower();
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
