package io.tablewarden.ui.shell;

import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/**
 * One entry of the workbench sidebar. Each feature has one {@code XxxPage} class extending it; the shell asks it
 * for its view once, on the first visit, and keeps that view so the page keeps its state.
 */
public abstract class WorkbenchPage {

    private final String id;
    private final String title;
    private final Ikon icon;
    private final String tooltip;

    /**
     * @param id      stable id used by {@link WorkbenchContext#showPage(String)} and the preferences
     * @param title   the sidebar label
     * @param icon    the sidebar icon
     * @param tooltip what the page is for, in one line
     */
    protected WorkbenchPage(String id, String title, Ikon icon, String tooltip) {
        this.id = id;
        this.title = title;
        this.icon = icon;
        this.tooltip = tooltip;
    }

    public final String id() {
        return id;
    }

    public final String title() {
        return title;
    }

    public final Ikon icon() {
        return icon;
    }

    public final String tooltip() {
        return tooltip;
    }

    /** Builds the page's view and its view model with the shared context. */
    public abstract Node createView(WorkbenchContext context);
}
