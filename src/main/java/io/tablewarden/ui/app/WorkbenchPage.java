package io.tablewarden.ui.app;

import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/**
 * One entry of the workbench sidebar. Pages are created lazily, once, with the shared context.
 *
 * @param id      stable id used by {@link WorkbenchContext#showPage(String)} and the preferences
 * @param title   sidebar label
 * @param icon    sidebar icon
 * @param tooltip what the page is for
 * @param factory builds the page's root node
 */
public record WorkbenchPage(String id, String title, Ikon icon, String tooltip, Factory factory) {

    /** Builds a page's view. */
    @FunctionalInterface
    public interface Factory {
        Node create(WorkbenchContext context);
    }
}
