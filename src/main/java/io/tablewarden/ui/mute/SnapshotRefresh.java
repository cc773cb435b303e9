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
        if (current == null || (current.scanId() == null && current.organization() == null) || store == null) {
            return;
        }
        context.executor().submit(() -> reread(store, current), fresh -> {
            // Another scan may have been opened meanwhile; only replace the one that was refreshed.
            if (context.currentScan().get() == current) {
                context.currentScan().set(fresh);
            }
        }, failure -> context.showError("The findings could not be refreshed",
                StoreProblems.describe("read the mute flags", failure)
                        + " The mute itself was saved; reopen the scan to see it.", failure));
    }

    /** {@code current} with its rows read again: an organisation scan's from each of its accounts' scans. */
    private static ScanSnapshot reread(TablewardenStore store, ScanSnapshot current) {
        if (current.organization() == null) {
            return new ScanSnapshot(current.scanId(), current.info(), store.scans().resultsWithMutes(current.scanId()),
                    current.metadata());
        }
        java.util.List<io.tablewarden.store.StoredResult> rows = new java.util.ArrayList<>();
        for (io.tablewarden.ui.model.OrganizationContext.Account a : current.organization().accounts()) {
            if (a.scanId() != null) {
                rows.addAll(store.scans().resultsWithMutes(a.scanId()));
            }
        }
        return new ScanSnapshot(null, current.info(), rows, current.metadata(), current.organization());
    }
}
