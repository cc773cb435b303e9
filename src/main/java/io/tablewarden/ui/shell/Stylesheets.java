package io.tablewarden.ui.shell;

import javafx.scene.Scene;
import javafx.scene.control.DialogPane;

import java.util.List;

/**
 * Every stylesheet of the workbench, added after the AtlantaFX theme. The window's scene and every dialog get
 * them all from here; no view adds a stylesheet of its own, so a view looks the same wherever it is shown.
 * Each feature's rules are scoped by its page's style class, so they do not leak into other pages.
 */
public final class Stylesheets {

    /** The stylesheets, in the order they apply. */
    public static final List<String> ALL = List.of(
            url("/io/tablewarden/ui/workbench.css"),
            url("/io/tablewarden/ui/results/results.css"),
            url("/io/tablewarden/ui/history/history.css"),
            url("/io/tablewarden/ui/profiles/profiles.css"));

    private Stylesheets() {
    }

    /** Gives a window's scene the workbench's look. */
    public static void install(Scene scene) {
        addMissing(scene.getStylesheets());
    }

    /** Gives a dialog the workbench's look; a dialog has its own scene, which the owner's sheets do not reach. */
    public static void install(DialogPane pane) {
        addMissing(pane.getStylesheets());
    }

    private static void addMissing(List<String> sheets) {
        for (String sheet : ALL) {
            if (!sheets.contains(sheet)) {
                sheets.add(sheet);
            }
        }
    }

    private static String url(String resource) {
        var found = Stylesheets.class.getResource(resource);
        if (found == null) {
            throw new IllegalStateException("Missing stylesheet " + resource);
        }
        return found.toExternalForm();
    }
}
