package io.tablewarden.ui.app;

import io.tablewarden.ui.history.HistoryPage;
import io.tablewarden.ui.profiles.ProfilesPage;
import io.tablewarden.ui.results.CompliancePage;
import io.tablewarden.ui.results.FindingsPage;
import io.tablewarden.ui.results.ResultsNavigation;
import io.tablewarden.ui.scan.ScanPage;
import io.tablewarden.ui.scan.ScanViewModel;
import io.tablewarden.ui.shell.WorkbenchPage;
import javafx.beans.property.DoubleProperty;

import java.util.List;

/** The sidebar's pages, in order (Ctrl+1 … Ctrl+5). A new page is one {@link WorkbenchPage} class and one line here. */
public final class WorkbenchPages {

    /** Page ids other code refers to. */
    public static final String PROFILES = ProfilesPage.ID;
    public static final String SCANS = ScanPage.ID;
    public static final String FINDINGS = FindingsPage.ID;
    public static final String COMPLIANCE = CompliancePage.ID;
    public static final String HISTORY = HistoryPage.ID;

    private WorkbenchPages() {
    }

    /**
     * @param scans       the scan page's model, shared with the shell's Scan shortcut and the first-run banner
     * @param scanDivider the scan page's remembered split position
     * @param navigation  the window's navigation between the result pages
     */
    public static List<WorkbenchPage> all(ScanViewModel scans, DoubleProperty scanDivider,
                                          ResultsNavigation navigation) {
        return List.of(
                new ProfilesPage(),
                new ScanPage(scans, scanDivider),
                new FindingsPage(navigation),
                new CompliancePage(navigation),
                new HistoryPage());
    }
}
