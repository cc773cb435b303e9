package io.tablewarden.engine.checks.table;

import io.tablewarden.engine.checks.Placeholders;
import io.tablewarden.engine.checks.TestInventory;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Fetch;
import io.tablewarden.model.Status;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.KmsKeyInventory;
import io.tablewarden.model.inventory.TableDescription;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.tablewarden.engine.checks.TestInventory.denied;
import static io.tablewarden.engine.checks.TestInventory.table;
import static io.tablewarden.engine.checks.table.KmsFixtures.CMK;
import static io.tablewarden.engine.checks.table.KmsFixtures.cmk;
import static io.tablewarden.engine.checks.table.KmsFixtures.describeDenied;
import static io.tablewarden.engine.checks.table.KmsFixtures.managed;
import static io.tablewarden.engine.checks.table.KmsFixtures.owned;
import static io.tablewarden.engine.checks.table.KmsFixtures.run;
import static io.tablewarden.engine.checks.table.KmsFixtures.withKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** W14: a disabled or deleted key is noticed, with its deletion date. */
class TableKmsKeyUsableCheckTest {

    private final TableKmsKeyUsableCheck check = new TableKmsKeyUsableCheck();

    @Test
    void enabledPasses() {
        assertEquals(Status.PASS, run(check, cmk("Enabled", null, true)).status());
        assertEquals(Status.PASS, run(check, managed()).status());
    }

    @Test
    void disabledAndPendingDeletionFailWithTheDate() {
        assertEquals(Status.FAIL, run(check, cmk("Disabled", null, true)).status());
        Instant deletion = Instant.parse("2026-12-01T00:00:00Z");
        CheckResult pending = run(check, cmk("PendingDeletion", deletion, false));
        assertEquals(Status.FAIL, pending.status());
        assertTrue(pending.statusText().contains("PendingDeletion"), pending.statusText());
        assertTrue(pending.statusText().contains("2026-12-01"), pending.statusText());
        assertEquals(deletion.toString(), pending.evidence().get("KeyMetadata.DeletionDate"));
    }

    @Test
    void eachKeyStateAFixCanRestoreIsItsCause() {
        Instant deletion = Instant.parse("2026-12-01T00:00:00Z");
        assertEquals("key_disabled", run(check, cmk("Disabled", null, true)).cause());
        CheckResult pending = run(check, cmk("PendingDeletion", deletion, false));
        assertEquals("key_pending_deletion", pending.cause());
        assertEquals(deletion.toString(), pending.placeholders().get(Placeholders.KEY_DELETION_DATE));
        assertEquals("key_pending_import", run(check, cmk("PendingImport", null, false)).cause());
        // No narrower fix: a disconnected key store, and the passing and unknown cases.
        assertEquals(null, run(check, cmk("Unavailable", null, false)).cause());
        assertEquals(null, run(check, cmk("PendingDeletion", null, false)).cause(), "no date, no dated fix");
        assertEquals(null, run(check, cmk("Enabled", null, true)).cause());
        assertEquals(null, run(check, describeDenied()).cause());
    }

    @Test
    void eachCauseHasItsFixAndTheFixNamesTheDeadline() {
        CheckResult pending = run(check, cmk("PendingDeletion", Instant.parse("2026-12-01T00:00:00Z"), false));
        String cli = io.tablewarden.engine.remediation.RemediationRenderer.fillFor(check.metadata(), pending).fullCli();
        assertTrue(cli.contains("cancel-key-deletion") && cli.contains("enable-key"), cli);
        assertTrue(cli.contains("2026-12-01T00:00:00Z"), cli);
        assertTrue(!cli.contains("create-key"), "never a new key when the old one can be saved");
        assertEquals(java.util.List.of("key_disabled", "key_pending_deletion", "key_pending_import"), check.causes());
    }

    @Test
    void inaccessibleTableFailsEvenWhenDescribeKeyIsDenied() {
        TestInventory.Table t = table("orders").status("INACCESSIBLE_ENCRYPTION_CREDENTIALS");
        t.sse = new TableDescription.SseDescription("ENABLED", "KMS", CMK, Instant.parse("2026-11-20T00:00:00Z"));
        AccountInventory inventory = withKey(t, r -> r.keys.put(CMK,
                new KmsKeyInventory(CMK, Fetch.failed(denied("kms:DescribeKey")), null)));
        assertEquals(Status.FAIL, run(check, inventory).status());
    }

    @Test
    void inaccessibleTableNamesTheKeyDeletionDate() {
        TestInventory.Table t = table("orders").status("INACCESSIBLE_ENCRYPTION_CREDENTIALS");
        t.sse = new TableDescription.SseDescription("ENABLED", "KMS", CMK, Instant.parse("2026-11-20T00:00:00Z"));
        Instant deletion = Instant.parse("2026-12-05T00:00:00Z");
        AccountInventory inventory = withKey(t, r -> r.keys.put(CMK, new KmsKeyInventory(CMK,
                Fetch.ok(new KmsKeyInventory.KeyMetadata("k", CMK, "CUSTOMER", "PendingDeletion", deletion,
                        "AWS_KMS", "SYMMETRIC_DEFAULT", java.util.List.of())), Fetch.ok(false))));
        CheckResult result = run(check, inventory);
        assertEquals(Status.FAIL, result.status());
        assertTrue(result.statusText().contains("2026-12-05"), result.statusText());
    }

    @Test
    void deniedDescribeKeyIsError() {
        CheckResult result = run(check, describeDenied());
        assertEquals(Status.ERROR, result.status());
        assertTrue(result.statusText().contains("kms:DescribeKey"));
        assertEquals(CMK, result.placeholders().get(Placeholders.KMS_KEY_ARN));
    }

    @Test
    void awsOwnedKeyIsNotApplicable() {
        assertEquals(Status.NOT_APPLICABLE, run(check, owned()).status());
    }
}
