package io.tablewarden.ui.history;

import io.tablewarden.ui.shell.Keys;
import io.tablewarden.store.ScanSummary;
import io.tablewarden.store.StoredScanState;
import io.tablewarden.ui.mute.MutesViewModel;
import io.tablewarden.ui.shell.WorkbenchContext;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

/**
 * The Scans page: stored scans filterable by account; open one, or compare two of one account. The comparison
 * replaces the list until the user goes back. Binds controls to {@link HistoryViewModel} and nothing more.
 */
public final class HistoryView extends BorderPane {

    private final HistoryViewModel model;
    private final WorkbenchContext context;
    private final TableView<ScanSummary> table = new TableView<>();
    private final VBox listPane;

    public HistoryView(WorkbenchContext context, HistoryViewModel model) {
        this.context = context;
        this.model = model;
        getStyleClass().add("history-page");
        setPadding(new Insets(16));

        Label title = new Label("Stored scans");
        title.getStyleClass().add("title-3");
        ComboBox<String> account = new ComboBox<>(model.accounts());
        account.setId("history-account");
        account.valueProperty().bindBidirectional(model.accountFilterProperty());
        account.setTooltip(new Tooltip("Show the scans of one account"));
        Button refresh = iconButton("history-refresh", "Refresh", Feather.REFRESH_CW);
        refresh.setOnAction(e -> model.load());
        Button open = iconButton("history-open", "Open", Feather.FOLDER);
        Button compare = iconButton("history-compare", "Compare", Feather.GIT_PULL_REQUEST);
        Button mutes = iconButton("history-mutes", "Manage mutes", Feather.BELL_OFF);
        mutes.setOnAction(e -> new MutesViewModel(context).show());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.loadingProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(8, title, busy, spacer, account, refresh, open, compare, mutes);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(0, 0, 12, 0));

        buildTable();
        ObservableList<ScanSummary> selection = table.getSelectionModel().getSelectedItems();
        open.disableProperty().bind(Bindings.size(selection).isNotEqualTo(1));
        compare.disableProperty().bind(Bindings.size(selection).isNotEqualTo(2));
        compare.setTooltip(new Tooltip("Select two scans of one account (" + Keys.shortcutClick() + ", or "
                + Keys.EXTEND_SELECTION.getDisplayText() + " in the list)"
                + " and compare them (Enter)"));
        open.setTooltip(new Tooltip("Open the selected scan on the Findings page (Enter)"));
        refresh.setTooltip(new Tooltip("Read the stored scans again"));
        mutes.setTooltip(new Tooltip("See, change and remove mutes"));
        open.setOnAction(e -> model.open(table.getSelectionModel().getSelectedItem()));
        compare.setOnAction(e -> model.compare(selection.get(0), selection.get(1)));

        Label message = new Label();
        message.setId("history-message");
        message.getStyleClass().add("text-muted");
        message.textProperty().bind(model.messageProperty());
        message.setPadding(new Insets(8, 0, 0, 0));

        VBox.setVgrow(table, Priority.ALWAYS);
        Label accountScans = new Label("Scans");
        accountScans.getStyleClass().add("title-4");
        OrganizationScansView organizations = new OrganizationScansView(model);
        accountScans.visibleProperty().bind(organizations.visibleProperty());
        accountScans.managedProperty().bind(organizations.visibleProperty());
        listPane = new VBox(toolbar, organizations, accountScans, table, message);
        listPane.setSpacing(4);
        setCenter(listPane);
        model.comparisonProperty().addListener((obs, was, now) -> {
            if (now == null) {
                setCenter(listPane);
                // Back where the user left: the same two scans still selected, the keys on the list.
                table.requestFocus();
            } else {
                CompareView view = new CompareView(now, model::closeComparison);
                setCenter(view);
                view.focusFirstTable();
            }
        });
    }

    private void buildTable() {
        table.setId("history-table");
        table.setItems(model.scans());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label("No stored scans"));
        ZoneId zone = ZoneId.systemDefault();
        table.getColumns().add(column("Id", 40, s -> String.valueOf(s.id())));
        table.getColumns().add(column("Account", 260, HistoryViewModel::accountLabel));
        // Profile, start and duration whole at 1280×800 ("demo or fixture", a date and time, the header
        // "Duration"); the account's column gives up the width first.
        TableColumn<ScanSummary, String> profile = column("Profile", 130, HistoryViewModel::profileLabel);
        profile.setMinWidth(130);
        table.getColumns().add(profile);
        TableColumn<ScanSummary, String> started = column("Started", 155, s -> ScanFormat.started(s, zone));
        started.setMinWidth(145);
        table.getColumns().add(started);
        TableColumn<ScanSummary, String> duration = column("Duration", 88, ScanFormat::duration);
        duration.setMinWidth(88);
        table.getColumns().add(duration);
        table.getColumns().add(stateColumn());
        table.getColumns().add(count("Fail", "status-fail", ScanSummary::failCount));
        table.getColumns().add(count("Error", "status-error", ScanSummary::errorCount));
        table.getColumns().add(count("Pass", "status-pass", ScanSummary::passCount));
        table.getColumns().add(count("N/A", "status-na", ScanSummary::notApplicableCount));
        table.setRowFactory(tv -> {
            TableRow<ScanSummary> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    model.open(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            List<ScanSummary> selected = table.getSelectionModel().getSelectedItems();
            if (e.getCode() == KeyCode.ENTER && selected.size() == 1) {
                model.open(selected.get(0));
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && selected.size() == 2) {
                model.compare(selected.get(0), selected.get(1));
                e.consume();
            }
        });
        table.getItems().addListener((ListChangeListener<ScanSummary>) c -> table.getSelectionModel().clearSelection());
    }

    private static TableColumn<ScanSummary, String> column(String title, double width,
                                                           Function<ScanSummary, String> value) {
        TableColumn<ScanSummary, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    private static TableColumn<ScanSummary, ScanSummary> stateColumn() {
        TableColumn<ScanSummary, ScanSummary> column = new TableColumn<>("State");
        column.setPrefWidth(100);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ScanSummary scan, boolean empty) {
                super.updateItem(scan, empty);
                getStyleClass().removeAll("state-problem");
                if (empty || scan == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(ScanFormat.state(scan));
                boolean problem = scan.state() == StoredScanState.FAILED
                        || scan.state() == StoredScanState.INTERRUPTED
                        || scan.state() == StoredScanState.INCOMPLETE;
                if (problem) {
                    getStyleClass().add("state-problem");
                }
                setTooltip(scan.failureReason() == null ? null : new Tooltip(scan.failureReason()));
            }
        });
        return column;
    }

    private static TableColumn<ScanSummary, Number> count(String title, String style,
                                                          Function<ScanSummary, Integer> value) {
        TableColumn<ScanSummary, Number> column = new TableColumn<>(title);
        column.setPrefWidth(60);
        column.getStyleClass().addAll("count-column", style);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return column;
    }

    static Button iconButton(String id, String text, Feather icon) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId(id);
        return button;
    }

    /** The scans table, for tests. */
    TableView<ScanSummary> table() {
        return table;
    }
}
