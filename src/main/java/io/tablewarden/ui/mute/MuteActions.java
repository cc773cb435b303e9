package io.tablewarden.ui.mute;

import io.tablewarden.model.CheckResult;
import io.tablewarden.ui.app.WorkbenchContext;
import io.tablewarden.ui.history.StoreProblems;
import javafx.stage.Window;

/** What other pages call to mute findings and manage mutes. Call on the UI thread. */
public final class MuteActions {

    private MuteActions() {
    }

    /**
     * Opens the mute dialog for {@code finding} and waits for it. When a mute is stored the current scan is
     * published again with its mute flags updated.
     *
     * @return whether a mute was stored
     */
    public static boolean muteFinding(WorkbenchContext context, CheckResult finding) {
        return muteFinding(context, finding, null);
    }

    /** As {@link #muteFinding(WorkbenchContext, CheckResult)}, with the dialog owned by {@code owner}. */
    public static boolean muteFinding(WorkbenchContext context, CheckResult finding, Window owner) {
        if (context.store() == null) {
            context.showError("Findings cannot be muted", StoreProblems.NO_DATABASE, null);
            return false;
        }
        MuteDialog dialog = new MuteDialog(new MuteViewModel(context, finding), owner);
        return dialog.showAndWait().orElse(Boolean.FALSE);
    }

    /** Opens the list of mutes, where they can be removed. */
    public static void manageMutes(WorkbenchContext context, Window owner) {
        MutesView.show(context, owner);
    }
}
