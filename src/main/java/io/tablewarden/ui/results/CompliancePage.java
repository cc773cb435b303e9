package io.tablewarden.ui.results;

import io.tablewarden.ui.shell.WorkbenchContext;
import io.tablewarden.ui.shell.WorkbenchPage;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/** The Compliance entry of the sidebar: the overview of the scan and the Security Hub controls. */
public final class CompliancePage implements WorkbenchPage {

    /** Page id for {@link WorkbenchContext#showPage(String)}. */
    public static final String ID = "compliance";

    private final ResultsNavigation navigation;

    /** @param navigation the window's navigation, shared with the Findings page and the shell */
    public CompliancePage(ResultsNavigation navigation) {
        this.navigation = navigation;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Compliance";
    }

    @Override
    public Ikon icon() {
        return Feather.PIE_CHART;
    }

    @Override
    public String tooltip() {
        return "Overview of the scan and the Security Hub DynamoDB controls";
    }

    @Override
    public Node createView(WorkbenchContext context) {
        return new ComplianceView(context, navigation);
    }
}
