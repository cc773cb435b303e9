package io.tablewarden.ui.history;

import io.tablewarden.store.ScanSummary;
import io.tablewarden.store.TablewardenStore;
import io.tablewarden.ui.model.ScanSnapshot;
import io.tablewarden.ui.shell.StoreProblems;
import io.tablewarden.ui.shell.WorkbenchContext;

import java.util.List;
import java.util.Optional;

/**
 * Opens the most recent stored scan that holds results: on start, so the window shows the last audit again, and
 * from the "Open the last scan" button of a page that has nothing to show.
 */
public final class LastScan {

    private LastScan() {
    }

    /** The newest scan with at least one result, among {@code scans} listed newest first. */
    static Optional<ScanSummary> newestWithResults(List<ScanSummary> scans) {
        return scans.stream().filter(s -> s.resultCount() > 0).findFirst();
    }

    /**
     * Makes the newest stored scan with results the current scan, read in the background.
     *
     * @param quietly on start: say nothing when there is no stored scan, and leave a scan that was opened
     *                meanwhile alone; from a button, tell the user why nothing opened
     */
    public static void open(WorkbenchContext context, boolean quietly) {
        TablewardenStore store = context.store();
        if (store == null) {
            if (!quietly) {
                context.showError("No stored scan can be opened", StoreProblems.NO_DATABASE, null);
            }
            return;
        }
        context.executor().submit(() -> newestWithResults(store.scans().list(null))
                        .map(scan -> ScanSnapshots.load(store, scan.id(), context.checks())).orElse(null),
                (ScanSnapshot snapshot) -> {
                    if (snapshot == null) {
                        if (!quietly) {
                            context.notify("No scan is stored yet. Run one on the Scans page.");
                        }
                    } else if (!quietly || context.currentScan().get() == null) {
                        context.currentScan().set(snapshot);
                    }
                }, failure -> {
                    if (!quietly) {
                        context.showError("The last scan could not be opened",
                                StoreProblems.describe("open the last scan", failure), failure);
                    }
                });
    }
}
