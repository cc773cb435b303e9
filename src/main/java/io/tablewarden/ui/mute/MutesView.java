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
        setPrefSize(1080, 420);
        setPadding(new Insets(16, 20, 8, 20));
        ZoneId zone = ZoneId.systemDefault();
        table.setId("mutes-table");
        table.setItems(model.mutes());
        // The columns share the table's width: no empty filler column at the right.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label("No mutes. Mute a finding from the Findings page."));
        // Header and at least four rows of two lines, whatever height the dialog gets.
        table.setMinHeight(230);
        // Long values wrap onto a second line rather than being cut; the tooltip repeats them.
        table.getColumns().add(column("Check", 230, model::checkTitle, m -> m.checkId()));
        // An imported Prowler rule has no single resource: the column says what the rule covers instead.
        TableColumn<Mute, String> resource = column("Resource", 350, model::resourceLines,
                m -> m.rule() == null ? m.resource() : m.scope());
        // Wide enough for the second line, "arn:aws:dynamodb:ap-southeast-2:111122223333".
        resource.setMinWidth(340);
        table.getColumns().add(resource);
        table.getColumns().add(column("Reason", 240, Mute::reason, Mute::reason));
        table.getColumns().add(column("By", 80, m -> m.createdBy() == null ? "" : m.createdBy(), null));
        table.getColumns().add(column("Until", 110, m -> m.expiresAt() == null ? "no end"
                : DAY.format(m.expiresAt().minusNanos(1).atZone(zone)) + (model.isActive(m) ? "" : "\n(expired)"),
                null));
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

    private static TableColumn<Mute, String> column(String title, double width, Function<Mute, String> value,
                                                    Function<Mute, String> tooltip) {
        TableColumn<Mute, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(title.length() * 10.0 + 24);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            {
                setWrapText(true);
                setTextOverrun(OverrunStyle.ELLIPSIS);
            }

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                Mute mute = empty || getTableRow() == null ? null : getTableRow().getItem();
                String tip = mute == null || tooltip == null ? null : tooltip.apply(mute);
                setTooltip(tip == null || tip.isEmpty() ? null : new Tooltip(tip));
            }
        });
        return column;
    }
}
