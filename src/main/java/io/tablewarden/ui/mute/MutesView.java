package io.tablewarden.ui.mute;

import io.tablewarden.store.Mute;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;

/** Lists every mute with its reason and expiry; the selected one can be removed. */
public final class MutesView extends BorderPane {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    private final TableView<Mute> table = new TableView<>();

    public MutesView(MutesViewModel model) {
        setId("mutes-view");
        setPrefSize(940, 360);
        setPadding(new Insets(16, 20, 8, 20));
        ZoneId zone = ZoneId.systemDefault();
        table.setId("mutes-table");
        table.setItems(model.mutes());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label("No mutes. Mute a finding from the Findings page."));
        table.getColumns().add(column("Check", 240, Mute::checkId));
        // An imported Prowler rule has no single resource: the column says what the rule covers instead.
        table.getColumns().add(column("Resource", 250, m -> m.rule() == null ? m.resource() : m.scope()));
        table.getColumns().add(column("Reason", 170, Mute::reason));
        table.getColumns().add(column("By", 70, m -> m.createdBy() == null ? "—" : m.createdBy()));
        table.getColumns().add(column("Until", 170, m -> m.expiresAt() == null ? "no end"
                : DAY.format(m.expiresAt().minusNanos(1).atZone(zone)) + (model.isActive(m) ? "" : " (expired)")));
        setCenter(table);

        Button unmute = new Button("Unmute", new FontIcon(Feather.BELL));
        unmute.setId("mutes-unmute");
        unmute.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        unmute.setOnAction(e -> model.unmute(table.getSelectionModel().getSelectedItem()));
        HBox actions = new HBox(8, unmute);
        actions.setAlignment(Pos.CENTER_RIGHT);
        actions.setPadding(new Insets(10, 0, 0, 0));
        setBottom(actions);
    }

    private static TableColumn<Mute, String> column(String title, double width, Function<Mute, String> value) {
        TableColumn<Mute, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                // ARNs differ at their end, so a long one is cut at its start; the tooltip has it whole.
                setTextOverrun("Resource".equals(title) ? OverrunStyle.LEADING_ELLIPSIS : OverrunStyle.ELLIPSIS);
                setTooltip(empty || text == null ? null : new Tooltip(text));
            }
        });
        return column;
    }
}
