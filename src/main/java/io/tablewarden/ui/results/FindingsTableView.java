package io.tablewarden.ui.results;

import io.tablewarden.ui.shell.Keys;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Severity;
import io.tablewarden.model.Status;
import io.tablewarden.store.StoredResult;
import io.tablewarden.ui.shell.WorkbenchContext;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import io.tablewarden.ui.mute.MuteViewModel;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.textfield.CustomTextField;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The findings table with its filter bar. Multi-select filters are ControlsFX check combo boxes wired to the
 * model's sets; typing in the search box reaches the model after a short pause, so a scan of 150,000 results
 * is filtered once per pause rather than once per key.
 */
final class FindingsTableView extends BorderPane {

    private static final Duration SEARCH_DEBOUNCE = Duration.millis(250);

    private final FindingsViewModel model;
    private final WorkbenchContext context;
    private final TableView<StoredResult> table = new TableView<>();
    private final CustomTextField search = (CustomTextField) TextFields.createClearableTextField();
    private final Consumer<StoredResult> onOpen;
    private final CheckComboBox<Status> statusBox = new CheckComboBox<>();
    private final CheckComboBox<String> checkBox = new CheckComboBox<>();
    private final CheckComboBox<String> regionBox = new CheckComboBox<>();
    private final CheckComboBox<String> controlBox = new CheckComboBox<>();
    private final CheckComboBox<Severity> severityBox = new CheckComboBox<>();
    private final CheckComboBox<String> accountBox = new CheckComboBox<>();
    private final CheckBox showMuted = new CheckBox("Show muted");

    FindingsTableView(FindingsViewModel model, WorkbenchContext context, Consumer<StoredResult> onOpen) {
        this.model = model;
        this.context = context;
        this.onOpen = onOpen;
        getStyleClass().add("findings-table-view");
        setTop(filterBar());
        setCenter(buildTable());
    }

    TableView<StoredResult> table() {
        return table;
    }

    /** Moves the keyboard focus to the search box (Ctrl+F). */
    void focusSearch() {
        search.requestFocus();
        search.selectAll();
        if (!search.isFocused()) {
            // A page or tab just shown has not laid out its content yet: ask again once it has.
            javafx.application.Platform.runLater(() -> {
                search.requestFocus();
                search.selectAll();
            });
        }
    }

    private VBox filterBar() {
        // a prompt that fits the field; the tooltip says what the search looks in
        search.setPromptText("Search findings");
        search.setTooltip(new Tooltip("Search resource names and ARNs, checks, controls, statuses and reasons"));
        search.setLeft(new FontIcon(Feather.SEARCH));
        search.setPrefWidth(220);
        search.setId("findings-search");
        PauseTransition pause = new PauseTransition(SEARCH_DEBOUNCE);
        pause.setOnFinished(e -> model.searchTextProperty().set(search.getText()));
        search.textProperty().addListener((obs, old, text) -> {
            // Clearing is applied at once: nothing to wait for, and the user expects everything back.
            if (text == null || text.isEmpty()) {
                pause.stop();
                model.searchTextProperty().set("");
            } else {
                pause.playFromStart();
            }
        });
        model.searchTextProperty().addListener((obs, old, text) -> {
            if (!text.equals(search.getText()) && text.isEmpty()) {
                search.clear();
            }
        });

        wire(statusBox, "Status", model.statuses(), ResultLabels::status,
                javafx.collections.FXCollections.observableArrayList(Status.values()));
        wire(severityBox, "Severity", model.severities(), ResultLabels::severity,
                javafx.collections.FXCollections.observableArrayList(Arrays.asList(Severity.values())));
        wire(checkBox, "Check", model.checkIds(), id -> ResultLabels.title(id, model.metadataOf(id)),
                model.availableChecks());
        wire(regionBox, "Region", model.regions(), r -> r, model.availableRegions());
        wire(controlBox, "Control", model.controls(), c -> c, model.availableControls());
        controlBox.setTooltip(new Tooltip("Show only the findings of these Security Hub controls"));
        wire(accountBox, "Account", model.accounts(), model::accountLabel, model.availableAccounts());
        accountBox.setTooltip(new Tooltip("Show only the findings of these accounts of the organisation"));
        accountBox.setId("account-filter");
        // only an organisation scan has accounts to choose from
        accountBox.visibleProperty().bind(model.organizationProperty());
        accountBox.managedProperty().bind(model.organizationProperty());
        for (CheckComboBox<?> box : List.of(statusBox, severityBox, checkBox, regionBox, controlBox, accountBox)) {
            // Without a width the box grows to its longest item (a check title) and pushes the bar onto two lines.
            box.setPrefWidth(148);
            box.setMaxWidth(148);
        }
        // "Account: 1 of 5" is longer than the other titles; the bar wraps it onto a second line if it must
        accountBox.setPrefWidth(176);
        accountBox.setMaxWidth(176);
        statusBox.setId("status-filter");
        checkBox.setId("check-filter");
        showMuted.selectedProperty().bindBidirectional(model.showMutedProperty());
        showMuted.setTooltip(new Tooltip("Muted findings keep their status; hide them to focus on the rest"));

        Button clear = new Button(null, new FontIcon(Feather.X));
        clear.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        clear.setTooltip(new Tooltip("Clear every filter"));
        clear.setOnAction(e -> model.clearFilters());

        Button copyAll = new Button("Copy fix for selected failures", new FontIcon(Feather.TERMINAL));
        copyAll.setTooltip(new Tooltip("One script with the CLI remediation of every selected FAIL finding"));
        copyAll.setId("copy-selected-script");
        copyAll.setOnAction(e -> copySelectedScript());

        Label count = new Label();
        count.getStyleClass().add(Styles.TEXT_MUTED);
        Runnable updateCount = () -> count.setText(String.format("%,d of %,d results · %,d failing",
                model.visibleCountProperty().get(),
                model.snapshotProperty().get() == null ? 0 : model.snapshotProperty().get().rows().size(),
                model.failCountProperty().get()));
        model.visibleCountProperty().addListener((obs, old, n) -> updateCount.run());
        model.failCountProperty().addListener((obs, old, n) -> updateCount.run());
        model.snapshotProperty().addListener((obs, old, n) -> updateCount.run());
        updateCount.run();

        FlowPane filters = new FlowPane(8, 8, search, statusBox, severityBox, checkBox, regionBox, controlBox,
                accountBox, clear);
        filters.setAlignment(Pos.CENTER_LEFT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button mute = new Button("Mute…", new FontIcon(Feather.BELL_OFF));
        mute.setTooltip(new Tooltip(Keys.hint("Mute the selected finding with a reason", Keys.MUTE)
                + "; its status does not change"));
        mute.setId("mute-selected");
        mute.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        mute.setOnAction(e -> muteSelected());
        HBox status = new HBox(8, count, spacer, showMuted, mute, copyAll);
        status.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(8, filters, status);
        bar.setPadding(new Insets(0, 0, 8, 0));
        return bar;
    }

    /**
     * Keeps a check combo box and a model set in step, both ways. A flag stops each side from echoing the
     * other's change back, and new items (a new scan) are checked again from the model's set.
     */
    private static <T> void wire(CheckComboBox<T> box, String title, ObservableSet<T> selection,
                                 Function<T, String> label, ObservableList<T> items) {
        // The title says what the filter lets through ("Status: any", "Status: Fail"), not a count of ticks.
        box.setShowCheckedCount(false);
        Runnable retitle = () -> {
            List<String> labels = new java.util.ArrayList<>();
            for (T item : box.getCheckModel().getCheckedItems()) {
                labels.add(label.apply(item));
            }
            box.setTitle(FindingsViewModel.filterTitle(title, labels, box.getItems().size()));
        };
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<T>) change -> retitle.run());
        box.getItems().addListener((ListChangeListener<T>) change -> retitle.run());
        retitle.run();
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        });
        box.setTooltip(new Tooltip("Filter by " + title.toLowerCase() + " (none ticked: all)"));
        boolean[] syncing = {false};
        Runnable pull = () -> {
            syncing[0] = true;
            box.getCheckModel().clearChecks();
            for (T item : selection) {
                // The model may still hold a value the new items lack; ticking it would fail.
                if (box.getItems().contains(item)) {
                    box.getCheckModel().check(item);
                }
            }
            syncing[0] = false;
        };
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<T>) change -> {
            if (syncing[0]) {
                return;
            }
            syncing[0] = true;
            List<T> checked = List.copyOf(box.getCheckModel().getCheckedItems());
            selection.retainAll(checked);
            selection.addAll(checked);
            syncing[0] = false;
        });
        selection.addListener((SetChangeListener<T>) change -> {
            if (!syncing[0]) {
                pull.run();
            }
        });
        Runnable reload = () -> {
            syncing[0] = true;
            // Checks are cleared while the old items are still there: the check model keeps indices, and
            // clearing them after the items changed walks past the new, shorter list.
            box.getCheckModel().clearChecks();
            box.getItems().setAll(items);
            syncing[0] = false;
            pull.run();
        };
        items.addListener((ListChangeListener<T>) change -> reload.run());
        reload.run();
    }

    private TableView<StoredResult> buildTable() {
        TableColumn<StoredResult, Status> status = column("Status", 76, r -> r.result().status());
        status.setCellFactory(c -> new StatusCell());
        status.setComparator(Comparator.comparingInt(Status::ordinal));
        TableColumn<StoredResult, Severity> severity = column("Severity", 86, r -> r.result().severity());
        severity.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Severity value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : ResultLabels.severity(value));
            }
        });
        TableColumn<StoredResult, String> resource = column("Resource", 170, r -> r.result().resource().name());
        TableColumn<StoredResult, String> account = column("Account", 236,
                r -> model.accountLabel(r.result().resource().accountId()));
        account.setId("account-column");
        account.visibleProperty().bind(model.organizationProperty());
        TableColumn<StoredResult, String> check = column("Check", 260, r -> title(r.result()));
        TableColumn<StoredResult, String> region = column("Region", 120, r -> r.result().resource().region());
        TableColumn<StoredResult, String> control = column("Control", 112,
                r -> {
                    String c = model.controlOf(r.result().checkId());
                    return c == null ? "" : c;
                });
        control.setComparator(Comparator.comparing(FindingsViewModel::controlOrder));
        TableColumn<StoredResult, String> muted = column("Muted", 66, r -> r.muted() ? "Muted" : "");
        TableColumn<StoredResult, String> reason = column("Reason", 420, r -> r.result().statusText());
        check.setCellFactory(c -> new FullTextCell());
        reason.setCellFactory(c -> new FullTextCell());
        table.getColumns().setAll(List.of(status, severity, account, resource, check, region, control, muted,
                reason));
        // Short values keep their width; resource, check and reason share what the window has left, so a wide
        // window shows them whole and a laptop needs no sideways scrolling.
        for (TableColumn<StoredResult, ?> fixed : List.of(status, severity, account, region, control, muted)) {
            fixed.setMinWidth(fixed.getPrefWidth());
            fixed.setMaxWidth(fixed.getPrefWidth());
        }
        resource.setMinWidth(140);
        check.setMinWidth(200);
        reason.setMinWidth(220);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setItems(model.sortedRows());
        model.comparatorProperty().bind(table.comparatorProperty());
        // The model sorts below its filter (the table's items are a filtered list, which cannot be sorted in
        // place): the table only says which order it wants.
        table.setSortPolicy(t -> true);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE, Tweaks.EDGE_TO_EDGE, "findings-table");
        table.setId("findings-table");
        table.setPlaceholder(new Label("No finding matches these filters."));
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<StoredResult> row = new javafx.scene.control.TableRow<>() {
                @Override
                protected void updateItem(StoredResult item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(ResultsStyles.MUTED, !empty && item != null && item.muted());
                }
            };
            javafx.scene.control.MenuItem openItem = new javafx.scene.control.MenuItem("Open detail");
            openItem.setOnAction(e -> onOpen.accept(row.getItem()));
            javafx.scene.control.MenuItem copyItem = new javafx.scene.control.MenuItem("Copy CLI fix");
            copyItem.setOnAction(e -> copyCli(row.getItem()));
            javafx.scene.control.MenuItem muteItem = new javafx.scene.control.MenuItem("Mute…");
            muteItem.setOnAction(e -> mute(row.getItem()));
            javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(openItem, copyItem, muteItem);
            row.contextMenuProperty().bind(javafx.beans.binding.Bindings.when(row.emptyProperty())
                    .then((javafx.scene.control.ContextMenu) null).otherwise(menu));
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    onOpen.accept(row.getItem());
                }
            });
            return row;
        });
        KeyCombination copyKey = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        KeyCombination muteKey = new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN);
        table.setOnKeyPressed(e -> {
            StoredResult selected = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null) {
                onOpen.accept(selected);
                e.consume();
            } else if (muteKey.match(e) && selected != null) {
                mute(selected);
                e.consume();
            } else if (copyKey.match(e) && table.getSelectionModel().getSelectedItems().size() > 1) {
                // Several rows: the failures among them as one script, as the toolbar button does.
                copySelectedScript();
                e.consume();
            } else if (copyKey.match(e) && selected != null) {
                copyCli(selected);
                e.consume();
            }
        });
        return table;
    }

    private String title(CheckResult r) {
        CheckMetadata metadata = model.metadataOf(r.checkId());
        return ResultLabels.title(r.checkId(), metadata);
    }

    private void muteSelected() {
        StoredResult selected = table.getSelectionModel().getSelectedItem();
        if (selected != null) {
            mute(selected);
        }
    }

    /** Opens the mute dialog; the store republishes the scan with the new flags when the user saves. */
    private void mute(StoredResult row) {
        new MuteViewModel(context, row.result()).ask();
    }

    private void copyCli(StoredResult row) {
        String cli = model.cliFor(row);
        if (cli == null) {
            context.notify("This check has no CLI remediation.");
            return;
        }
        ResultActions.copy(cli);
        context.notify("Copied the CLI remediation for " + row.result().resource().name());
    }

    private void copySelectedScript() {
        String script = model.scriptFor(table.getSelectionModel().getSelectedItems());
        if (script.isEmpty()) {
            context.notify("Select one or more FAIL findings first.");
            return;
        }
        ResultActions.copy(script);
        context.notify("Copied the remediation script for the selected failures");
    }

    private static <T> TableColumn<StoredResult, T> column(String title, double width, Function<StoredResult, T> value) {
        TableColumn<StoredResult, T> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** Long text that may be cut off by the column width keeps the whole of it in a tooltip. */
    private static final class FullTextCell extends TableCell<StoredResult, String> {
        @Override
        protected void updateItem(String value, boolean empty) {
            super.updateItem(value, empty);
            setText(empty ? null : value);
            setTooltip(empty || value == null || value.isEmpty() ? null : new Tooltip(value));
        }
    }

    /** The status as a coloured badge that keeps its word. */
    private static final class StatusCell extends TableCell<StoredResult, Status> {
        @Override
        protected void updateItem(Status value, boolean empty) {
            super.updateItem(value, empty);
            setText(null);
            setGraphic(empty || value == null ? null : StatusBadge.of(value));
            setAccessibleText(empty || value == null ? null : ResultLabels.status(value));
        }
    }
}
