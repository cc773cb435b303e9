package io.tablewarden.store;

import io.tablewarden.model.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mutes with an imported rule: schema 4, the rule's round trip, and imports that are all or nothing. */
class MuteRulesStoreTest {

    @TempDir
    Path dir;

    private static MuteRule rule(String check) {
        return new MuteRule("*", check, List.of("eu-west-1"), List.of("^orders$"), List.of("env=dev|env=test"),
                new MuteRule.Exceptions(List.of("444455556666"), null, null, null), List.of(), "why not");
    }

    private static int version(TablewardenStore store) throws Exception {
        try (Statement st = store.connection().createStatement(); ResultSet rs = st.executeQuery(
                "PRAGMA user_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void aVersionThreeDatabaseKeepsItsGlobMutesAfterTheUpgrade() throws Exception {
        Path file = dir.resolve("v3.db");
        SchemaMigrator v3 = new SchemaMigrator(SchemaMigrator.MIGRATIONS.subList(0, 3));
        try (TablewardenStore old = TablewardenStore.open(file, v3, StoreTestSupport.CLOCK)) {
            assertEquals(3, version(old));
            try (Statement st = old.connection().createStatement()) {
                // The row exactly as a version 3 build wrote it: no rule column.
                st.execute("INSERT INTO mute (check_id, resource, reason, created_by, created_at, expires_at)"
                        + " VALUES ('dynamodb_*', 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders', 'accepted',"
                        + " 'ana', '2026-01-01T00:00:00Z', NULL)");
            }
        }
        try (TablewardenStore store = TablewardenStore.open(file, new SchemaMigrator(), StoreTestSupport.CLOCK)) {
            assertEquals(SchemaMigrator.MIGRATIONS.size(), version(store));
            List<Mute> mutes = store.mutes().all();
            assertEquals(1, mutes.size());
            Mute mute = mutes.get(0);
            assertNull(mute.rule());
            assertEquals("accepted", mute.reason());
            assertTrue(mute.matches(StoreTestSupport.result("dynamodb_tables_pitr_enabled", "111122223333",
                    "orders", Status.FAIL)));
            assertFalse(mute.matches(StoreTestSupport.result("dynamodb_tables_pitr_enabled", "111122223333",
                    "orders-2", Status.FAIL)));
        }
    }

    @Test
    void anImportedRuleIsStoredAndReadBackWhole() {
        try (TablewardenStore store = TablewardenStore.open(dir.resolve("tw.db"), new SchemaMigrator(),
                StoreTestSupport.CLOCK)) {
            Mute imported = new Mute(0, "dynamodb_tables_pitr_enabled", "^orders$", "imported from m.yaml",
                    "ana", null, null, rule("dynamodb_tables_pitr_enabled"));
            List<Mute> stored = store.mutes().addAll(List.of(imported));
            assertEquals(1, stored.size());
            Mute read = store.mutes().all().get(0);
            assertEquals(stored.get(0).id(), read.id());
            assertEquals(rule("dynamodb_tables_pitr_enabled"), read.rule());
            assertEquals(StoreTestSupport.NOW, read.createdAt());
            // The rule decides, not the glob pair: only with a matching tag.
            var orders = StoreTestSupport.result("dynamodb_tables_pitr_enabled", "111122223333", "orders",
                    Status.FAIL);
            assertFalse(read.matches(orders));
            assertTrue(read.matches(orders, List.of(new io.tablewarden.model.inventory.Tag("env", "test"))));
        }
    }

    @Test
    void anImportWithOneBadMuteStoresNone() {
        try (TablewardenStore store = TablewardenStore.open(dir.resolve("tw.db"), new SchemaMigrator(),
                StoreTestSupport.CLOCK)) {
            Mute good = new Mute(0, "a", "x", "imported", null, null, null, rule("a"));
            Mute noReason = new Mute(0, "b", "x", " ", null, null, null, rule("b"));
            assertThrows(IllegalArgumentException.class, () -> store.mutes().addAll(List.of(good, noReason)));
            assertTrue(store.mutes().all().isEmpty());
        }
    }

    @Test
    void anImportThatFailsInTheDatabaseHalfWayIsRolledBack() throws Exception {
        try (TablewardenStore store = TablewardenStore.open(dir.resolve("tw.db"), new SchemaMigrator(),
                StoreTestSupport.CLOCK)) {
            try (Statement st = store.connection().createStatement()) {
                st.execute("CREATE TEMP TRIGGER refuse BEFORE INSERT ON mute WHEN NEW.check_id = 'third'"
                        + " BEGIN SELECT RAISE(ABORT, 'refused'); END");
            }
            List<Mute> three = List.of(new Mute(0, "first", "x", "r", null, null, null, rule("first")),
                    new Mute(0, "second", "x", "r", null, null, null, rule("second")),
                    new Mute(0, "third", "x", "r", null, null, null, rule("third")));
            assertThrows(StoreException.class, () -> store.mutes().addAll(three));
            assertTrue(store.mutes().all().isEmpty());
            // The connection is usable afterwards, back in auto-commit.
            store.mutes().add("first", "x", "r", null, null);
            assertEquals(1, store.mutes().all().size());
        }
    }
}
