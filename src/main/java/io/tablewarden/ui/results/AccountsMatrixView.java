package io.tablewarden.ui.results;

import atlantafx.base.theme.Styles;
import io.tablewarden.ui.results.AccountsMatrixViewModel.AccountRow;
import io.tablewarden.ui.results.AccountsMatrixViewModel.Tally;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * The accounts × controls table of an organisation scan: one row per account, worst first, its pass rate over
 * everything and per Security Hub control. Double-click (or Enter on) an account to see its failures on the
 * Findings page. Only binds {@link AccountsMatrixViewModel}.
 */
final class AccountsMatrixView extends TableView<AccountRow> {

    AccountsMatrixView(AccountsMatrixViewModel model, Consumer<String> showFailuresOfAccount) {
        setId("accounts-matrix");
        getStyleClass().addAll(Styles.DENSE, "accounts-matrix");
        setItems(model.rows());
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        setPlaceholder(new Label("No account in this organisation scan."));
        model.controls().addListener((ListChangeListener<String>) c -> columns(model));
        columns(model);
        setRowFactory(t -> {
            TableRow<AccountRow> row = new TableRow<>() {
                @Override
                protected void updateItem(AccountRow item, boolean empty) {
                    super.updateItem(item, empty);
                    setTooltip(empty || item == null || item.message() == null ? null : new Tooltip(item.message()));
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    showFailuresOfAccount.accept(row.getItem().accountId());
                }
            });
            return row;
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && getSelectionModel().getSelectedItem() != null) {
                showFailuresOfAccount.accept(getSelectionModel().getSelectedItem().accountId());
            }
        });
        // every row shown: an organisation of a few dozen accounts fits, a larger one scrolls the page
        fixedCellSizeProperty().set(28);
        prefHeightProperty().bind(javafx.beans.binding.Bindings.size(getItems()).multiply(28).add(34)
                .map(n -> Math.min(n.doubleValue(), 520)));
        setMinHeight(90);
    }

    private void columns(AccountsMatrixViewModel model) {
        TableColumn<AccountRow, String> account = new TableColumn<>("Account");
        account.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().label()));
        account.setPrefWidth(246);
        TableColumn<AccountRow, String> unit = new TableColumn<>("OU");
        unit.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().unitPath()));
        unit.setPrefWidth(116);
        TableColumn<AccountRow, AccountRow> rate = new TableColumn<>("Pass rate");
        rate.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        rate.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(AccountRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("rate-low", "rate-mid", "rate-high");
                if (empty || item == null) {
                    setText(null);
                    setTooltip(null);
                } else if (!"scanned".equals(item.outcome())) {
                    setText(item.outcome().toUpperCase(Locale.ROOT));
                    setTooltip(item.message() == null ? null : new Tooltip(item.message()));
                    if ("error".equals(item.outcome())) {
                        getStyleClass().add("rate-low");
                    }
                } else {
                    setText(percent(item.overall()) + "  (" + item.overall().fail() + " failing"
                            + (item.errors() > 0 ? ", " + item.errors() + " errors" : "") + ")");
                    setTooltip(null);
                    style(this, item.overall());
                }
            }
        });
        rate.setPrefWidth(150);
        rate.setSortable(false);
        getColumns().setAll(java.util.List.of(account, unit, rate));
        // The controls share one header ("Security Hub controls") over short ones ("DynamoDB.1" shows as ".1"), so
        // that seven of them fit beside the account on a laptop's screen; each keeps its full id in a tooltip.
        TableColumn<AccountRow, Tally> controls = new TableColumn<>("Security Hub controls");
        for (String control : model.controls()) {
            TableColumn<AccountRow, Tally> c = new TableColumn<>();
            String shortId = shortId(control);
            Label header = new Label(shortId);
            header.setTooltip(new Tooltip(control));
            c.setGraphic(header);
            c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>("scanned".equals(d.getValue().outcome())
                    ? d.getValue().tally(control) : null));
            c.setCellFactory(col -> new TableCell<>() {
                @Override
                protected void updateItem(Tally t, boolean empty) {
                    super.updateItem(t, empty);
                    getStyleClass().removeAll("rate-low", "rate-mid", "rate-high");
                    if (empty || t == null || t.rate() < 0) {
                        setText(empty || t == null ? null : "–");
                        setTooltip(null);
                    } else {
                        setText(percent(t));
                        setTooltip(new Tooltip(t.pass() + " pass, " + t.fail() + " fail"));
                        style(this, t);
                    }
                }
            });
            c.setPrefWidth(shortId.equals(control) ? 76 : 56);
            c.setSortable(false);
            controls.getColumns().add(c);
        }
        if (!controls.getColumns().isEmpty()) {
            getColumns().add(controls);
        }
    }

    /** "DynamoDB.4" as ".4" under the shared header; an id without a number as it is. */
    static String shortId(String control) {
        int dot = control.lastIndexOf('.');
        return dot > 0 && dot < control.length() - 1 ? control.substring(dot) : control;
    }

    private static String percent(Tally t) {
        return t.rate() < 0 ? "–" : String.format(Locale.ROOT, "%.0f%%", t.rate() * 100);
    }

    private static void style(TableCell<?, ?> cell, Tally t) {
        cell.getStyleClass().add(t.rate() < 0.5 ? "rate-low" : t.rate() < 0.9 ? "rate-mid" : "rate-high");
    }
}
