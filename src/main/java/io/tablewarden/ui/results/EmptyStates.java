package io.tablewarden.ui.results;

import io.tablewarden.ui.history.LastScan;
import io.tablewarden.ui.shell.WorkbenchContext;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** What a result page offers while no scan is open. */
final class EmptyStates {

    private EmptyStates() {
    }

    /** "Open the last scan": the newest stored scan with results becomes the current one. */
    static Button openLastScanButton(WorkbenchContext context) {
        Button open = new Button("Open the last scan", new FontIcon(Feather.FOLDER));
        open.getStyleClass().add("open-last-scan");
        open.setTooltip(new Tooltip("Open the most recent stored scan"));
        open.setDisable(context.store() == null);
        open.setOnAction(e -> LastScan.open(context, false));
        return open;
    }
}
