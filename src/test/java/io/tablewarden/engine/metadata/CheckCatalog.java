package io.tablewarden.engine.metadata;

import io.tablewarden.engine.checks.MetadataLoader;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.Severity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check catalogue as the README documents it for users (id, Security Hub control, severity; the resource type
 * follows from the id: {@code dynamodb_accelerator_cluster_*} checks judge DAX clusters, the others tables), the
 * placeholder tokens each check fills, and sample values to fill them with in tests. The metadata files are held
 * to this table, and {@link io.tablewarden.engine.checks.CheckContractTest} holds the registry to the metadata
 * files, so a new check is documented in the one place a user reads.
 */
final class CheckCatalog {

    /** One row of the catalogue. */
    record Entry(String id, String securityHubControl, Severity severity, ResourceType resourceType) {
    }

    /** A row of the README's check table: | `id` — what it wants | DynamoDB.n or — | severity |. */
    private static final Pattern ROW = Pattern.compile(
            "^\\|\\s*`([a-z0-9_]+)`\\s*—.*\\|\\s*(DynamoDB\\.\\d+|—)\\s*\\|\\s*([a-z]+)\\s*\\|\\s*$");

    static final List<Entry> ENTRIES = readReadme(Path.of("README.md"));

    private static final Set<String> TABLE_TOKENS = Set.of("table_name", "table_arn", "region", "account_id", "partition");
    private static final Set<String> DAX_TOKENS = Set.of("dax_cluster_name", "dax_cluster_arn", "region", "account_id",
            "partition");
    private static final Set<String> KMS_CHECKS = Set.of("dynamodb_tables_kms_cmk_encryption_enabled",
            "dynamodb_table_customer_managed_key", "dynamodb_table_kms_key_usable",
            "dynamodb_table_kms_key_rotation_enabled");
    private static final Set<String> BACKUP_CHECKS = Set.of("dynamodb_table_protected_by_backup_plan",
            "dynamodb_table_backup_recent_recovery_point");

    /** Sample values, realistic but with the characters a table name may legally contain ('.', '-', '_'). */
    static final Map<String, String> SAMPLE_VALUES = Map.ofEntries(
            Map.entry("table_name", "orders.v2-prod_1"),
            Map.entry("table_arn", "arn:aws:dynamodb:eu-central-1:210987654321:table/orders.v2-prod_1"),
            Map.entry("region", "eu-central-1"),
            Map.entry("account_id", "210987654321"),
            Map.entry("partition", "aws"),
            Map.entry("kms_key_arn", "arn:aws:kms:eu-central-1:210987654321:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
            Map.entry("gsi_names", "byCustomer,byDate"),
            Map.entry("index_name", "byCustomer"),
            Map.entry("backup_plan_name", "daily-35d"),
            Map.entry("selection_name", "Tagged Tables"),
            Map.entry("backup_plan_id", "8f6c2b1e-1d3a-4c55-9e2f-0a1b2c3d4e5f"),
            Map.entry("selection_id", "2d9f7a3c-5b1e-4f60-8a2b-6c7d8e9f0a1b"),
            Map.entry("tag_key", "Team"),
            Map.entry("tag_value", "Finance"),
            Map.entry("selection_json", "{\"SelectionName\":\"Tagged Tables\",\"IamRoleArn\":"
                    + "\"arn:aws:iam::210987654321:role/service-role/AWSBackupDefaultServiceRole\","
                    + "\"Resources\":[\"arn:aws:dynamodb:*:*:table/*\"],\"NotResources\":[\"arn:aws:dynamodb:*:*:table/tmp-*\"],"
                    + "\"ListOfTags\":[{\"ConditionType\":\"STRINGEQUALS\",\"ConditionKey\":\"team\",\"ConditionValue\":\"finance\"}],"
                    + "\"Conditions\":{\"StringEquals\":[{\"ConditionKey\":\"aws:ResourceTag/env\",\"ConditionValue\":\"prod\"}]}}"),
            Map.entry("key_deletion_date", "2026-12-20T00:00:00Z"),
            Map.entry("plan_deletion_date", "2025-01-01"),
            Map.entry("missing_tag_keys", "env, cost-centre"),
            Map.entry("missing_tags_json", "[{\"Key\":\"env\",\"Value\":\"\"},{\"Key\":\"cost-centre\",\"Value\":\"\"}]"),
            Map.entry("backup_plan_json", "{\"BackupPlanName\":\"legacy-weekly\",\"Rules\":[{\"RuleName\":\"weekly\","
                    + "\"TargetBackupVaultName\":\"Default\",\"ScheduleExpression\":\"cron(0 2 ? * SAT *)\","
                    + "\"Lifecycle\":{\"DeleteAfterDays\":90}}]}"),
            Map.entry("recovery_period_days", "21"),
            Map.entry("offending_sids", "Sid \"PartnerRead\", statement #3 (no Sid)"),
            Map.entry("remaining_policy", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"SameAccount\","
                    + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::210987654321:role/app\"},"
                    + "\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}]}"),
            Map.entry("unregistered_dimensions", "table/orders.v2-prod_1|dynamodb:table:WriteCapacityUnits,"
                    + "table/orders.v2-prod_1/index/byCustomer|dynamodb:index:ReadCapacityUnits"),
            Map.entry("unpolicied_dimensions", "table/orders.v2-prod_1/index/byDate|dynamodb:index:WriteCapacityUnits"),
            Map.entry("suspended_dimensions", "table/orders.v2-prod_1|dynamodb:table:ReadCapacityUnits"),
            Map.entry("scaling_gap_labels", "table write capacity (no scalable target); GSI byCustomer read capacity"
                    + " (no scalable target)"),
            Map.entry("dax_cluster_name", "orders-cache"),
            Map.entry("dax_cluster_arn", "arn:aws:dax:eu-central-1:210987654321:cache/orders-cache"));

    private CheckCatalog() {
    }

    /** The rows of the table under the README's "## The checks" heading, in their order. */
    static List<Entry> readReadme(Path readme) {
        List<String> lines;
        try {
            lines = Files.readAllLines(readme);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + readme, e);
        }
        int heading = lines.indexOf("## The checks");
        if (heading < 0) {
            throw new IllegalStateException(readme + " has no \"## The checks\" section");
        }
        List<Entry> entries = new ArrayList<>();
        for (String line : lines.subList(heading + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                String id = row.group(1);
                entries.add(new Entry(id, row.group(2).equals("—") ? null : row.group(2),
                        Severity.parse(row.group(3)),
                        id.startsWith("dynamodb_accelerator_cluster_") ? ResourceType.DAX_CLUSTER
                                : ResourceType.TABLE));
            } else if (line.startsWith("| `")) {
                throw new IllegalStateException(readme + ": a check row that does not read as | `id` — text |"
                        + " control | severity |: " + line);
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalStateException(readme + ": the check table is empty");
        }
        return List.copyOf(entries);
    }

    /** Separates a check id from a cause id in a variant id, {@code <check id>#<cause id>}. */
    static final String CAUSE_MARK = "#";

    /** The tokens each cause's fix may use beyond its check's, keyed by variant id. */
    private static final Map<String, Set<String>> CAUSE_TOKENS = Map.ofEntries(
            Map.entry("dynamodb_table_protected_by_backup_plan#region_not_opted_in", Set.of("selection_name")),
            Map.entry("dynamodb_table_protected_by_backup_plan#selection_tag_mismatch",
                    Set.of("selection_name", "tag_key", "tag_value")),
            Map.entry("dynamodb_table_protected_by_backup_plan#selection_excludes_table",
                    Set.of("selection_name", "backup_plan_id", "selection_id", "selection_json")),
            Map.entry("dynamodb_table_protected_by_backup_plan#deleted_plan",
                    Set.of("backup_plan_id", "plan_deletion_date", "backup_plan_json")),
            Map.entry("dynamodb_table_kms_key_usable#key_pending_deletion", Set.of("key_deletion_date")),
            Map.entry("dynamodb_table_autoscaling_enabled#scaling_gaps", Set.of("unregistered_dimensions",
                    "unpolicied_dimensions", "suspended_dimensions", "scaling_gap_labels")),
            Map.entry("dynamodb_table_cross_account_access#outside_statements",
                    Set.of("offending_sids", "remaining_policy")),
            Map.entry("dynamodb_table_cross_account_access#only_outside_statements", Set.of("offending_sids")),
            Map.entry("dynamodb_tables_pitr_enabled#recovery_period_short", Set.of("recovery_period_days")),
            Map.entry("dynamodb_table_tagged#required_tags_missing", Set.of("missing_tag_keys", "missing_tags_json")));

    /**
     * Every fix of the catalogue: each check id (its generic fix) followed by {@code <check id>#<cause id>} for each
     * cause its metadata has a fix for. The snippet tests run over these, so a cause's fix is held to every rule.
     */
    static List<String> variantIds() {
        List<String> out = new ArrayList<>();
        for (String id : ids()) {
            out.add(id);
            load(id).causes().keySet().forEach(cause -> out.add(id + CAUSE_MARK + cause));
        }
        return out;
    }

    /** The check id of a variant id. */
    static String baseId(String variantId) {
        int mark = variantId.indexOf(CAUSE_MARK);
        return mark < 0 ? variantId : variantId.substring(0, mark);
    }

    /** The cause of a variant id, or null for a check's generic fix. */
    static String causeOf(String variantId) {
        int mark = variantId.indexOf(CAUSE_MARK);
        return mark < 0 ? null : variantId.substring(mark + 1);
    }

    static List<String> ids() {
        List<String> ids = new ArrayList<>();
        ENTRIES.forEach(e -> ids.add(e.id()));
        return ids;
    }

    static Entry entry(String id) {
        String base = baseId(id);
        return ENTRIES.stream().filter(e -> e.id().equals(base)).findFirst().orElseThrow();
    }

    /** The tokens the implementation of {@code checkId} fills, keyed without braces. */
    static Set<String> allowedTokens(String variantId) {
        String checkId = baseId(variantId);
        Set<String> out = new TreeSet<>(entry(checkId).resourceType() == ResourceType.DAX_CLUSTER ? DAX_TOKENS : TABLE_TOKENS);
        if (KMS_CHECKS.contains(checkId)) {
            out.add("kms_key_arn");
        }
        if (checkId.equals("dynamodb_table_autoscaling_enabled")) {
            out.add("gsi_names");
            out.add("index_name");
        }
        if (BACKUP_CHECKS.contains(checkId)) {
            out.add("backup_plan_name");
        }
        out.addAll(CAUSE_TOKENS.getOrDefault(variantId, Set.of()));
        return out;
    }

    /** Sample values for exactly the tokens of {@code checkId}. */
    static Map<String, String> sampleValues(String checkId) {
        Map<String, String> out = new LinkedHashMap<>();
        allowedTokens(checkId).forEach(t -> out.put(t, SAMPLE_VALUES.get(t)));
        return out;
    }

    /**
     * The metadata of a check; for a variant id, the metadata whose {@code remediation()} is the cause's fix, with
     * the region's commands and the resource's own as one CLI snippet (what a user copies for one resource).
     */
    static CheckMetadata load(String variantId) {
        CheckMetadata m = MetadataLoader.load(baseId(variantId));
        String cause = causeOf(variantId);
        if (cause == null) {
            return m;
        }
        CheckMetadata.Remediation r = m.causes().get(cause).remediation();
        CheckMetadata.Remediation whole = new CheckMetadata.Remediation(r.summary(), r.fullCli(), r.cloudFormation(),
                r.terraform(), r.console(), r.inPlace());
        return new CheckMetadata(m.id(), m.title(), m.shortLabel(), m.severity(), m.resourceType(), m.description(),
                m.risk(), m.securityHubControl(), m.categories(), m.links(), whole, m.causes(), m.learn());
    }
}
