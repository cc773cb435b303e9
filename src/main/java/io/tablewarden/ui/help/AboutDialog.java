package io.tablewarden.ui.help;

import io.tablewarden.ui.shell.FormGrid;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The About box: version and build, the folders (selectable, with buttons to open them), the licences. */
public final class AboutDialog extends Dialog<Void> {

    public AboutDialog(AboutViewModel model, Window owner) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("About Tablewarden");
        setHeaderText("Tablewarden " + model.version());
        getDialogPane().setId("about-dialog");

        GridPane facts = FormGrid.create();
        facts.setPadding(new Insets(0));
        int row = 0;
        facts.addRow(row++, new Label("Version"), value("about-version", model.version()));
        facts.addRow(row++, new Label("Build"), value("about-build", model.build()));
        facts.addRow(row++, new Label("Database"), value("about-database", model.database()));
        Button openData = new Button("Open", new FontIcon(Feather.FOLDER));
        openData.setId("about-open-data");
        openData.setOnAction(e -> model.openDataFolder());
        openData.setMinWidth(Button.USE_PREF_SIZE);
        facts.addRow(row++, new Label("Data folder"), value("about-data", model.dataFolder().toString()), openData);
        Button openLogs = new Button("Open", new FontIcon(Feather.FOLDER));
        openLogs.setId("about-open-logs");
        openLogs.setOnAction(e -> model.openLogFolder());
        openLogs.setMinWidth(Button.USE_PREF_SIZE);
        facts.addRow(row, new Label("Log folder"), value("about-logs", model.logFolder().toString()), openLogs);

        Label problem = new Label();
        problem.setId("about-problem");
        problem.getStyleClass().add("form-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());

        Label licencesTitle = new Label("Bundled libraries and their licences");
        licencesTitle.getStyleClass().add("section-title");
        TableView<BundledLibraries.Library> licences = new TableView<>();
        licences.setId("about-licences");
        licences.getItems().setAll(model.libraries());
        TableColumn<BundledLibraries.Library, String> name = new TableColumn<>("Library");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        TableColumn<BundledLibraries.Library, String> licence = new TableColumn<>("Licence");
        licence.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().licence()));
        name.setPrefWidth(330);
        licence.setPrefWidth(250);
        licences.getColumns().add(name);
        licences.getColumns().add(licence);
        licences.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        licences.setPrefHeight(260);

        VBox content = new VBox(10, facts, problem, licencesTitle, licences);
        content.setPadding(new Insets(16, 20, 8, 20));
        content.setPrefWidth(640);
        HBox.setHgrow(content, javafx.scene.layout.Priority.ALWAYS);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        setResizable(true);
    }

    /** A value the user can select and copy (a path to paste into a terminal). */
    private static TextField value(String id, String text) {
        TextField field = new TextField(text);
        field.setId(id);
        field.setEditable(false);
        field.setFocusTraversable(false);
        field.getStyleClass().add("about-value");
        field.setPrefColumnCount(34);
        return field;
    }
}
