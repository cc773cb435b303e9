package io.tablewarden.ui.scan;

import io.tablewarden.ui.shell.WorkbenchContext;
import io.tablewarden.ui.shell.WorkbenchPage;
import javafx.beans.property.DoubleProperty;
import javafx.scene.Node;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Scans entry of the sidebar. Its view model is made by the window, not by the page: the tool bar's Scan
 * button, F5 and the first-run banner start scans on it before the page was ever shown.
 */
public final class ScanPage extends WorkbenchPage {

    /** Page id for {@link WorkbenchContext#showPage(String)}. */
    public static final String ID = "scans";

    private final ScanViewModel model;
    private final DoubleProperty divider;

    /**
     * @param model   the scan page's model, shared with the shell's Scan shortcut and the first-run banner
     * @param divider the page's remembered split position
     */
    public ScanPage(ScanViewModel model, DoubleProperty divider) {
        super(ID, "Scans", Feather.PLAY_CIRCLE, "Scan an account");
        this.model = model;
        this.divider = divider;
    }

    @Override
    public Node createView(WorkbenchContext context) {
        return new ScanView(model, divider).root();
    }
}
