package io.tablewarden.ui.mute;

import io.tablewarden.model.CheckResult;
import io.tablewarden.store.Mute;
import io.tablewarden.store.StoredResult;
import io.tablewarden.store.TablewardenStore;
import io.tablewarden.ui.TestWorkbenchContext;
import io.tablewarden.ui.history.RecordedScans;
import io.tablewarden.ui.shell.ScriptedDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mute and "Manage mutes" flows with scripted dialogs, on a recorded scan in a real store. */
class MuteFlowsTest {

    @TempDir
    Path dir;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private TablewardenStore store;
    private TestWorkbenchContext context;
    private long scanId;

    @BeforeEach
    void record() throws Exception {
        store = TablewardenStore.open(dir.resolve("tw.db"));
        scanId = RecordedScans.record(store, "example-account.json", RecordedScans.FIRST);
        context = new TestWorkbenchContext().withStore(store).withProfileHome(dir).withCurrentScan(scanId)
                .withDialogs(dialogs);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aSavedMuteDialogStoresTheMuteAndMarksTheRow() {
        CheckResult finding = scratchPitr().result();
        AtomicReference<Mute> stored = new AtomicReference<>();
        dialogs.completing(MuteViewModel.class, model -> {
            assertEquals(finding.checkId(), model.checkId());
            assertEquals("DynamoDB table has point-in-time recovery enabled", model.checkTitle(),
                    "the dialog names the check by its title, not its id");
            assertEquals(finding.resource().arn(), model.resourceArn());
            model.reasonProperty().set("scratch data, rebuilt nightly");
            // The dialog's Mute button: it closes once the mute is stored.
            model.save(stored::set);
            return stored.get() != null;
        });

        assertTrue(new MuteViewModel(context, finding).ask());
        assertEquals(List.of("scratch data, rebuilt nightly"), store.mutes().all().stream().map(Mute::reason).toList());
        assertTrue(scratchPitr().muted());
        assertEquals(1, context.notices.size());
        assertTrue(context.notices.get(0).startsWith("Muted \u201cDynamoDB table has point-in-time recovery enabled\u201d on "),
                context.notices.get(0));
    }

    @Test
    void aCancelledMuteDialogStoresNothing() {
        dialogs.cancelling();
        assertFalse(new MuteViewModel(context, scratchPitr().result()).ask());
        assertTrue(store.mutes().all().isEmpty());
        assertFalse(scratchPitr().muted());
    }

    @Test
    void withoutADatabaseNoDialogOpens() {
        TestWorkbenchContext noStore = new TestWorkbenchContext().withDialogs(dialogs);
        assertFalse(new MuteViewModel(noStore, scratchPitr().result()).ask());
        assertFalse(new MutesViewModel(noStore).show());

        assertTrue(dialogs.asked.isEmpty());
        assertEquals(2, noStore.errors.size());
        assertTrue(noStore.errors.get(0).startsWith("Findings cannot be muted: The scan database could not be opened"),
                noStore.errors.get(0));
    }

    @Test
    void manageMutesShowsTheLoadedListAndTellsWhetherAMuteWasRemoved() {
        store.mutes().add(RecordedScans.PITR, RecordedScans.SCRATCH, "scratch data", "auditor", null);
        context.withCurrentScan(scanId);
        assertTrue(scratchPitr().muted());
        dialogs.cancelling();
        assertFalse(new MutesViewModel(context).show());

        dialogs.completing(MutesViewModel.class, list -> {
            assertEquals(1, list.mutes().size());
            list.unmute(list.mutes().get(0));
            return true;
        });
        assertTrue(new MutesViewModel(context).show());
        assertTrue(store.mutes().all().isEmpty());
        assertFalse(scratchPitr().muted());
    }

    private StoredResult scratchPitr() {
        return context.currentScan().get().rows().stream()
                .filter(r -> r.result().checkId().equals(RecordedScans.PITR)
                        && r.result().resource().arn().equals(RecordedScans.SCRATCH))
                .findFirst().orElseThrow();
    }
}
