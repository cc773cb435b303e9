package io.tablewarden.engine.checks;

import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckRegistryTest {

    private final CheckRegistry registry = CheckRegistry.builtIn();

    @Test
    void holdsExactlyTheCatalogueIds() {
        assertEquals(new TreeSet<>(Set.of(
                "dynamodb_table_autoscaling_enabled",
                "dynamodb_tables_pitr_enabled",
                "dynamodb_accelerator_cluster_encryption_enabled",
                "dynamodb_table_protected_by_backup_plan",
                "dynamodb_table_tagged",
                "dynamodb_table_deletion_protection_enabled",
                "dynamodb_accelerator_cluster_in_transit_encryption_enabled",
                "dynamodb_tables_kms_cmk_encryption_enabled",
                "dynamodb_table_customer_managed_key",
                "dynamodb_table_kms_key_usable",
                "dynamodb_table_kms_key_rotation_enabled",
                "dynamodb_table_cross_account_access",
                "dynamodb_table_backup_recent_recovery_point",
                "dynamodb_accelerator_cluster_multi_az")), registry.ids());
        assertEquals(14, registry.all().size());
    }

    /** W19: the Security Hub mapping is exactly DynamoDB.1-7 of the catalogue, each on the right check. */
    @Test
    void securityHubMappingMatchesTheCatalogue() {
        Map<String, String> mapping = new TreeMap<>();
        for (Check check : registry.all()) {
            if (check.metadata().securityHubControl() != null) {
                mapping.put(check.metadata().securityHubControl(), check.id());
            }
        }
        Map<String, String> expected = new TreeMap<>(Map.of(
                "DynamoDB.1", "dynamodb_table_autoscaling_enabled",
                "DynamoDB.2", "dynamodb_tables_pitr_enabled",
                "DynamoDB.3", "dynamodb_accelerator_cluster_encryption_enabled",
                "DynamoDB.4", "dynamodb_table_protected_by_backup_plan",
                "DynamoDB.5", "dynamodb_table_tagged",
                "DynamoDB.6", "dynamodb_table_deletion_protection_enabled",
                "DynamoDB.7", "dynamodb_accelerator_cluster_in_transit_encryption_enabled"));
        assertEquals(expected, mapping);
        long mapped = registry.all().stream().filter(c -> c.metadata().securityHubControl() != null).count();
        assertEquals(7, mapped);
    }

    @Test
    void severitiesAndResourceTypesFollowTheCatalogue() {
        Map<String, Severity> high = Map.of("dynamodb_table_kms_key_usable", Severity.HIGH,
                "dynamodb_table_cross_account_access", Severity.HIGH,
                "dynamodb_table_tagged", Severity.LOW,
                "dynamodb_table_customer_managed_key", Severity.LOW,
                "dynamodb_table_kms_key_rotation_enabled", Severity.LOW);
        for (Check check : registry.all()) {
            CheckMetadata m = check.metadata();
            assertEquals(high.getOrDefault(m.id(), Severity.MEDIUM), m.severity(), m.id());
            assertEquals(m.id().startsWith("dynamodb_accelerator_") ? ResourceType.DAX_CLUSTER : ResourceType.TABLE,
                    m.resourceType(), m.id());
        }
    }

    @Test
    void selectsByIdAndNamesEveryUnknownId() {
        assertEquals(List.of("dynamodb_table_tagged", "dynamodb_tables_pitr_enabled"),
                registry.select(List.of("dynamodb_tables_pitr_enabled", "dynamodb_table_tagged")).stream()
                        .map(Check::id).toList());
        assertEquals(14, registry.select(List.of()).size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.select(List.of("dynamodb_table_tagged", "nope_one", "nope_two")));
        assertTrue(e.getMessage().contains("nope_one") && e.getMessage().contains("nope_two"), e.getMessage());
    }

    @Test
    void rejectsDuplicateIds() {
        Check one = registry.find("dynamodb_table_tagged").orElseThrow();
        assertThrows(IllegalArgumentException.class, () -> new CheckRegistry(List.of(one, one)));
    }
}
