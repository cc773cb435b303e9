package io.tablewarden.ui.mute;

import io.tablewarden.model.CheckResult;
import io.tablewarden.store.Mute;
import io.tablewarden.store.StoredResult;
import io.tablewarden.store.TablewardenStore;
import io.tablewarden.ui.TestWorkbenchContext;
import io.tablewarden.ui.history.RecordedScans;
import io.tablewarden.ui.model.ScanSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MuteViewModelTest {

    private static final ZoneId ZONE = ZoneOffset.UTC;

    @TempDir
    Path dir;

    private TablewardenStore store;
    private TestWorkbenchContext context;
    private CheckResult scratchPitr;

    @BeforeEach
    void record() throws Exception {
        store = TablewardenStore.open(dir.resolve("tw.db"));
        long id = RecordedScans.record(store, "example-account.json", RecordedScans.FIRST);
        context = new TestWorkbenchContext().withStore(store).withProfileHome(dir).withCurrentScan(id);
        scratchPitr = find(RecordedScans.PITR, RecordedScans.SCRATCH).result();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aReasonIsRequiredAndTheLastDayCannotBeInThePast() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-05T12:00:00Z"), ZONE);
        MuteViewModel model = new MuteViewModel(context, scratchPitr, clock, ZONE);
        assertFalse(model.validProperty().get());
        assertEquals("Say why this finding is accepted.", model.problemProperty().get());
        model.reasonProperty().set("scratch data, rebuilt nightly");
        assertTrue(model.validProperty().get());
        model.lastDayProperty().set(LocalDate.of(2026, 3, 4));
        assertEquals("The last day of the mute is in the past.", model.problemProperty().get());
        model.lastDayProperty().set(LocalDate.of(2026, 3, 5));
        assertTrue(model.validProperty().get());
        assertEquals(Instant.parse("2026-03-06T00:00:00Z"), model.expiresAt());
        model.scopeProperty().set(MuteViewModel.Scope.PATTERN);
        assertEquals("arn:aws:dynamodb:eu-north-1:" + RecordedScans.ACCOUNT + ":table/*", model.patternProperty().get());
        model.patternProperty().set(" ");
        assertFalse(model.validProperty().get());
    }

    @Test
    void mutingOneFindingRepublishesTheSnapshotWithItsFlag() {
        ScanSnapshot before = context.currentScan().get();
        MuteViewModel model = new MuteViewModel(context, scratchPitr);
        model.reasonProperty().set("scratch data");
        AtomicReference<Mute> saved = new AtomicReference<>();
        model.save(saved::set);

        assertEquals(RecordedScans.SCRATCH, saved.get().resource());
        assertNull(saved.get().expiresAt());
        assertNotSame(before, context.currentScan().get());
        assertTrue(find(RecordedScans.PITR, RecordedScans.SCRATCH).muted());
        assertEquals(1, context.currentScan().get().rows().stream().filter(StoredResult::muted).count());
        assertEquals(1, context.notices.size());
    }

    @Test
    void aPatternMutesTheCheckOnEveryMatchingResource() {
        MuteViewModel model = new MuteViewModel(context, scratchPitr);
        model.scopeProperty().set(MuteViewModel.Scope.PATTERN);
        model.reasonProperty().set("PITR is handled by AWS Backup in this account");
        model.save(m -> { });
        assertTrue(find(RecordedScans.PITR, RecordedScans.SCRATCH).muted());
        assertTrue(find(RecordedScans.PITR, RecordedScans.INVOICES).muted());
        assertFalse(find(RecordedScans.DELETION_PROTECTION, RecordedScans.SCRATCH).muted());
    }

    @Test
    void anExpiredMuteNoLongerMutesAndUnmutingClearsTheFlag() {
        store.mutes().add(RecordedScans.PITR, RecordedScans.SCRATCH, "was accepted", "me",
                Instant.now().minusSeconds(60));
        Mute active = store.mutes().add(RecordedScans.DELETION_PROTECTION, RecordedScans.SCRATCH, "accepted", "me",
                Instant.now().plusSeconds(3600));
        MutesViewModel mutes = new MutesViewModel(context);
        mutes.load();
        assertEquals(2, mutes.mutes().size());
        assertFalse(mutes.isActive(mutes.mutes().get(0)));
        assertTrue(mutes.isActive(mutes.mutes().get(1)));

        SnapshotRefresh.republish(context);
        assertFalse(find(RecordedScans.PITR, RecordedScans.SCRATCH).muted());
        assertTrue(find(RecordedScans.DELETION_PROTECTION, RecordedScans.SCRATCH).muted());

        mutes.unmute(active);
        assertTrue(mutes.changedProperty().get());
        assertEquals(1, mutes.mutes().size());
        assertEquals(List.of(), context.currentScan().get().rows().stream().filter(StoredResult::muted)
                .map(r -> r.result().checkId()).collect(java.util.stream.Collectors.toList()));
        assertEquals(1, store.mutes().all().size());
    }

    @Test
    void aFailedSaveIsReportedAndNothingIsPublished() {
        ScanSnapshot before = context.currentScan().get();
        MuteViewModel model = new MuteViewModel(context, scratchPitr);
        model.reasonProperty().set("scratch data");
        store.close();
        AtomicReference<Mute> saved = new AtomicReference<>(new Mute(0, "x", "y", "z", null, Instant.EPOCH, null));
        model.save(saved::set);
        assertNull(saved.get());
        assertEquals(before, context.currentScan().get());
        assertTrue(context.errors.get(0).startsWith("The mute could not be saved: Could not save the mute"),
                context.errors.get(0));
    }

    private StoredResult find(String checkId, String arn) {
        return context.currentScan().get().rows().stream()
                .filter(r -> r.result().checkId().equals(checkId) && r.result().resource().arn().equals(arn))
                .findFirst().orElseThrow();
    }
}
