package io.tablewarden.ui.history;

import io.tablewarden.model.CheckParameters;
import io.tablewarden.store.NewScan;
import io.tablewarden.store.StoredScanState;
import io.tablewarden.store.TablewardenStore;
import io.tablewarden.ui.TestWorkbenchContext;
import io.tablewarden.ui.model.ScanSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The last stored scan opened on start (quietly) and from an empty page's button (saying why when it cannot). */
class LastScanTest {

    @TempDir
    Path dir;

    private TablewardenStore store;
    private TestWorkbenchContext context;

    @BeforeEach
    void open() {
        store = TablewardenStore.open(dir.resolve("tw.db"));
        context = new TestWorkbenchContext().withStore(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void opensTheNewestScanWithResultsNotAnEmptyOneAfterIt() throws Exception {
        long[] ids = RecordedScans.recordBoth(store);
        long failed = store.scans().create(new NewScan("audit", null, List.of("eu-west-1"), List.of(),
                CheckParameters.defaults(), "test", RecordedScans.SECOND.plusSeconds(60), null));
        store.scans().finish(failed, StoredScanState.FAILED, null, "no credentials", null);

        LastScan.open(context, true);
        assertEquals(ids[1], context.currentScan().get().scanId());
        assertTrue(context.notices.isEmpty());
    }

    @Test
    void onStartAScanOpenedMeanwhileStaysButTheButtonReplacesIt() throws Exception {
        long[] ids = RecordedScans.recordBoth(store);
        ScanSnapshot older = ScanSnapshots.load(store, ids[0], context.checks());
        context.currentScan().set(older);
        LastScan.open(context, true);
        assertSame(older, context.currentScan().get());
        LastScan.open(context, false);
        assertEquals(ids[1], context.currentScan().get().scanId());
    }

    @Test
    void withNothingStoredTheButtonSaysSoAndTheStartSaysNothing() {
        LastScan.open(context, true);
        assertNull(context.currentScan().get());
        assertTrue(context.notices.isEmpty());
        LastScan.open(context, false);
        assertEquals(List.of("No scan is stored yet. Run one on the Scans page."), context.notices);
    }
}
