package io.tablewarden.engine.metadata;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import io.tablewarden.engine.remediation.RemediationRenderer;
import io.tablewarden.engine.remediation.SnippetFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Each Terraform fragment, filled with sample values, is well-formed HCL (strict structural reader plus the hcl4j
 * parser), declares only allowed block kinds and resource types, and uses argument and nested block names the
 * AWS provider documents for those resources.
 */
class TerraformSnippetTest {

    private static final Set<String> META_ARGUMENTS = Set.of("count", "for_each", "provider", "depends_on", "lifecycle");

    /** Arguments and nested blocks of each resource type, by path from the resource ({@code type/block/...}). */
    private static final Map<String, Set<String>> SCHEMA = Map.ofEntries(
            entry("aws_dynamodb_table", Set.of("name", "billing_mode", "hash_key", "range_key", "read_capacity",
                    "write_capacity", "attribute", "global_secondary_index", "local_secondary_index",
                    "point_in_time_recovery", "server_side_encryption", "deletion_protection_enabled", "tags", "ttl",
                    "stream_enabled", "stream_view_type", "table_class", "replica", "restore_source_name",
                    "restore_source_table_arn", "restore_to_latest_time", "restore_date_time", "import_table",
                    "on_demand_throughput", "warm_throughput")),
            entry("aws_dynamodb_table/point_in_time_recovery", Set.of("enabled", "recovery_period_in_days")),
            entry("aws_dynamodb_table/server_side_encryption", Set.of("enabled", "kms_key_arn")),
            entry("aws_dynamodb_resource_policy", Set.of("resource_arn", "policy",
                    "confirm_remove_self_resource_access")),
            entry("aws_kms_key", Set.of("description", "key_usage", "custom_key_store_id", "customer_master_key_spec",
                    "policy", "bypass_policy_lockout_safety_check", "deletion_window_in_days", "is_enabled",
                    "enable_key_rotation", "rotation_period_in_days", "multi_region", "tags", "xks_key_id")),
            entry("aws_kms_alias", Set.of("name", "name_prefix", "target_key_id")),
            entry("aws_appautoscaling_target", Set.of("max_capacity", "min_capacity", "resource_id", "role_arn",
                    "scalable_dimension", "service_namespace", "suspended_state", "tags")),
            entry("aws_appautoscaling_policy", Set.of("name", "policy_type", "resource_id", "scalable_dimension",
                    "service_namespace", "step_scaling_policy_configuration",
                    "target_tracking_scaling_policy_configuration", "predictive_scaling_policy_configuration")),
            entry("aws_appautoscaling_policy/target_tracking_scaling_policy_configuration", Set.of("target_value",
                    "disable_scale_in", "scale_in_cooldown", "scale_out_cooldown", "predefined_metric_specification",
                    "customized_metric_specification")),
            entry("aws_appautoscaling_policy/target_tracking_scaling_policy_configuration"
                    + "/predefined_metric_specification", Set.of("predefined_metric_type", "resource_label")),
            entry("aws_backup_vault", Set.of("name", "kms_key_arn", "force_destroy", "tags")),
            entry("aws_backup_plan", Set.of("name", "rule", "advanced_backup_setting", "tags")),
            entry("aws_backup_plan/rule", Set.of("rule_name", "target_vault_name", "schedule",
                    "schedule_expression_timezone", "enable_continuous_backup", "start_window", "completion_window",
                    "lifecycle", "copy_action", "recovery_point_tags")),
            entry("aws_backup_plan/rule/lifecycle", Set.of("cold_storage_after", "delete_after",
                    "opt_in_to_archive_for_supported_resources")),
            entry("aws_backup_selection", Set.of("name", "plan_id", "iam_role_arn", "resources", "not_resources",
                    "selection_tag", "condition")),
            entry("aws_backup_selection/selection_tag", Set.of("type", "key", "value")),
            entry("aws_dynamodb_tag", Set.of("resource_arn", "key", "value")),
            entry("aws_backup_region_settings", Set.of("resource_type_opt_in_preference",
                    "resource_type_management_preference")),
            entry("aws_dax_cluster", Set.of("cluster_name", "iam_role_arn", "node_type", "replication_factor",
                    "availability_zones", "cluster_endpoint_encryption_type", "description", "notification_topic_arn",
                    "parameter_group_name", "maintenance_window", "security_group_ids", "server_side_encryption",
                    "subnet_group_name", "tags")),
            entry("aws_dax_cluster/server_side_encryption", Set.of("enabled")));

    private static final Set<String> LIFECYCLE = Set.of("prevent_destroy", "create_before_destroy", "ignore_changes",
            "replace_triggered_by", "precondition", "postcondition");

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final Pattern REFERENCE = Pattern.compile("\\b(aws_[a-z0-9_]+)\\.([A-Za-z_][A-Za-z0-9_-]*)\\b");

    static Stream<String> checkIds() {
        return CheckCatalog.variantIds().stream();
    }

    @ParameterizedTest
    @MethodSource("checkIds")
    void fragmentIsValidTerraform(String checkId) {
        String hcl = RemediationRenderer.fill(CheckCatalog.load(checkId).remediation().terraform(),
                CheckCatalog.sampleValues(checkId), SnippetFormat.HCL);
        if (CheckCatalog.causeOf(checkId) != null && CloudFormationSnippetTest.onlyComments(hcl)) {
            // A change Terraform does not make (removing a resource, importing key material) is said in words.
            assertFalse(hcl.isBlank(), checkId + ": an empty fragment");
            return;
        }
        List<String> problems = validate(hcl);
        if (!problems.isEmpty()) {
            fail(checkId + ":\n  " + String.join("\n  ", problems) + "\n" + hcl);
        }
    }

    @Test
    void theStrictReaderRejectsMalformedText() {
        List<String> broken = List.of(
                "resource \"aws_kms_key\" \"k\" {\n  description = \"a\"\n",
                "resource \"aws_kms_key\" \"k\" {\n  description = \"a\"\n}\n}\n",
                "resource \"aws_kms_key\" \"k\" {\n  tags = { a = \"b\"\n}\n",
                "resource \"aws_kms_key\" \"k\" {\n  description = \"a\n}\n",
                "resource \"aws_kms_key\" \"k\" {\n  description = \"${replace(\"a\", \".\", \"-\")\"\n}\n",
                "resource \"aws_kms_key\" \"k\" {\n  description = \"${}\"\n}\n",
                "resource \"aws_kms_key\" \"k\" {\n  policy = <<EOT\n{}\n}\n",
                "resource \"aws_kms_key\" \"k\" {\n  description =\n}\n",
                "resource \"aws_kms_key\" \"k\" {\n  is_enabled = true\n  is_enabled = false\n}\n",
                "resource \"aws_kms_key\" \"k\" {\n  tags = [1, 2)\n}\n",
                "resource aws_kms_key \"k\" \"x\" = {}\n");
        for (String text : broken) {
            assertThrows(HclStructure.HclSyntaxException.class, () -> HclStructure.parse(text), text);
        }
    }

    @Test
    void theStrictReaderAcceptsTheHclWeWrite() {
        String text = "# comment\nlocals {\n  m = {\n    a = \"x\" // trailing\n  }\n}\n"
                + "resource \"aws_kms_key\" \"k\" {\n  description = \"a ${upper(\"b\")} $${literal}\"\n"
                + "  policy = <<-EOT\n    {\"a\": \"}\"}\n  EOT\n  tags = { for k, v in local.m : k => v }\n"
                + "  /* block\n comment */\n  lifecycle { prevent_destroy = true }\n}\n";
        HclStructure.Body body = HclStructure.parse(text);
        assertEquals(2, body.blocks().size());
        HclStructure.Block key = body.blocks().get(1);
        assertEquals(List.of("aws_kms_key", "k"), key.labels());
        assertEquals(List.of("description", "policy", "tags"),
                key.body().attributes().stream().map(HclStructure.Attribute::name).toList());
        assertEquals(List.of(), validate(text));
    }

    @Test
    void schemaMistakesAreReported() {
        assertFalse(validate("resource \"aws_dynamodb_table\" \"t\" {\n  point_in_time_recovery_enabled = true\n}\n")
                .isEmpty());
        assertFalse(validate("resource \"aws_dynamodb_tables\" \"t\" {\n  name = \"x\"\n}\n").isEmpty());
        assertFalse(validate("resource \"aws_kms_key\" \"k\" {\n  description = \"x\"\n}\n"
                + "resource \"aws_kms_alias\" \"a\" {\n  target_key_id = aws_kms_key.key.key_id\n}\n").isEmpty());
        assertFalse(validate("provider \"aws\" {\n  region = \"eu-west-1\"\n}\n").isEmpty());
    }

    static List<String> validate(String hcl) {
        List<String> problems = new ArrayList<>();
        HclStructure.Body body;
        try {
            body = HclStructure.parse(hcl);
        } catch (HclStructure.HclSyntaxException e) {
            problems.add("not HCL: " + e.getMessage());
            return problems;
        }
        String library = parseWithLibrary(hcl);
        if (library != null) {
            problems.add("hcl4j: " + library);
        }
        if (!body.attributes().isEmpty()) {
            problems.add("top-level attributes are not Terraform: " + body.attributes().get(0).name());
        }
        Set<String> declared = new HashSet<>();
        for (HclStructure.Block block : body.blocks()) {
            if (block.type().equals("resource") && block.labels().size() == 2) {
                declared.add(block.labels().get(0) + "." + block.labels().get(1));
            }
        }
        for (HclStructure.Block block : body.blocks()) {
            switch (block.type()) {
                case "resource":
                case "data":
                    if (block.labels().size() != 2 || !NAME.matcher(block.labels().get(1)).matches()) {
                        problems.add(block.type() + " needs a type and a name: " + block.labels());
                        continue;
                    }
                    String type = block.labels().get(0);
                    if (block.type().equals("data")) {
                        continue;
                    }
                    if (!SCHEMA.containsKey(type)) {
                        problems.add("resource type " + type + " is not allowed");
                        continue;
                    }
                    checkBody(type, type, block.body(), true, problems);
                    break;
                case "locals":
                    if (!block.labels().isEmpty()) {
                        problems.add("locals takes no label");
                    }
                    break;
                case "variable":
                case "output":
                    if (block.labels().size() != 1) {
                        problems.add(block.type() + " takes one label");
                    }
                    break;
                default:
                    problems.add("block kind " + block.type() + " is not expected in a fragment");
            }
        }
        Matcher m = REFERENCE.matcher(hcl);
        while (m.find()) {
            String type = m.group(1);
            boolean typeDeclared = declared.stream().anyMatch(d -> d.startsWith(type + "."));
            if (typeDeclared && !declared.contains(type + "." + m.group(2))) {
                problems.add("reference to undeclared resource " + type + "." + m.group(2));
            }
        }
        return problems;
    }

    private static void checkBody(String where, String path, HclStructure.Body body, boolean resourceLevel,
                                  List<String> problems) {
        Set<String> allowed = SCHEMA.get(path);
        if (allowed == null) {
            problems.add(where + ": no allow-list for nested block " + path);
            return;
        }
        for (HclStructure.Attribute attribute : body.attributes()) {
            boolean meta = resourceLevel && META_ARGUMENTS.contains(attribute.name());
            if (!meta && !allowed.contains(attribute.name())) {
                problems.add(where + ": unknown argument " + attribute.name());
            }
        }
        for (HclStructure.Block nested : body.blocks()) {
            if (!nested.labels().isEmpty()) {
                problems.add(where + ": nested block " + nested.type() + " takes no label");
            }
            if (resourceLevel && nested.type().equals("lifecycle")) {
                nested.body().attributes().stream().map(HclStructure.Attribute::name)
                        .filter(n -> !LIFECYCLE.contains(n))
                        .forEach(n -> problems.add(where + ": unknown lifecycle argument " + n));
                continue;
            }
            if (!allowed.contains(nested.type())) {
                problems.add(where + ": unknown block " + nested.type());
                continue;
            }
            checkBody(where + "." + nested.type(), path + "/" + nested.type(), nested.body(), false, problems);
        }
    }

    /** Parses with hcl4j, which also evaluates functions; returns the error, or null. Its console chatter is muted. */
    private static String parseWithLibrary(String hcl) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            new HCLParser().parse(hcl);
            return null;
        } catch (Exception e) {
            return String.valueOf(e.getMessage());
        } finally {
            System.setOut(original);
        }
    }
}
