package io.tablewarden.ui.results;

import javafx.css.PseudoClass;

/** The pseudo-classes of the result screens; their stylesheet, results.css, is installed with all the others. */
final class ResultsStyles {

    static final PseudoClass MUTED = PseudoClass.getPseudoClass("muted");

    private ResultsStyles() {
    }
}
