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

    static List<String> ids() {
        List<String> ids = new ArrayList<>();
        ENTRIES.forEach(e -> ids.add(e.id()));
        return ids;
    }

    static Entry entry(String id) {
        return ENTRIES.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    /** The tokens the implementation of {@code checkId} fills, keyed without braces. */
    static Set<String> allowedTokens(String checkId) {
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
        return out;
    }

    /** Sample values for exactly the tokens of {@code checkId}. */
    static Map<String, String> sampleValues(String checkId) {
        Map<String, String> out = new LinkedHashMap<>();
        allowedTokens(checkId).forEach(t -> out.put(t, SAMPLE_VALUES.get(t)));
        return out;
    }

    static CheckMetadata load(String checkId) {
        return MetadataLoader.load(checkId);
    }
}
