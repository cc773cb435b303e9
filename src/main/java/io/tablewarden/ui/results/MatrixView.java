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
    private static final double NAME_MIN_WIDTH = 120;
    private static final double CHECK_MIN_WIDTH = 50;
    private static final double CHECK_MAX_WIDTH = 76;

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
        name.setId("matrix-resource");
        // A narrow window cuts long names: the tooltip has the whole ARN.
        name.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                MatrixRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : text);
                setTooltip(row == null ? null : new Tooltip(row.resource().arn()));
            }
        });
        name.setPrefWidth(150);
        name.setMinWidth(NAME_MIN_WIDTH);
        name.setMaxWidth(Double.MAX_VALUE);
        TableColumn<MatrixRow, String> type = new TableColumn<>("Type");
        type.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                c.getValue().resource().type() == ResourceType.DAX_CLUSTER ? "DAX" : "Table"));
        fixed(type, 52);
        type.getStyleClass().add("matrix-narrow-column");
        TableColumn<MatrixRow, String> region = new TableColumn<>("Region");
        region.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().resource().region()));
        fixed(region, 122);
        TableColumn<MatrixRow, Integer> fails = new TableColumn<>("Fails");
        fails.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().failCount()));
        fixed(fails, 46);
        fails.getStyleClass().add("matrix-narrow-column");
        fails.setStyle("-fx-alignment: CENTER;");
        columns.add(name);
        columns.add(type);
        columns.add(region);
        columns.add(fails);
        for (String checkId : model.columns()) {
            columns.add(checkColumn(checkId));
        }
        table.getColumns().setAll(columns);
    }

    /** A column that keeps its width whatever the window's: its values are short and of one length. */
    private static void fixed(TableColumn<MatrixRow, ?> column, double width) {
        column.setMinWidth(width);
        column.setPrefWidth(width);
        column.setMaxWidth(width);
    }

    private TableColumn<MatrixRow, MatrixCell> checkColumn(String checkId) {
        TableColumn<MatrixRow, MatrixCell> column = new TableColumn<>();
        CheckMetadata metadata = model.metadataOf(checkId);
        // Two short lines fit a narrow column; wrapping by the label would break words mid-way. The tooltip has
        // the check's title.
        Label header = new Label(twoLines(ResultLabels.shortName(checkId)));
        header.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        header.getStyleClass().add("matrix-header");
        String control = metadata == null ? null : metadata.securityHubControl();
        header.setTooltip(new Tooltip(ResultLabels.title(checkId, metadata)
                + (control == null ? "" : " (" + control + ")") + "\n" + checkId));
        column.setGraphic(header);
        column.setId("matrix-" + checkId);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().cell(checkId)));
        column.setComparator(Comparator.nullsLast(Comparator.comparingInt(MatrixView::rank)));
        // Narrow enough that every check fits beside the resource at 1280×800 without a horizontal scroll bar,
        // wide enough for "ERROR"; a wide window gives the check columns some air, the resource's name the rest.
        column.setMinWidth(CHECK_MIN_WIDTH);
        column.setPrefWidth(CHECK_MIN_WIDTH);
        column.setMaxWidth(CHECK_MAX_WIDTH);
        column.getStyleClass().add("matrix-check-column");
        column.setCellFactory(c -> new MatrixCellView(checkId));
        return column;
    }

    /** A short label on two lines: broken at its first space, else after its first hyphen ("Multi-" "AZ"). */
    static String twoLines(String label) {
        int space = label.indexOf(' ');
        if (space > 0) {
            return label.substring(0, space) + "\n" + label.substring(space + 1);
        }
        int hyphen = label.indexOf('-');
        return hyphen > 0 && hyphen < label.length() - 1
                ? label.substring(0, hyphen + 1) + "\n" + label.substring(hyphen + 1) : label;
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
