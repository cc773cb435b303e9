package io.tablewarden.ui.results;

import io.tablewarden.ui.shell.WorkbenchContext;
import io.tablewarden.ui.shell.WorkbenchPage;
import javafx.scene.Node;
import org.kordamp.ikonli.feather.Feather;

/** The Compliance entry of the sidebar: the overview of the scan and the Security Hub controls. */
public final class CompliancePage extends WorkbenchPage {

    /** Page id for {@link WorkbenchContext#showPage(String)}. */
    public static final String ID = "compliance";

    private final ResultsNavigation navigation;

    /** @param navigation the window's navigation, shared with the Findings page and the shell */
    public CompliancePage(ResultsNavigation navigation) {
        super(ID, "Compliance", Feather.PIE_CHART, "Overview of the scan and the Security Hub DynamoDB controls");
        this.navigation = navigation;
    }

    @Override
    public Node createView(WorkbenchContext context) {
        return new ComplianceView(context, navigation);
    }
}
