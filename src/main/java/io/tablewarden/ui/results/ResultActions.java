package io.tablewarden.ui.results;

import io.tablewarden.ui.shell.WorkbenchContext;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

import java.awt.Desktop;
import java.net.URI;

/** Clipboard and browser helpers shared by the result views. */
final class ResultActions {

    private ResultActions() {
    }

    /** Puts exactly {@code text} on the system clipboard. */
    static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /**
     * Opens a documentation link in the browser. A desktop without a browser integration (or a headless one)
     * gets the link on the clipboard instead, and the user is told.
     */
    static void browse(WorkbenchContext context, String url) {
        boolean canBrowse;
        try {
            canBrowse = !java.awt.GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE);
        } catch (RuntimeException | LinkageError e) {
            canBrowse = false;
        }
        if (!canBrowse) {
            copy(url);
            context.notify("Link copied: " + url);
            return;
        }
        // Desktop.browse may block on some desktops, so it never runs on the UI thread.
        context.executor().submit(() -> {
            Desktop.getDesktop().browse(URI.create(url));
            return null;
        }, ignored -> { }, error -> {
            copy(url);
            context.notify("Could not open a browser; link copied: " + url);
        });
    }
}
