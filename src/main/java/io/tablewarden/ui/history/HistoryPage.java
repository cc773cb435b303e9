package io.tablewarden.ui.history;

import io.tablewarden.ui.shell.WorkbenchContext;
import io.tablewarden.ui.shell.WorkbenchPage;
import javafx.scene.Node;
import org.kordamp.ikonli.feather.Feather;

/** The History entry of the sidebar: stored scans, opening one, comparing two. */
public final class HistoryPage extends WorkbenchPage {

    /** Page id for {@link WorkbenchContext#showPage(String)}. */
    public static final String ID = "history";

    public HistoryPage() {
        super(ID, "History", Feather.CLOCK, "Stored scans: open one or compare two");
    }

    /** The view loads the stored scans whenever it comes into view. */
    @Override
    public Node createView(WorkbenchContext context) {
        HistoryViewModel model = new HistoryViewModel(context);
        HistoryView view = new HistoryView(context, model);
        // The list is read again each time the page comes into view, so scans finished meanwhile appear
        // without a manual refresh.
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
    }
}
