package io.tablewarden.ui.history;

import io.tablewarden.store.OrganizationScanAccount;
import io.tablewarden.store.OrganizationScanSummary;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;

/**
 * The stored organisation scans on the history page, each with its accounts below it: double-click (or Enter on)
 * an organisation scan to open it whole, an account to open its own scan. Hidden while there is none. Only binds
 * {@link HistoryViewModel}.
 */
final class OrganizationScansView extends VBox {

    /** A row: an organisation scan, or one account of it. */
    private record Node(OrganizationScanSummary scan, OrganizationScanAccount account) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final TreeTableView<Node> tree = new TreeTableView<>();

    OrganizationScansView(HistoryViewModel model) {
        Label title = new Label("Organisation scans");
        title.getStyleClass().add("title-4");
        tree.setId("history-organizations");
        tree.setShowRoot(false);
        tree.setRoot(new TreeItem<>());
        tree.setPrefHeight(190);
        tree.setMinHeight(120);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tree.getColumns().add(column("Organisation scan / account", 300, n -> n.account() == null
                ? n.scan().id() + " · " + HistoryViewModel.organizationLabel(n.scan())
                : n.account().accountId() + (n.account().accountName() == null ? ""
                : " (" + n.account().accountName() + ")")));
        tree.getColumns().add(column("OU / profile", 130, n -> n.account() == null
                ? (n.scan().profileName() == null ? "demo or fixture" : n.scan().profileName())
                : n.account().unitPath() == null ? "" : n.account().unitPath()));
        tree.getColumns().add(column("Started", 130, n -> n.account() != null || n.scan().startedAt() == null ? ""
                : WHEN.format(n.scan().startedAt())));
        tree.getColumns().add(column("State", 90, n -> n.account() == null ? n.scan().state()
                : n.account().outcome().name().toLowerCase(Locale.ROOT)
                + (n.account().scanId() == null ? "" : " · scan " + n.account().scanId())));
        tree.getColumns().add(column("Why", 200, n -> n.account() == null || n.account().message() == null ? ""
                : n.account().message()));
        tree.setRowFactory(t -> {
            TreeTableRow<Node> row = new TreeTableRow<>() {
                @Override
                protected void updateItem(Node item, boolean empty) {
                    super.updateItem(item, empty);
                    setTooltip(empty || item == null || item.account() == null || item.account().message() == null
                            ? null : new Tooltip(item.account().message()));
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && row.getItem() != null) {
                    open(model, row.getItem());
                }
            });
            return row;
        });
        tree.setOnKeyPressed(e -> {
            TreeItem<Node> selected = tree.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null && selected.getValue() != null) {
                open(model, selected.getValue());
                e.consume();
            }
        });
        model.organizationScans().addListener((ListChangeListener<OrganizationScanSummary>) c -> fill(model));
        fill(model);
        setSpacing(6);
        getChildren().setAll(title, tree);
        visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.organizationScans()));
        managedProperty().bind(visibleProperty());
    }

    TreeTableView<?> tree() {
        return tree;
    }

    private static void open(HistoryViewModel model, Node node) {
        if (node.account() == null) {
            model.openOrganization(node.scan());
        } else {
            model.openAccount(node.account());
        }
    }

    private void fill(HistoryViewModel model) {
        tree.getRoot().getChildren().clear();
        for (OrganizationScanSummary scan : model.organizationScans()) {
            TreeItem<Node> item = new TreeItem<>(new Node(scan, null));
            scan.accounts().forEach(a -> item.getChildren().add(new TreeItem<>(new Node(scan, a))));
            tree.getRoot().getChildren().add(item);
        }
    }

    private static TreeTableColumn<Node, String> column(String title, double width, Function<Node, String> value) {
        TreeTableColumn<Node, String> c = new TreeTableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().getValue() == null ? ""
                : value.apply(d.getValue().getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
