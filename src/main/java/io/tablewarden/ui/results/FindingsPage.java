package io.tablewarden.ui.results;

import io.tablewarden.ui.shell.WorkbenchContext;
import io.tablewarden.ui.shell.WorkbenchPage;
import javafx.scene.Node;
import org.kordamp.ikonli.feather.Feather;

/** The Findings entry of the sidebar: the findings table, the posture matrix and each resource's detail. */
public final class FindingsPage extends WorkbenchPage {

    /** Page id for {@link WorkbenchContext#showPage(String)}. */
    public static final String ID = "findings";

    private final ResultsNavigation navigation;

    /** @param navigation the window's navigation, shared with the Compliance page and the shell */
    public FindingsPage(ResultsNavigation navigation) {
        super(ID, "Findings", Feather.LIST, "Every result of the scan, the posture matrix and each resource's detail");
        this.navigation = navigation;
    }

    @Override
    public Node createView(WorkbenchContext context) {
        return new FindingsView(context, navigation);
    }
}
