package io.tablewarden.ui.export;

import io.tablewarden.ui.shell.FormGrid;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Asks for the export format and file; closes once the file is written. */
public final class ExportDialog extends Dialog<Boolean> {

    /** The Export button type. */
    public static final ButtonType EXPORT = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);

    private boolean written;

    public ExportDialog(ExportViewModel model, Window owner) {
        setTitle("Export report");
        setHeaderText("Export the report of the open scan");
        if (owner != null) {
            initOwner(owner);
        }
        getDialogPane().setId("export-dialog");
        getDialogPane().getButtonTypes().addAll(EXPORT, ButtonType.CANCEL);

        ToggleGroup formats = new ToggleGroup();
        VBox formatBox = new VBox(6);
        for (ExportFormat format : ExportFormat.values()) {
            RadioButton option = new RadioButton(format.toString());
            option.setId("export-format-" + format.name().toLowerCase(java.util.Locale.ROOT));
            option.setUserData(format);
            option.setToggleGroup(formats);
            option.setSelected(format == model.formatProperty().get());
            formatBox.getChildren().add(option);
        }
        formats.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.formatProperty().set((ExportFormat) now.getUserData());
            }
        });

        TextField path = new TextField();
        path.setId("export-file");
        path.setEditable(false);
        path.setPromptText("Choose a file…");
        path.textProperty().bind(Bindings.createStringBinding(() -> model.fileProperty().get() == null ? ""
                : model.fileProperty().get().toString(), model.fileProperty()));
        Button browse = new Button("Choose…");
        browse.setId("export-choose");
        browse.setOnAction(e -> model.chooseFile());
        HBox fileRow = new HBox(8, path, browse);
        HBox.setHgrow(path, Priority.ALWAYS);

        GridPane grid = FormGrid.create();
        grid.addRow(0, new Label("Format"), formatBox);
        grid.addRow(1, new Label("File"), fileRow);
        GridPane.setHgrow(fileRow, Priority.ALWAYS);
        getDialogPane().setContent(grid);
        getDialogPane().setPrefWidth(560);

        Node export = getDialogPane().lookupButton(EXPORT);
        export.setId("export-save");
        export.disableProperty().bind(model.readyProperty().not());
        export.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            model.export(ok -> {
                if (ok) {
                    written = true;
                    setResult(Boolean.TRUE);
                    close();
                }
            });
        });
        setResultConverter(button -> written);
    }
}
