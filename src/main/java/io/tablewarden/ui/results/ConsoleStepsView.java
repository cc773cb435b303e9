package io.tablewarden.ui.results;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.function.Consumer;

/**
 * The console steps of a fix as a numbered list that wraps to the width, with a Copy button that puts the steps
 * on the clipboard as numbered lines (for a ticket or a change request).
 */
final class ConsoleStepsView extends VBox {

    private final VBox steps = new VBox(8);
    private final Button copy = new Button("Copy", new FontIcon(Feather.COPY));
    private String text = "";

    ConsoleStepsView(Consumer<String> onCopied) {
        getStyleClass().addAll("code-view", "console-steps");
        copy.getStyleClass().addAll(Styles.SMALL, "copy-button");
        copy.setTooltip(new Tooltip("Copy the steps to the clipboard"));
        copy.setOnAction(e -> {
            ResultActions.copy(text);
            onCopied.accept(text);
        });
        Label caption = new Label("Steps in the AWS console, with this resource's names");
        caption.getStyleClass().add(Styles.TEXT_MUTED);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, caption, spacer, copy);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("code-bar");
        steps.getStyleClass().add("step-list");
        steps.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(steps);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        scroll.setMinWidth(0);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        setMinWidth(0);
        getChildren().addAll(bar, scroll);
    }

    /**
     * Shows {@code stepTexts} numbered from 1.
     *
     * @param stepTexts the steps as a person reads them, without numbers
     * @param copyText  what Copy puts on the clipboard
     */
    void show(List<String> stepTexts, String copyText) {
        text = copyText == null ? "" : copyText;
        steps.getChildren().clear();
        for (int i = 0; i < stepTexts.size(); i++) {
            Label number = new Label((i + 1) + ".");
            number.getStyleClass().add("step-number");
            number.setMinWidth(Region.USE_PREF_SIZE);
            Label step = new Label(stepTexts.get(i));
            step.getStyleClass().add("step-text");
            step.setWrapText(true);
            step.setMinHeight(Region.USE_PREF_SIZE);
            step.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(step, Priority.ALWAYS);
            HBox line = new HBox(8, number, step);
            line.setAlignment(Pos.TOP_LEFT);
            steps.getChildren().add(line);
        }
        if (stepTexts.isEmpty()) {
            Label none = new Label("This check has no console steps.");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            steps.getChildren().add(none);
        }
        copy.setDisable(text.isEmpty());
    }

    String text() {
        return text;
    }
}
