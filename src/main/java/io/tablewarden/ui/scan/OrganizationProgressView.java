package io.tablewarden.ui.scan;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.Locale;

/**
 * The running organisation scan, one row per account: its name, a progress bar over its regions, what it is
 * doing, and below it each region's state or, for an account that could not be scanned, the account-level error
 * naming the role and the trust policy. Rows look like the one-account scan's region rows.
 */
final class OrganizationProgressView extends StackPane {

    OrganizationProgressView(OrganizationScanViewModel model) {
        VBox column = new VBox();
        column.getStyleClass().add("region-rows");
        Label placeholder = new Label("Per-account progress appears here when an organisation scan runs.");
        placeholder.getStyleClass().add("region-placeholder");
        Runnable refill = () -> {
            column.getChildren().setAll(model.accountRows().stream().map(AccountRow::new).toList());
            placeholder.setVisible(model.accountRows().isEmpty());
        };
        model.accountRows().addListener((ListChangeListener<AccountStatus>) c -> refill.run());
        refill.run();
        ScrollPane scroll = new ScrollPane(column);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setFocusTraversable(false);
        getChildren().setAll(scroll, placeholder);
        setId("scan-account-rows");
        getStyleClass().add("region-frame");
    }

    /** One account's row. */
    private static final class AccountRow extends VBox {
        private final javafx.beans.value.ChangeListener<AccountStatus.Phase> phaseListener =
                (o, was, now) -> style(now);

        AccountRow(AccountStatus item) {
            // The account and its state on one line, the bar under them across the row: an account's name and a
            // message such as "could not be scanned" both stay whole in the narrow half of the page.
            Label name = new Label(item.label());
            name.getStyleClass().add("region-name");
            name.setMinWidth(0);
            name.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(name, Priority.ALWAYS);
            Label message = new Label();
            message.getStyleClass().add("region-message");
            message.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            message.textProperty().bind(item.messageProperty());
            HBox line = new HBox(8, name, message);
            line.getStyleClass().add("region-line");
            ProgressBar bar = new ProgressBar();
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.progressProperty().bind(item.progressProperty());
            Label detail = new Label();
            ScanView.bindDetail(detail, item.detailProperty());
            getChildren().setAll(line, bar, detail);
            getStyleClass().addAll("region-row", "account-row");
            setId("account-row-" + item.accountId());
            item.phaseProperty().addListener(new javafx.beans.value.WeakChangeListener<>(phaseListener));
            style(item.phaseProperty().get());
        }

        private void style(AccountStatus.Phase phase) {
            getStyleClass().removeAll("failed", "incomplete", "skipped", "cancelled", "done");
            switch (phase) {
                case WAITING, SCANNING -> { }
                case ERROR -> getStyleClass().add("failed");
                default -> getStyleClass().add(phase.name().toLowerCase(Locale.ROOT));
            }
        }
    }
}
