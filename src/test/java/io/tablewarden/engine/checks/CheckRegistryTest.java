package io.tablewarden.engine.checks;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckRegistryTest {

    private final CheckRegistry registry = CheckRegistry.builtIn();

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
    void selectsByIdAndNamesEveryUnknownId() {
        assertEquals(List.of("dynamodb_table_tagged", "dynamodb_tables_pitr_enabled"),
                registry.select(List.of("dynamodb_tables_pitr_enabled", "dynamodb_table_tagged")).stream()
                        .map(Check::id).toList());
        assertEquals(registry.all(), registry.select(List.of()), "an empty selection is every check");
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
