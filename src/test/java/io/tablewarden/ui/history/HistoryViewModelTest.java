package io.tablewarden.ui.history;

import io.tablewarden.model.Status;
import io.tablewarden.store.NewScan;
import io.tablewarden.store.ScanSummary;
import io.tablewarden.store.StoredScanState;
import io.tablewarden.store.TablewardenStore;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.ui.TestWorkbenchContext;
import io.tablewarden.ui.model.ScanSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryViewModelTest {

    @TempDir
    Path dir;

    private TablewardenStore store;
    private TestWorkbenchContext context;
    private long[] ids;

    @BeforeEach
    void record() throws Exception {
        store = TablewardenStore.open(dir.resolve("tw.db"));
        ids = RecordedScans.recordBoth(store);
        context = new TestWorkbenchContext().withStore(store).withProfileHome(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void listsTheStoredScansNewestFirstWithTheirCounts() {
        HistoryViewModel model = new HistoryViewModel(context);
        model.load();
        assertEquals(List.of(ids[1], ids[0]), model.scans().stream().map(ScanSummary::id)
                .collect(Collectors.toList()));
        ScanSummary older = model.scans().get(1);
        assertEquals(StoredScanState.COMPLETED, older.state());
        assertEquals(RecordedScans.ACCOUNT, older.accountId());
        assertEquals("audit", older.profileName());
        assertEquals(12, older.failCount());
        assertEquals("7 s", ScanFormat.duration(older));
        assertEquals(List.of(HistoryViewModel.ALL_ACCOUNTS, RecordedScans.ACCOUNT), model.accounts());
        assertEquals("2 scans", model.messageProperty().get());
    }

    @Test
    void filtersByAccountAndShowsInterruptedScans() {
        long other = store.scans().create(new NewScan(null, "444455556666", List.of("eu-west-1"), List.of(),
                CheckParameters.defaults(), "test", RecordedScans.SECOND, null));
        store.scans().finish(other, StoredScanState.INTERRUPTED, null, "the process ended", null);
        HistoryViewModel model = new HistoryViewModel(context);
        model.load();
        assertEquals(3, model.scans().size());
        assertEquals(StoredScanState.INTERRUPTED, model.scans().get(0).state());
        assertEquals("—", ScanFormat.duration(model.scans().get(0)));
        assertEquals("audit", HistoryViewModel.profileLabel(model.scans().get(1)));
        assertEquals("demo or fixture", HistoryViewModel.profileLabel(model.scans().get(0)),
                "a scan without a profile says what it was, not a dash");

        model.accountFilterProperty().set("444455556666");
        assertEquals(List.of(other), model.scans().stream().map(ScanSummary::id).collect(Collectors.toList()));
        assertEquals("1 scan of 3", model.messageProperty().get());
        model.accountFilterProperty().set(HistoryViewModel.ALL_ACCOUNTS);
        assertEquals(3, model.scans().size());
    }

    @Test
    void openingAScanPublishesItWithMuteFlagsAndShowsTheFindings() {
        store.mutes().add(RecordedScans.PITR, RecordedScans.SCRATCH, "scratch data", "me", null);
        HistoryViewModel model = new HistoryViewModel(context);
        model.load();
        model.open(model.scans().get(1));

        ScanSnapshot snapshot = context.currentScan().get();
        assertNotNull(snapshot);
        assertEquals(ids[0], snapshot.scanId());
        assertEquals(RecordedScans.ACCOUNT, snapshot.info().accountId());
        assertEquals("COMPLETED", snapshot.info().state());
        assertTrue(snapshot.metadata().containsKey(RecordedScans.PITR));
        assertEquals(1, snapshot.rows().stream().filter(r -> r.muted()).count());
        assertTrue(snapshot.rows().stream().anyMatch(r -> r.muted()
                && r.result().resource().arn().equals(RecordedScans.SCRATCH)
                && r.result().status() == Status.FAIL));
        assertEquals(List.of("findings"), context.shownPages);
    }

    @Test
    void comparesTwoScansOfOneAccountInEitherOrder() {
        HistoryViewModel model = new HistoryViewModel(context);
        model.load();
        assertTrue(model.compare(model.scans().get(0), model.scans().get(1)));
        CompareViewModel compare = model.comparisonProperty().get();
        assertEquals(ids[0], compare.older().id());
        assertEquals(ids[1], compare.newer().id());
        assertEquals(1, compare.count(CompareViewModel.Category.NEW_FAILURES));
        assertEquals(RecordedScans.DELETION_PROTECTION,
                compare.rows(CompareViewModel.Category.NEW_FAILURES).get(0).checkId());
        assertEquals("DynamoDB table has deletion protection",
                compare.checkTitle(compare.rows(CompareViewModel.Category.NEW_FAILURES).get(0)),
                "the Compare view names checks by their titles");
        assertEquals(1, compare.count(CompareViewModel.Category.FIXED));
        assertEquals(RecordedScans.SCRATCH, compare.rows(CompareViewModel.Category.FIXED).get(0).resourceArn());
        assertEquals(11, compare.count(CompareViewModel.Category.STILL_FAILING));
        assertEquals(2, compare.count(CompareViewModel.Category.STATUS_CHANGES));
        assertEquals(0, compare.count(CompareViewModel.Category.NEW_RESOURCES));
        assertEquals(0, compare.count(CompareViewModel.Category.REMOVED_RESOURCES));
        model.closeComparison();
        assertNull(model.comparisonProperty().get());
    }

    @Test
    void refusesScansOfDifferentAccounts() {
        long other = store.scans().create(new NewScan(null, "444455556666", List.of("eu-west-1"), List.of(),
                CheckParameters.defaults(), "test", RecordedScans.SECOND, null));
        HistoryViewModel model = new HistoryViewModel(context);
        model.load();
        ScanSummary foreign = model.scans().stream().filter(s -> s.id() == other).findFirst().orElseThrow();
        assertFalse(model.compare(foreign, model.scans().get(1)));
        assertNull(model.comparisonProperty().get());
        assertEquals(1, context.errors.size());
        assertTrue(context.errors.get(0).contains("Only scans of the same account can be compared"),
                context.errors.get(0));
    }

    @Test
    void aRowOpensItsResourceOnlyWhenTheCurrentScanHasIt() {
        HistoryViewModel model = new HistoryViewModel(context);
        model.load();
        model.compare(model.scans().get(0), model.scans().get(1));
        CompareViewModel compare = model.comparisonProperty().get();
        CompareRow row = compare.rows(CompareViewModel.Category.FIXED).get(0);

        assertFalse(compare.open(row));
        assertTrue(context.notices.get(0).contains("Open scan " + ids[1]), context.notices.get(0));

        model.open(model.scans().get(0));
        assertTrue(compare.open(row));
        assertEquals(List.of(RecordedScans.SCRATCH), context.openedResources);
    }

    @Test
    void withoutADatabaseTheUserIsToldWhatToDo() {
        TestWorkbenchContext none = new TestWorkbenchContext().withProfileHome(dir);
        HistoryViewModel model = new HistoryViewModel(none);
        model.load();
        assertTrue(model.scans().isEmpty());
        assertTrue(none.errors.get(0).contains("TABLEWARDEN_DB"), none.errors.get(0));
    }

    @Test
    void aFailedReadBecomesAHumanMessage() {
        store.close();
        HistoryViewModel model = new HistoryViewModel(context);
        model.load();
        assertEquals("The stored scans could not be read.", model.messageProperty().get());
        assertTrue(context.errors.get(0).startsWith("Stored scans could not be read: Could not read the stored"),
                context.errors.get(0));
    }
}
