package io.tablewarden.ui.scan;

import atlantafx.base.theme.Styles;
import io.tablewarden.ui.scan.OrganizationScanViewModel.AccountChoice;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.Locale;

/**
 * The organisation's part of the scan settings: list the accounts, tick the ones to scan (all, none, or an OU's;
 * suspended accounts show but cannot be ticked), and name the role assumed in each member. Only binds
 * {@link OrganizationScanViewModel}.
 */
final class OrganizationChoiceView extends VBox {

    private final OrganizationScanViewModel model;
    private final TableView<AccountChoice> table = new TableView<>();
    private final MenuButton byUnit = new MenuButton("By OU");

    OrganizationChoiceView(OrganizationScanViewModel model, ScanViewModel page) {
        this.model = model;
        getStyleClass().add("organization-choice");
        setSpacing(6);

        Button list = new Button("List accounts", new FontIcon(Feather.USERS));
        list.setId("org-list-accounts");
        list.getStyleClass().add(Styles.SMALL);
        list.setTooltip(new Tooltip("Ask AWS Organizations for the accounts of the profile's organisation"));
        list.setOnAction(e -> model.listAccounts());
        list.disableProperty().bind(model.listingProperty()
                .or(page.stateProperty().isEqualTo(ScanViewModel.State.RUNNING)));
        Label listed = new Label();
        listed.setId("org-listed");
        listed.getStyleClass().add(Styles.TEXT_MUTED);
        listed.setMinWidth(0);
        listed.textProperty().bind(Bindings.createStringBinding(() -> model.listed()
                        ? model.selectedCountProperty().get() + " of " + model.accounts().size() + " ticked"
                        : "every account, until listed", model.organizationIdProperty(), model.selectedCountProperty(),
                model.listedProperty()));
        Button all = ScanView.small("All", "Tick every account that can be scanned", model::selectAll);
        Button none = ScanView.small("None", "Untick every account", model::selectNone);
        byUnit.setId("org-by-unit");
        byUnit.getStyleClass().add(Styles.SMALL);
        byUnit.setTooltip(new Tooltip("Tick exactly the accounts of one OU and the OUs below it"));
        model.units().addListener((ListChangeListener<String>) c -> fillUnits());
        fillUnits();
        for (var b : new javafx.scene.control.Control[] {all, none, byUnit}) {
            b.disableProperty().bind(model.listedProperty().not());
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        list.setMinWidth(Region.USE_PREF_SIZE);
        HBox buttons = new HBox(6, list, listed, ScanView.spacer(), all, none, byUnit);
        buttons.setAlignment(Pos.CENTER_LEFT);

        table.setId("org-accounts");
        // the accounts of another profile's organisation are not shown once another profile is chosen
        javafx.collections.ObservableList<AccountChoice> unlisted = javafx.collections.FXCollections.observableArrayList();
        table.itemsProperty().bind(Bindings.when(model.listedProperty()).then(model.accounts()).otherwise(unlisted));
        table.setEditable(true);
        table.getStyleClass().add(Styles.DENSE);
        table.setPrefHeight(190);
        table.setMinHeight(130);
        table.setPlaceholder(new Label("List the accounts to choose; without a list every account is scanned."));
        // the id, OU and status keep their widths; the name takes what is left, so it shows whole
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TableColumn<AccountChoice, Boolean> tick = new TableColumn<>();
        tick.setCellValueFactory(c -> c.getValue().selectedProperty());
        tick.setCellFactory(c -> new TickCell());
        tick.setPrefWidth(34);
        tick.setMaxWidth(34);
        tick.setSortable(false);
        tick.setEditable(true);
        table.getColumns().add(tick);
        table.getColumns().add(column("Name", AccountChoice::name, 150));
        for (TableColumn<AccountChoice, String> fixed : List.of(column("Account", AccountChoice::id, 128),
                column("OU", a -> a.unitPath().isEmpty() ? OrganizationScanViewModel.ROOT_UNIT : a.unitPath(), 100),
                column("Status", a -> a.status().toLowerCase(Locale.ROOT).replace('_', ' '), 72))) {
            fixed.setMinWidth(fixed.getPrefWidth());
            fixed.setMaxWidth(fixed.getPrefWidth());
            table.getColumns().add(fixed);
        }
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AccountChoice item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("disabled"), false);
                setDisable(false);
                getStyleClass().remove("suspended");
                if (!empty && item != null && !item.selectable()) {
                    getStyleClass().add("suspended");
                }
                setTooltip(empty || item == null || item.selectable() ? null
                        : new Tooltip("A " + item.status().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + " account has nothing to scan"));
            }
        });

        TextField role = new TextField();
        role.setId("org-role-name");
        role.textProperty().bindBidirectional(model.roleNameProperty());
        role.setTooltip(new Tooltip("The role assumed in every member account (a read-only audit role, or"
                + " OrganizationAccountAccessRole)"));
        TextField external = new TextField();
        external.setId("org-external-id");
        external.setPromptText("none");
        external.textProperty().bindBidirectional(model.externalIdProperty());
        external.setTooltip(new Tooltip("The external id the members' trust policies require, if any"));
        CheckBox own = new CheckBox("Include the profile's own account");
        own.setId("org-include-own");
        own.selectedProperty().bindBidirectional(model.includeOwnAccountProperty());
        own.setTooltip(new Tooltip("Scan the account the profile signs in to as well, with its own credentials"));
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        Label roleLabel = new Label("Role");
        roleLabel.setLabelFor(role);
        Label externalLabel = new Label("External id");
        externalLabel.setLabelFor(external);
        form.addRow(0, roleLabel, role);
        form.addRow(1, externalLabel, external);
        form.add(own, 0, 2, 2, 1);
        GridPane.setHgrow(role, Priority.ALWAYS);
        GridPane.setHgrow(external, Priority.ALWAYS);

        getChildren().setAll(buttons, table, form);
    }

    TableView<AccountChoice> table() {
        return table;
    }

    private void fillUnits() {
        byUnit.getItems().setAll(model.units().stream().map(u -> {
            MenuItem item = new MenuItem(u);
            item.setOnAction(e -> model.selectUnit(u));
            return item;
        }).toList());
    }

    private static TableColumn<AccountChoice, String> column(String title,
                                                             java.util.function.Function<AccountChoice, String> value,
                                                             double width) {
        TableColumn<AccountChoice, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** A check box bound to the account's flag, disabled for an account that cannot be scanned. */
    private static final class TickCell extends TableCell<AccountChoice, Boolean> {
        private final CheckBox box = new CheckBox();
        private AccountChoice bound;

        TickCell() {
            setAlignment(Pos.CENTER);
        }

        @Override
        protected void updateItem(Boolean value, boolean empty) {
            super.updateItem(value, empty);
            if (bound != null) {
                box.selectedProperty().unbindBidirectional(bound.selectedProperty());
                bound = null;
            }
            // by index: the row's own item may not be updated yet when its cells are
            int index = getIndex();
            AccountChoice item = empty || getTableView() == null || index < 0
                    || index >= getTableView().getItems().size() ? null : getTableView().getItems().get(index);
            if (item == null) {
                setGraphic(null);
                return;
            }
            bound = item;
            box.setSelected(item.selectedProperty().get());
            box.selectedProperty().bindBidirectional(item.selectedProperty());
            box.setDisable(!item.selectable());
            box.setId("org-tick-" + item.id());
            setGraphic(box);
        }
    }
}
