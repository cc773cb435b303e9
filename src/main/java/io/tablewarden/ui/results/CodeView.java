package io.tablewarden.ui.results;

import atlantafx.base.theme.Styles;
import io.tablewarden.ui.results.ResourceDetailViewModel.Language;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Consumer;

/**
 * A read-only, highlighted snippet with a Copy button that puts exactly the snippet on the clipboard: the
 * text a user runs is the text shown, filled with the resource's names.
 */
final class CodeView extends VBox {

    /** Height of one line of the 12 px monospaced code font, in pixels. */
    private static final double LINE_HEIGHT = 17;
    private static final double BAR_HEIGHT = 34;
    private static final long MIN_LINES = 6;
    private static final long MAX_LINES = 30;

    private final CodeArea area = new CodeArea();
    private final Button copy = new Button("Copy", new FontIcon(Feather.COPY));
    private final Label caption = new Label();
    private String text = "";

    CodeView(Consumer<String> onCopied) {
        getStyleClass().add("code-view");
        area.setEditable(false);
        area.setWrapText(false);
        area.getStyleClass().add("code-area-snippet");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        copy.getStyleClass().addAll(Styles.SMALL, "copy-button");
        copy.setTooltip(new Tooltip("Copy this snippet to the clipboard"));
        copy.setOnAction(e -> {
            ResultActions.copy(text);
            onCopied.accept(text);
        });
        caption.getStyleClass().add(Styles.TEXT_MUTED);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, caption, spacer, copy);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("code-bar");
        StackPane body = new StackPane(new VirtualizedScrollPane<>(area));
        // Long lines scroll inside the code area; without a small preferred width they would widen the whole
        // detail page and push the Copy button out of view.
        body.setPrefWidth(120);
        body.setMinWidth(0);
        setMinWidth(0);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(bar, body);
    }

    /** Shows {@code snippet}; {@code null} shows an empty, disabled view. */
    void show(String snippet, Language language, String captionText) {
        text = snippet == null ? "" : snippet;
        // As tall as the snippet (up to a screenful): the page scrolls as a whole rather than a small pane.
        long lines = Math.max(MIN_LINES, Math.min(MAX_LINES, text.lines().count()));
        setPrefHeight(BAR_HEIGHT + lines * LINE_HEIGHT + 12);
        caption.setText(captionText);
        area.replaceText(text);
        area.setStyleSpans(0, SyntaxHighlighter.highlight(text, language));
        area.moveTo(0);
        area.requestFollowCaret();
        copy.setDisable(text.isEmpty());
    }

    String text() {
        return text;
    }

    Button copyButton() {
        return copy;
    }
}
