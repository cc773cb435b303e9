package io.tablewarden.ui.app;

import io.tablewarden.ui.history.HistoryPage;
import io.tablewarden.ui.profiles.ProfilesPage;
import io.tablewarden.ui.results.CompliancePage;
import io.tablewarden.ui.results.FindingsPage;
import io.tablewarden.ui.scan.ScanView;
import io.tablewarden.ui.scan.ScanViewModel;
import javafx.beans.property.DoubleProperty;
import org.kordamp.ikonli.feather.Feather;

import java.util.List;

/**
 * The sidebar's pages, in order (Ctrl+1 … Ctrl+5). A page that is not ready yet goes in as a
 * {@link ComingSoonPage} placeholder; when it lands, its one line here becomes its own {@link WorkbenchPage}.
 */
public final class WorkbenchPages {

    /** Page ids other code refers to. */
    public static final String PROFILES = ProfilesPage.ID;
    public static final String SCANS = "scans";
    public static final String FINDINGS = FindingsPage.ID;
    public static final String COMPLIANCE = CompliancePage.ID;
    public static final String HISTORY = "history";

    private WorkbenchPages() {
    }

    /**
     * @param scans       the scan page's model, shared with the shell's Scan shortcut and the first-run banner
     * @param scanDivider the scan page's remembered split position
     */
    public static List<WorkbenchPage> all(ScanViewModel scans, DoubleProperty scanDivider) {
        return List.of(
                ProfilesPage.page(),
                new WorkbenchPage(SCANS, "Scans", Feather.PLAY_CIRCLE, "Scan an account",
                        context -> new ScanView(scans, scanDivider).root()),
                FindingsPage.page(),
                CompliancePage.page(),
                titled(HistoryPage.page(), "History"));
    }

    /** The same page under another sidebar title, so "Scans" (run one) and "History" (stored ones) differ. */
    private static WorkbenchPage titled(WorkbenchPage page, String title) {
        return new WorkbenchPage(page.id(), title, page.icon(), page.tooltip(), page.factory());
    }
}
