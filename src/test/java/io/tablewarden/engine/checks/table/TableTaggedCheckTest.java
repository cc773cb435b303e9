package io.tablewarden.engine.checks.table;

import io.tablewarden.engine.checks.Placeholders;
import io.tablewarden.engine.checks.TestInventory;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;
import io.tablewarden.model.inventory.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.tablewarden.engine.checks.TestInventory.denied;
import static io.tablewarden.engine.checks.TestInventory.single;
import static io.tablewarden.engine.checks.TestInventory.table;
import static io.tablewarden.engine.checks.TestInventory.withTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableTaggedCheckTest {

    private final TableTaggedCheck check = new TableTaggedCheck();

    @Test
    void userTagPassesAndSystemTagsDoNotCount() {
        assertEquals(Status.PASS, single(check, withTable(table("orders").tags(new Tag("team", "x")))).status());
        assertEquals(Status.FAIL, single(check, withTable(table("orders")
                .tags(new Tag("aws:cloudformation:stack-name", "s")))).status());
        assertEquals(Status.FAIL, single(check, withTable(table("orders").tags())).status());
    }

    @Test
    void requiredKeysAreCaseSensitive() {
        CheckParameters required = new CheckParameters(null, null, null, null, null, false, List.of("Owner", "env"),
                Set.of(), 48);
        CheckResult result = single(check, withTable(table("orders").tags(new Tag("owner", "a"), new Tag("env", "p"))),
                TestInventory.context(required));
        assertEquals(Status.FAIL, result.status());
        assertTrue(result.statusText().contains("Owner"), result.statusText());
        assertEquals(Status.PASS, single(check, withTable(table("orders").tags(new Tag("Owner", "a"), new Tag("env", "p"))),
                TestInventory.context(required)).status());
    }

    @Test
    void missingRequiredKeysAreTheCauseAndTheFixAddsOnlyThose() {
        CheckParameters required = new CheckParameters(null, null, null, null, null, false,
                List.of("Owner", "env", "cost\"centre"), Set.of(), 48);
        CheckResult result = single(check, withTable(table("orders").tags(new Tag("owner", "a"), new Tag("env", "p"),
                new Tag("team", "t"))), TestInventory.context(required));
        assertEquals("required_tags_missing", result.cause());
        assertEquals("Owner, cost\"centre", result.placeholders().get(Placeholders.MISSING_TAG_KEYS));
        assertEquals("[{\"Key\":\"Owner\",\"Value\":\"\"},{\"Key\":\"cost\\\"centre\",\"Value\":\"\"}]",
                result.placeholders().get(Placeholders.MISSING_TAGS_JSON), "only the missing keys, escaped as JSON");
        // Without required keys, a table without user tags keeps the generic fix.
        assertEquals(null, single(check, withTable(table("orders").tags())).cause());
        assertEquals(null, single(check, withTable(table("orders").tags(new Tag("Owner", "a"), new Tag("env", "p"),
                new Tag("cost\"centre", "c"))), TestInventory.context(required)).cause());
    }

    @Test
    void deniedListTagsIsError() {
        TestInventory.Table t = table("orders");
        t.tagsError = denied("dynamodb:ListTagsOfResource");
        CheckResult result = single(check, withTable(t));
        assertEquals(Status.ERROR, result.status());
        assertTrue(result.statusText().contains("dynamodb:ListTagsOfResource"));
    }

    @Test
    void notApplicableWhileDeleting() {
        assertEquals(Status.NOT_APPLICABLE, single(check, withTable(table("orders").tags().status("DELETING"))).status());
    }
}
