package io.tablewarden.ui.mute;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/** The "Manage mutes" list in a dialog with a Close button; it answers whether a mute was removed. */
public final class MutesDialog extends Dialog<Boolean> {

    public MutesDialog(MutesViewModel model, Window owner) {
        setTitle("Mutes");
        setHeaderText("Accepted findings");
        if (owner != null) {
            initOwner(owner);
        }
        getDialogPane().setId("mutes-dialog");
        getDialogPane().setContent(new MutesView(model));
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        setResizable(true);
        setResultConverter(button -> model.changedProperty().get());
    }
}
