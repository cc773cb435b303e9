package io.tablewarden.ui.help;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The keyboard shortcuts sheet: where, what, which keys. */
public final class ShortcutsDialog extends Dialog<Void> {

    public ShortcutsDialog(ShortcutsViewModel model, Window owner) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Keyboard shortcuts");
        setHeaderText("Keyboard shortcuts");
        getDialogPane().setId("shortcuts-dialog");
        TableView<ShortcutsViewModel.Shortcut> table = new TableView<>();
        table.setId("shortcuts-table");
        table.getItems().setAll(model.shortcuts());
        table.getColumns().add(column("Where", ShortcutsViewModel.Shortcut::group, 110));
        table.getColumns().add(column("Action", ShortcutsViewModel.Shortcut::action, 400));
        table.getColumns().add(column("Keys", ShortcutsViewModel.Shortcut::keys, 160));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // Every line visible without scrolling: the sheet is short.
        table.setFixedCellSize(30);
        table.setPrefHeight(30 * model.shortcuts().size() + 48);
        table.setPrefWidth(690);
        VBox content = new VBox(table);
        content.setPadding(new Insets(12, 20, 8, 20));
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        setResizable(true);
    }

    private static TableColumn<ShortcutsViewModel.Shortcut, String> column(
            String title, java.util.function.Function<ShortcutsViewModel.Shortcut, String> value, double width) {
        TableColumn<ShortcutsViewModel.Shortcut, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }
}
