package io.tablewarden.ui.history;

import io.tablewarden.ui.app.WorkbenchPage;
import org.kordamp.ikonli.feather.Feather;

/** The "Scans" page of the workbench: stored scans, opening one, comparing two. */
public final class HistoryPage {

    private HistoryPage() {
    }

    /** The page entry; its view loads the stored scans whenever it is shown. */
    public static WorkbenchPage page() {
        return new WorkbenchPage("history", "Scans", Feather.CLOCK, "Stored scans: open one or compare two",
                context -> {
                    HistoryViewModel model = new HistoryViewModel(context);
                    HistoryView view = new HistoryView(context, model);
                    view.getStylesheets().add(HistoryPage.class.getResource("history.css").toExternalForm());
                    // The list is read again each time the page comes into view, so scans finished meanwhile
                    // appear without a manual refresh.
                    view.sceneProperty().addListener((obs, was, now) -> {
                        if (now != null && was == null) {
                            model.load();
                        }
                    });
                    view.visibleProperty().addListener((obs, was, now) -> {
                        if (now) {
                            model.load();
                        }
                    });
                    return view;
                });
    }
}
