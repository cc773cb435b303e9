package io.tablewarden.ui.mute;

import io.tablewarden.ui.shell.FormGrid;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asks how to mute a finding: this finding or a pattern of resources, why, and until when. The dialog stays open
 * until the mute is stored, so a failure can be corrected without typing the reason again.
 */
public final class MuteDialog extends Dialog<Boolean> {

    /** The Mute button type. */
    public static final ButtonType MUTE = new ButtonType("Mute", ButtonBar.ButtonData.OK_DONE);

    private final AtomicBoolean saved = new AtomicBoolean();

    public MuteDialog(MuteViewModel model, Window owner) {
        setTitle("Mute finding");
        setHeaderText("Mute \u201c" + model.checkTitle() + "\u201d");
        if (owner != null) {
            initOwner(owner);
        }
        getDialogPane().setId("mute-dialog");
        getDialogPane().getButtonTypes().addAll(MUTE, ButtonType.CANCEL);
        getDialogPane().setContent(form(model));
        getDialogPane().setPrefWidth(560);

        Node mute = getDialogPane().lookupButton(MUTE);
        mute.setId("mute-save");
        mute.disableProperty().bind(model.validProperty().not().or(model.savingProperty()));
        // Saving runs in the background; the dialog closes itself once the mute is stored.
        mute.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            model.save(stored -> {
                if (stored != null) {
                    saved.set(true);
                    setResult(Boolean.TRUE);
                    close();
                }
            });
        });
        setResultConverter(button -> saved.get());
    }

    private static GridPane form(MuteViewModel model) {
        ToggleGroup scope = new ToggleGroup();
        RadioButton finding = new RadioButton("This finding only");
        finding.setId("mute-scope-finding");
        finding.setToggleGroup(scope);
        RadioButton pattern = new RadioButton("Every resource matching");
        pattern.setId("mute-scope-pattern");
        pattern.setToggleGroup(scope);
        scope.selectToggle(model.scopeProperty().get() == MuteViewModel.Scope.FINDING ? finding : pattern);
        scope.selectedToggleProperty().addListener((obs, was, now) -> model.scopeProperty().set(
                now == pattern ? MuteViewModel.Scope.PATTERN : MuteViewModel.Scope.FINDING));

        // Broken at a colon by the model, never inside a word by the label; the tooltip has it on one line.
        Label arn = new Label(model.resourceArnLines());
        arn.setId("mute-arn");
        arn.getStyleClass().add("text-muted");
        arn.setWrapText(false);
        arn.setMinWidth(Label.USE_PREF_SIZE);
        arn.setTooltip(new javafx.scene.control.Tooltip(model.resourceArn()));
        TextField glob = new TextField();
        glob.setId("mute-pattern");
        glob.textProperty().bindBidirectional(model.patternProperty());
        glob.disableProperty().bind(pattern.selectedProperty().not());
        glob.setPromptText("arn:aws:dynamodb:eu-west-1:123456789012:table/test-*");
        Label globHelp = new Label("* matches any text, ? one character");
        globHelp.getStyleClass().add("text-muted");

        TextArea reason = new TextArea();
        reason.setId("mute-reason");
        reason.setPromptText("Why this finding is accepted, e.g. \"scratch table, deleted weekly\"");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        reason.textProperty().bindBidirectional(model.reasonProperty());

        DatePicker until = new DatePicker();
        until.setId("mute-until");
        until.setPromptText("no end");
        until.valueProperty().bindBidirectional(model.lastDayProperty());

        Label problem = new Label();
        problem.setId("mute-problem");
        problem.getStyleClass().add("text-muted");
        problem.textProperty().bind(model.problemProperty());

        GridPane grid = FormGrid.create();
        grid.addRow(0, new Label("Mute"), finding);
        grid.add(arn, 1, 1);
        grid.add(pattern, 1, 2);
        grid.add(glob, 1, 3);
        grid.add(globHelp, 1, 4);
        grid.addRow(5, new Label("Reason"), reason);
        grid.addRow(6, new Label("Last day"), until);
        grid.add(problem, 1, 7);
        GridPane.setHgrow(reason, Priority.ALWAYS);
        GridPane.setHgrow(glob, Priority.ALWAYS);
        return grid;
    }
}
