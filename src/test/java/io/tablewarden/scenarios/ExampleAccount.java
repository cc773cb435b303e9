package io.tablewarden.scenarios;

import java.util.Set;

/**
 * The shared example account (one region, tables {@code invoices} and {@code scratch}, DAX cluster
 * {@code session-cache}) comes with documented verdicts for these checks. Tests that pin counts on it scan with
 * exactly these checks, so that a new check (tested by its own test class and scenarios) changes none of them.
 */
public final class ExampleAccount {

    /** The checks whose verdicts on the example account are documented. */
    public static final Set<String> CHECKS = Set.of("dynamodb_table_autoscaling_enabled",
            "dynamodb_tables_pitr_enabled", "dynamodb_table_protected_by_backup_plan", "dynamodb_table_tagged",
            "dynamodb_table_deletion_protection_enabled", "dynamodb_tables_kms_cmk_encryption_enabled",
            "dynamodb_table_customer_managed_key", "dynamodb_table_kms_key_usable",
            "dynamodb_table_kms_key_rotation_enabled", "dynamodb_table_cross_account_access",
            "dynamodb_table_backup_recent_recovery_point", "dynamodb_accelerator_cluster_encryption_enabled",
            "dynamodb_accelerator_cluster_in_transit_encryption_enabled", "dynamodb_accelerator_cluster_multi_az");

    private ExampleAccount() {
    }
}
