package io.tablewarden.ui.profiles;

import io.tablewarden.engine.aws.credentials.MfaCodeSupplier;
import io.tablewarden.ui.shell.DialogPlacement;
import io.tablewarden.ui.shell.Stylesheets;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Asks for the one-time code of an MFA device in a dialog when a role with {@code mfa_serial} is assumed. The
 * credential resolver calls it from a worker thread, which waits for the answer; the dialog itself runs on the
 * JavaFX thread, which never waits. Called on the JavaFX thread it answers no code rather than block the
 * interface. (The command line asks for the code with {@code cli.MfaPrompt}.)
 */
public final class MfaCodeDialog implements MfaCodeSupplier {

    private static final Pattern CODE = Pattern.compile("\\d{6}");

    private final Supplier<Window> owner;

    /** @param owner the window the dialog belongs to (may supply null) */
    public MfaCodeDialog(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public String mfaCode(String profile, String mfaSerial) {
        if (Platform.isFxApplicationThread()) {
            return null;
        }
        CompletableFuture<String> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(dialog(profile, mfaSerial).showAndWait().orElse(null));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    /** The dialog: a six-digit field, the profile and device shown, OK enabled only for six digits. */
    Dialog<String> dialog(String profile, String mfaSerial) {
        Dialog<String> dialog = new Dialog<>();
        Window w = owner == null ? null : owner.get();
        if (w != null) {
            dialog.initOwner(w);
        }
        Stylesheets.install(dialog.getDialogPane());
        DialogPlacement.install(dialog);
        dialog.setTitle("MFA code");
        dialog.setHeaderText("Profile " + profile + " needs a code from its MFA device");
        TextField code = new TextField();
        code.setId("mfa-code");
        code.setPromptText("123456");
        code.setPrefColumnCount(8);
        code.setStyle("-fx-font-size: 1.4em; -fx-font-family: monospace;");
        code.setTextFormatter(new javafx.scene.control.TextFormatter<String>(change ->
                change.getControlNewText().matches("\\d{0,6}") ? change : null));
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("Profile"), new Label(profile));
        Label serial = new Label(mfaSerial);
        serial.setWrapText(true);
        grid.addRow(1, new Label("MFA device"), serial);
        grid.addRow(2, new Label("Code"), code);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(code.textProperty().map(t -> !CODE.matcher(t).matches()));
        dialog.setResultConverter(b -> b == ButtonType.OK ? code.getText() : null);
        Platform.runLater(code::requestFocus);
        return dialog;
    }
}
