package io.tablewarden.ui.results;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.ResourceType;
import io.tablewarden.ui.results.MatrixRow.MatrixCell;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import org.controlsfx.control.textfield.CustomTextField;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The posture matrix: one row per table or DAX cluster, one coloured column per check. Each cell shows its
 * status word as well as its colour; muted cells are hatched. Clicking a cell opens that resource with that
 * check selected; Enter on a row opens the resource.
 */
final class MatrixView extends BorderPane {

    private static final String ALL_REGIONS = "All regions";
    private static final String ALL_TYPES = "Tables and DAX clusters";

    private final MatrixViewModel model;
    private final BiConsumer<String, String> onOpen;
    private final TableView<MatrixRow> table = new TableView<>();

    /** @param onOpen receives a resource ARN and the check id clicked (null for the whole row) */
    MatrixView(MatrixViewModel model, BiConsumer<String, String> onOpen) {
        this.model = model;
        this.onOpen = onOpen;
        getStyleClass().add("matrix-view");
        setTop(filterBar());
        setCenter(table);
        table.setItems(model.sortedRows());
        model.sortedRows().comparatorProperty().bind(table.comparatorProperty());
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE, "posture-matrix");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setId("posture-matrix");
        table.setPlaceholder(new Label("No table or DAX cluster matches these filters."));
        table.setOnKeyPressed(e -> {
            MatrixRow row = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && row != null) {
                onOpen.accept(row.resource().arn(), null);
                e.consume();
            }
        });
        model.columns().addListener((ListChangeListener<String>) change -> rebuildColumns());
        rebuildColumns();
    }

    TableView<MatrixRow> table() {
        return table;
    }

    private FlowPane filterBar() {
        CustomTextField search = (CustomTextField) TextFields.createClearableTextField();
        search.setPromptText("Filter by name or ARN");
        search.setLeft(new FontIcon(Feather.SEARCH));
        search.setPrefWidth(240);
        search.textProperty().bindBidirectional(model.searchTextProperty());

        ComboBox<String> region = new ComboBox<>();
        Runnable regions = () -> {
            List<String> items = new ArrayList<>();
            items.add(ALL_REGIONS);
            items.addAll(model.availableRegions());
            region.setItems(FXCollections.observableArrayList(items));
            region.setValue(model.regionProperty().get() == null ? ALL_REGIONS : model.regionProperty().get());
        };
        model.availableRegions().addListener((ListChangeListener<String>) c -> regions.run());
        regions.run();
        region.valueProperty().addListener((obs, old, value) ->
                model.regionProperty().set(value == null || ALL_REGIONS.equals(value) ? null : value));
        model.regionProperty().addListener((obs, old, value) -> region.setValue(value == null ? ALL_REGIONS : value));
        region.setTooltip(new Tooltip("Show one region"));

        ComboBox<String> type = new ComboBox<>(FXCollections.observableArrayList(ALL_TYPES,
                ResultLabels.resourceType(ResourceType.TABLE), ResultLabels.resourceType(ResourceType.DAX_CLUSTER)));
        type.setValue(ALL_TYPES);
        type.valueProperty().addListener((obs, old, value) -> model.resourceTypeProperty().set(
                ResultLabels.resourceType(ResourceType.TABLE).equals(value) ? ResourceType.TABLE
                        : ResultLabels.resourceType(ResourceType.DAX_CLUSTER).equals(value) ? ResourceType.DAX_CLUSTER
                        : null));
        type.setTooltip(new Tooltip("Show one kind of resource"));

        CheckBox failing = new CheckBox("Only failing");
        failing.selectedProperty().bindBidirectional(model.onlyFailingProperty());
        failing.setTooltip(new Tooltip("Hide resources that have no FAIL"));

        Label legend = new Label("Each cell shows its status; hatched = muted · — = the check does not apply to this resource");
        legend.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);

        FlowPane bar = new FlowPane(8, 8, search, region, type, failing, legend);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 8, 0));
        return bar;
    }

    private void rebuildColumns() {
        List<TableColumn<MatrixRow, ?>> columns = new ArrayList<>();
        TableColumn<MatrixRow, String> name = new TableColumn<>("Resource");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().resource().name()));
        name.setPrefWidth(150);
        name.setMinWidth(120);
        TableColumn<MatrixRow, String> type = new TableColumn<>("Type");
        type.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                c.getValue().resource().type() == ResourceType.DAX_CLUSTER ? "DAX" : "Table"));
        type.setPrefWidth(58);
        TableColumn<MatrixRow, String> region = new TableColumn<>("Region");
        region.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().resource().region()));
        region.setPrefWidth(126);
        TableColumn<MatrixRow, Integer> fails = new TableColumn<>("Fails");
        fails.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().failCount()));
        fails.setPrefWidth(54);
        fails.setStyle("-fx-alignment: CENTER;");
        columns.add(name);
        columns.add(type);
        columns.add(region);
        columns.add(fails);
        for (String checkId : model.columns()) {
            columns.add(checkColumn(checkId));
        }
        // Every column but the resource's keeps its width; the resource's name takes what the window has left,
        // so a wide window shows whole names instead of a blank strip.
        for (TableColumn<MatrixRow, ?> column : columns) {
            if (column != name) {
                column.setMinWidth(column.getPrefWidth());
                column.setMaxWidth(column.getPrefWidth());
            }
        }
        table.getColumns().setAll(columns);
    }

    private TableColumn<MatrixRow, MatrixCell> checkColumn(String checkId) {
        TableColumn<MatrixRow, MatrixCell> column = new TableColumn<>();
        CheckMetadata metadata = model.metadataOf(checkId);
        // Two short lines fit a narrow column; wrapping by the label would break words mid-way.
        Label header = new Label(ResultLabels.shortName(checkId).replaceFirst(" ", "\n"));
        header.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        header.getStyleClass().add("matrix-header");
        String control = metadata == null ? null : metadata.securityHubControl();
        header.setTooltip(new Tooltip(ResultLabels.title(checkId, metadata)
                + (control == null ? "" : " (" + control + ")") + "\n" + checkId));
        column.setGraphic(header);
        column.setId("matrix-" + checkId);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().cell(checkId)));
        column.setComparator(Comparator.nullsLast(Comparator.comparingInt(MatrixView::rank)));
        column.setPrefWidth(60);
        column.getStyleClass().add("matrix-check-column");
        column.setCellFactory(c -> new MatrixCellView(checkId));
        return column;
    }

    /** Sort order of a cell: failures first, muted after live ones. */
    private static int rank(MatrixCell cell) {
        int base;
        switch (cell.status()) {
            case FAIL:
                base = 0;
                break;
            case ERROR:
                base = 2;
                break;
            case PASS:
                base = 4;
                break;
            default:
                base = 6;
        }
        return base + (cell.muted() ? 1 : 0);
    }

    /** A coloured cell that says its status in words. */
    private final class MatrixCellView extends TableCell<MatrixRow, MatrixCell> {
        private final String checkId;

        MatrixCellView(String checkId) {
            this.checkId = checkId;
            getStyleClass().add("matrix-cell");
            setOnMouseClicked(e -> {
                MatrixRow row = getTableRow() == null ? null : getTableRow().getItem();
                if (row != null && !isEmpty()) {
                    onOpen.accept(row.resource().arn(), getItem() == null ? null : checkId);
                }
            });
        }

        @Override
        protected void updateItem(MatrixCell cell, boolean empty) {
            super.updateItem(cell, empty);
            getStyleClass().removeIf(s -> s.startsWith("cell-"));
            pseudoClassStateChanged(ResultsStyles.MUTED, false);
            if (empty) {
                setText(null);
                setAccessibleText(null);
                setTooltip(null);
                return;
            }
            if (cell == null) {
                setText("—");
                getStyleClass().add("cell-none");
                setAccessibleText("does not apply");
                return;
            }
            // A muted cell keeps its word in parentheses, so the mute shows without colour too.
            String word = ResultLabels.status(cell.status());
            setText(cell.muted() ? "(" + word + ")" : word);
            getStyleClass().add("cell-" + ResultLabels.styleSuffix(cell.status()));
            pseudoClassStateChanged(ResultsStyles.MUTED, cell.muted());
            setAccessibleText(cell.text());
            setTooltip(new Tooltip(cell.text() + " — " + ResultLabels.title(checkId, model.metadataOf(checkId))));
        }
    }
}
