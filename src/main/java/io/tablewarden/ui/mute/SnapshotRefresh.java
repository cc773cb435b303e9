package io.tablewarden.ui.mute;

import io.tablewarden.store.TablewardenStore;
import io.tablewarden.ui.model.ScanSnapshot;
import io.tablewarden.ui.shell.StoreProblems;
import io.tablewarden.ui.shell.WorkbenchContext;

/** After mutes change, publishes the current scan again with its mute flags read from the store. */
public final class SnapshotRefresh {

    private SnapshotRefresh() {
    }

    /** Re-reads the flags of the current scan in the background and publishes the new snapshot. */
    public static void republish(WorkbenchContext context) {
        ScanSnapshot current = context.currentScan().get();
        TablewardenStore store = context.store();
        if (current == null || current.scanId() == null || store == null) {
            return;
        }
        context.executor().submit(() -> new ScanSnapshot(current.scanId(), current.info(),
                store.scans().resultsWithMutes(current.scanId()), current.metadata()), fresh -> {
            // Another scan may have been opened meanwhile; only replace the one that was refreshed.
            if (context.currentScan().get() == current) {
                context.currentScan().set(fresh);
            }
        }, failure -> context.showError("The findings could not be refreshed",
                StoreProblems.describe("read the mute flags", failure)
                        + " The mute itself was saved; reopen the scan to see it.", failure));
    }
}
