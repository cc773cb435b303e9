package io.tablewarden.ui.history;

import io.tablewarden.ui.shell.Keys;
import io.tablewarden.model.Status;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.function.Function;

/** The comparison of two scans: one tab per kind of change with its count; a row opens its resource. */
public final class CompareView extends BorderPane {

    private final CompareViewModel model;
    private final TabPane tabs = new TabPane();

    public CompareView(CompareViewModel model, Runnable back) {
        this.model = model;
        setId("compare-view");
        Button backButton = HistoryView.iconButton("compare-back", "Back to scans", Feather.ARROW_LEFT);
        backButton.setOnAction(e -> back.run());
        backButton.setTooltip(new javafx.scene.control.Tooltip("Back to the stored scans (Esc)"));
        addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                back.run();
                e.consume();
            }
        });
        Label heading = new Label(model.heading());
        heading.setId("compare-heading");
        heading.getStyleClass().add("title-4");
        HBox top = new HBox(12, backButton, heading);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(0, 0, 12, 0));
        setTop(top);

        tabs.setId("compare-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (CompareViewModel.Category category : CompareViewModel.Category.values()) {
            Tab tab = new Tab(category.title() + " (" + model.count(category) + ")", table(category));
            tab.setId("compare-tab-" + category.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            tab.setUserData(category);
            tabs.getTabs().add(tab);
        }
        tabs.getSelectionModel().select(model.selectedProperty().get().ordinal());
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            model.selectedProperty().set((CompareViewModel.Category) now.getUserData());
            if (was != null && was.getContent() != null && was.getContent().isFocused()) {
                // Ctrl+Tab from a table lands in the next table, not on the tab header.
                focusFirstTable();
            }
        });
        setCenter(tabs);
        Label hint = new Label("Double-click a row (or press Enter) to open its resource in the scan that is open."
                + " " + Keys.NEXT_TAB.getDisplayText() + " shows the next kind of change; Esc goes back.");
        hint.getStyleClass().add("text-muted");
        hint.setPadding(new Insets(8, 0, 0, 0));
        setBottom(hint);
    }

    private TableView<CompareRow> table(CompareViewModel.Category category) {
        TableView<CompareRow> table = new TableView<>(model.rows(category));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Nothing here: no " + category.title().toLowerCase(java.util.Locale.ROOT)));
        table.getColumns().add(column("Resource", 120, CompareRow::resourceName));
        table.getColumns().add(column("Check", 330, model::checkTitle));
        table.getColumns().add(column("Region", 90, CompareRow::region));
        table.getColumns().add(column("Before", 70, r -> word(r.before())));
        table.getColumns().add(column("After", 70, r -> word(r.after())));
        table.getColumns().add(column("Explanation", 300, CompareRow::statusText));
        table.setRowFactory(tv -> {
            TableRow<CompareRow> row = new TableRow<>();
            // The explanation is often longer than its column: the whole sentence on hover.
            row.itemProperty().addListener((o, was, now) -> row.setTooltip(now == null || now.statusText() == null
                    ? null : new javafx.scene.control.Tooltip(now.statusText())));
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    model.open(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.open(table.getSelectionModel().getSelectedItem());
            }
        });
        return table;
    }

    private static String word(Status status) {
        return status == null ? "—" : status.name().replace('_', ' ');
    }

    private static TableColumn<CompareRow, String> column(String title, double width,
                                                         Function<CompareRow, String> value) {
        TableColumn<CompareRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    /** Puts the keyboard on the shown tab's table, its first row selected, once that table is on screen. */
    void focusFirstTable() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        if (tab == null || !(tab.getContent() instanceof TableView)) {
            return;
        }
        TableView<?> table = (TableView<?>) tab.getContent();
        Runnable focus = () -> {
            table.requestFocus();
            if (!table.getItems().isEmpty() && table.getSelectionModel().isEmpty()) {
                table.getSelectionModel().selectFirst();
            }
        };
        if (table.getSkin() != null && table.getScene() != null) {
            javafx.application.Platform.runLater(focus);
            return;
        }
        // A tab's content gets its skin when the tab pane first lays it out; a focus request before is lost.
        table.skinProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.control.Skin<?>> o,
                                javafx.scene.control.Skin<?> was, javafx.scene.control.Skin<?> now) {
                if (now != null) {
                    table.skinProperty().removeListener(this);
                    javafx.application.Platform.runLater(focus);
                }
            }
        });
    }

    /** The tabs, for tests. */
    TabPane tabs() {
        return tabs;
    }
}
