package io.tablewarden.ui.results;

import javafx.css.PseudoClass;
import javafx.scene.Parent;

/** The stylesheet and pseudo-classes of the result screens. */
final class ResultsStyles {

    static final PseudoClass MUTED = PseudoClass.getPseudoClass("muted");

    private ResultsStyles() {
    }

    /** Adds results.css to a page root. */
    static void apply(Parent root) {
        root.getStylesheets().add(ResultsStyles.class.getResource("/io/tablewarden/ui/results/results.css")
                .toExternalForm());
    }
}
