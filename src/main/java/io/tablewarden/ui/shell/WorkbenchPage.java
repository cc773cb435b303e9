package io.tablewarden.ui.shell;

import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/**
 * One entry of the workbench sidebar. Each feature has one {@code XxxPage} class implementing it; the shell
 * asks it for its view once, on the first visit, and keeps that view so the page keeps its state.
 */
public interface WorkbenchPage {

    /** Stable id used by {@link WorkbenchContext#showPage(String)} and the preferences. */
    String id();

    /** The sidebar label. */
    String title();

    /** The sidebar icon. */
    Ikon icon();

    /** What the page is for, in one line. */
    String tooltip();

    /** Builds the page's view and its view model with the shared context. */
    Node createView(WorkbenchContext context);
}
