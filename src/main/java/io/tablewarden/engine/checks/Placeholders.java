package io.tablewarden.engine.checks;

/**
 * Names of the remediation placeholders that check results carry in {@code CheckResult.placeholders()}
 * (keys without braces; metadata texts write them as {@code {{table_name}}}). Values are never null.
 *
 * <p>The contract, per kind of result:
 * <ul>
 *   <li>every table result: {@link #TABLE_NAME}, {@link #TABLE_ARN}, {@link #REGION}, {@link #ACCOUNT_ID},
 *       {@link #PARTITION};</li>
 *   <li>the four KMS checks ({@code dynamodb_tables_kms_cmk_encryption_enabled},
 *       {@code dynamodb_table_customer_managed_key}, {@code dynamodb_table_kms_key_usable},
 *       {@code dynamodb_table_kms_key_rotation_enabled}) additionally {@link #KMS_KEY_ARN} whenever the table
 *       is encrypted with a KMS key (SSEType KMS); it is absent for a table on the AWS-owned key;</li>
 *   <li>{@code dynamodb_table_autoscaling_enabled} additionally {@link #GSI_NAMES} (comma-separated GSIs that
 *       lack scaling; empty string when none) whenever DescribeTable succeeded, and {@link #INDEX_NAME}
 *       (the first such GSI) only when there is one;</li>
 *   <li>{@code dynamodb_table_protected_by_backup_plan} and {@code dynamodb_table_backup_recent_recovery_point}
 *       additionally {@link #BACKUP_PLAN_NAME} when a plan covers the table;</li>
 *   <li>a FAIL that names a cause carries the tokens its cause's fix uses, always: DynamoDB.4's
 *       {@code region_not_opted_in} {@link #BACKUP_PLAN_NAME} and {@link #SELECTION_NAME};
 *       {@code selection_tag_mismatch} those and {@link #TAG_KEY}, {@link #TAG_VALUE}; {@code selection_excludes_table}
 *       those and {@link #BACKUP_PLAN_ID}, {@link #SELECTION_ID}, {@link #SELECTION_JSON}; {@code deleted_plan}
 *       {@link #BACKUP_PLAN_NAME}, {@link #BACKUP_PLAN_ID}, {@link #PLAN_DELETION_DATE}, {@link #BACKUP_PLAN_JSON}; KMS key usable's
 *       {@code key_pending_deletion} {@link #KEY_DELETION_DATE} (the KMS causes all have {@link #KMS_KEY_ARN});
 *       DynamoDB.1's {@code scaling_gaps} {@link #UNREGISTERED_DIMENSIONS}, {@link #UNPOLICIED_DIMENSIONS},
 *       {@link #SUSPENDED_DIMENSIONS} and {@link #SCALING_GAP_LABELS}; cross-account access's
 *       {@code outside_statements} {@link #OFFENDING_SIDS} and {@link #REMAINING_POLICY}, and
 *       {@code only_outside_statements} {@link #OFFENDING_SIDS}; PITR's {@code recovery_period_short}
 *       {@link #RECOVERY_PERIOD_DAYS}; tagged's {@code required_tags_missing} {@link #MISSING_TAG_KEYS} and
 *       {@link #MISSING_TAGS_JSON};</li>
 *   <li>every DAX cluster result: {@link #DAX_CLUSTER_NAME}, {@link #DAX_CLUSTER_ARN}, {@link #REGION},
 *       {@link #ACCOUNT_ID}, {@link #PARTITION} (the node type is not collected, so there is no
 *       {@code dax_node_type});</li>
 *   <li>results decided before a check looks at the table itself (DescribeTable failed, the table is
 *       CREATING/DELETING, or not ACTIVE for the two ACTIVE-only backup checks) carry only the five table keys;</li>
 *   <li>region-wide ERROR results (a region or its list call failed): {@link #REGION}, {@link #ACCOUNT_ID},
 *       {@link #PARTITION} only.</li>
 * </ul>
 */
public final class Placeholders {

    public static final String TABLE_NAME = "table_name";
    public static final String TABLE_ARN = "table_arn";
    public static final String REGION = "region";
    public static final String ACCOUNT_ID = "account_id";
    public static final String PARTITION = "partition";
    public static final String KMS_KEY_ARN = "kms_key_arn";
    public static final String GSI_NAMES = "gsi_names";
    public static final String INDEX_NAME = "index_name";
    public static final String BACKUP_PLAN_NAME = "backup_plan_name";
    /** DynamoDB.4 causes: the selection the fix is about, its plan's id and its own id. */
    public static final String SELECTION_NAME = "selection_name";
    public static final String BACKUP_PLAN_ID = "backup_plan_id";
    public static final String SELECTION_ID = "selection_id";
    /** DynamoDB.4 near miss: the tag the table needs, exactly as the selection spells it. */
    public static final String TAG_KEY = "tag_key";
    public static final String TAG_VALUE = "tag_value";
    /** DynamoDB.4 near miss: the selection without the NotResources patterns that exclude the table, as JSON. */
    public static final String SELECTION_JSON = "selection_json";
    /** DynamoDB.4 {@code deleted_plan}: the day the plan was deleted (ISO-8601 date, UTC). */
    public static final String PLAN_DELETION_DATE = "plan_deletion_date";
    /** DynamoDB.4 {@code deleted_plan}: CreateBackupPlan's BackupPlan document with the deleted version's rules. */
    public static final String BACKUP_PLAN_JSON = "backup_plan_json";
    /**
     * Tagged {@code required_tags_missing}: the required keys the table lacks, comma-separated for sentences, and
     * as TagResource's Tags JSON with empty values.
     */
    public static final String MISSING_TAG_KEYS = "missing_tag_keys";
    public static final String MISSING_TAGS_JSON = "missing_tags_json";
    /** KMS key usable, PendingDeletion: the key's DeletionDate (ISO-8601). */
    public static final String KEY_DELETION_DATE = "key_deletion_date";
    /**
     * DynamoDB.1 {@code scaling_gaps}: the dimensions without a scalable target, with a target but no policy, and with
     * dynamic scaling suspended, each a comma-separated list of {@code resource id|scalable dimension} items (may be
     * empty), and the gaps in words.
     */
    public static final String UNREGISTERED_DIMENSIONS = "unregistered_dimensions";
    public static final String UNPOLICIED_DIMENSIONS = "unpolicied_dimensions";
    public static final String SUSPENDED_DIMENSIONS = "suspended_dimensions";
    public static final String SCALING_GAP_LABELS = "scaling_gap_labels";
    /**
     * Cross-account access: the offending statements by Sid (or position), and the whole policy without them as
     * JSON ({@code outside_statements} only).
     */
    public static final String OFFENDING_SIDS = "offending_sids";
    public static final String REMAINING_POLICY = "remaining_policy";
    /** PITR {@code recovery_period_short}: the required recovery period in days (the check's parameter). */
    public static final String RECOVERY_PERIOD_DAYS = "recovery_period_days";
    public static final String DAX_CLUSTER_NAME = "dax_cluster_name";
    public static final String DAX_CLUSTER_ARN = "dax_cluster_arn";

    private Placeholders() {
    }
}
