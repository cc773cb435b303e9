package io.tablewarden.ui.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.io.PrintWriter;
import java.io.StringWriter;

/** An error said in plain words, with the technical details folded away behind "Details". */
public final class ErrorDialog {

    private ErrorDialog() {
    }

    /** Builds the dialog; the caller shows it. */
    public static Alert create(Window owner, String title, String message, Throwable details) {
        Alert alert = new Alert(Alert.AlertType.ERROR, "", ButtonType.CLOSE);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(title);
        alert.setHeaderText(title);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(460);
        alert.getDialogPane().setContent(text);
        if (details != null) {
            TextArea trace = new TextArea(stackTrace(details));
            trace.setEditable(false);
            trace.setWrapText(false);
            trace.getStyleClass().add("error-details");
            trace.setPrefRowCount(14);
            VBox.setVgrow(trace, Priority.ALWAYS);
            alert.getDialogPane().setExpandableContent(new VBox(trace));
        }
        Stylesheets.install(alert.getDialogPane());
        DialogPlacement.install(alert);
        return alert;
    }

    static String stackTrace(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
