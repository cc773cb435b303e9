package io.tablewarden.ui.history;

import io.tablewarden.ui.app.WorkbenchPage;
import org.kordamp.ikonli.feather.Feather;

/** The "Scans" page of the workbench: stored scans, opening one, comparing two. */
public final class HistoryPage {

    private HistoryPage() {
    }

    /** The page entry; its view loads the stored scans when it is created. */
    public static WorkbenchPage page() {
        return new WorkbenchPage("history", "Scans", Feather.CLOCK, "Stored scans: open one or compare two",
                context -> {
                    HistoryViewModel model = new HistoryViewModel(context);
                    HistoryView view = new HistoryView(context, model);
                    view.getStylesheets().add(HistoryPage.class.getResource("history.css").toExternalForm());
                    model.load();
                    return view;
                });
    }
}
