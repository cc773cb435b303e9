package io.tablewarden.ui.profiles;

import atlantafx.base.theme.Styles;
import io.tablewarden.ui.tasks.TaskExecutor;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.net.URI;

/**
 * IAM Identity Center sign-in: shows the address to open (a link that opens the browser when the desktop allows
 * it) and the user code, large and copyable, with progress while the portal is polled, then the outcome.
 * Closing the dialog cancels the sign-in.
 */
public final class SsoLoginDialog extends Dialog<SsoLoginViewModel.State> {

    private final SsoLoginViewModel vm;
    private final TaskExecutor executor;

    public SsoLoginDialog(SsoLoginViewModel vm, Window owner, TaskExecutor executor) {
        this.vm = vm;
        this.executor = executor;
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Sign in to IAM Identity Center");
        setHeaderText("Sign in for profile " + vm.profile());
        getDialogPane().setContent(content());
        ButtonType again = new ButtonType("Start again", ButtonBar.ButtonData.LEFT);
        getDialogPane().getButtonTypes().addAll(again, ButtonType.CLOSE);
        Button againButton = (Button) getDialogPane().lookupButton(again);
        againButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            vm.start();
        });
        againButton.visibleProperty().bind(Bindings.createBooleanBinding(() ->
                vm.stateProperty().get() == SsoLoginViewModel.State.EXPIRED
                || vm.stateProperty().get() == SsoLoginViewModel.State.FAILED,
                vm.stateProperty()));
        setResultConverter(b -> vm.stateProperty().get());
        setOnHidden(e -> vm.cancel());
        setOnShown(e -> {
            if (vm.stateProperty().get() == SsoLoginViewModel.State.IDLE) {
                vm.start();
            }
        });
    }

    private VBox content() {
        Label message = new Label();
        message.setId("sso-message");
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(22, 22);
        progress.visibleProperty().bind(Bindings.createBooleanBinding(vm::active, vm.stateProperty()));
        progress.managedProperty().bind(progress.visibleProperty());
        Label outcome = new Label();
        outcome.graphicProperty().bind(Bindings.createObjectBinding(() -> {
            SsoLoginViewModel.State s = vm.stateProperty().get();
            if (s == SsoLoginViewModel.State.SIGNED_IN) {
                return new FontIcon(Feather.CHECK_CIRCLE);
            }
            return s == SsoLoginViewModel.State.EXPIRED || s == SsoLoginViewModel.State.FAILED
                    ? new FontIcon(Feather.ALERT_TRIANGLE) : null;
        }, vm.stateProperty()));
        outcome.managedProperty().bind(outcome.graphicProperty().isNotNull());
        vm.stateProperty().addListener((o, a, b) -> {
            outcome.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            outcome.getStyleClass().add(b == SsoLoginViewModel.State.SIGNED_IN ? Styles.SUCCESS : Styles.DANGER);
        });
        HBox status = new HBox(10, progress, outcome, message);
        status.setAlignment(Pos.CENTER_LEFT);

        Hyperlink link = new Hyperlink();
        link.setId("sso-url");
        link.textProperty().bind(vm.verificationUrlProperty());
        link.setOnAction(e -> open(vm.verificationUrlProperty().get()));
        link.setWrapText(true);
        Label code = new Label();
        code.setId("sso-user-code");
        code.getStyleClass().add("user-code");
        code.textProperty().bind(vm.userCodeProperty());
        Button copy = new Button("Copy code", new FontIcon(Feather.COPY));
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(vm.userCodeProperty().get());
            Clipboard.getSystemClipboard().setContent(c);
        });
        HBox codeRow = new HBox(12, code, copy);
        codeRow.setAlignment(Pos.CENTER_LEFT);
        Label step1 = new Label("1. Open this address in a browser:");
        Label step2 = new Label("2. Check that the page shows this code, then approve:");
        VBox steps = new VBox(8, step1, link, step2, codeRow);
        steps.visibleProperty().bind(vm.userCodeProperty().isNotNull().and(
                Bindings.createBooleanBinding(vm::active, vm.stateProperty())));
        steps.managedProperty().bind(steps.visibleProperty());

        VBox box = new VBox(16, steps, status);
        box.setPadding(new Insets(12, 16, 8, 16));
        box.setPrefWidth(600);
        return box;
    }

    /** Opens the address in the default browser off the JavaFX thread; without a desktop the link stays to copy. */
    private void open(String url) {
        if (url == null) {
            return;
        }
        executor.submit(() -> {
            if (GraphicsEnvironment.isHeadless() || !Desktop.isDesktopSupported()
                    || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                return false;
            }
            Desktop.getDesktop().browse(URI.create(url));
            return true;
        }, opened -> {
            if (!opened) {
                ClipboardContent c = new ClipboardContent();
                c.putString(url);
                Clipboard.getSystemClipboard().setContent(c);
                vm.messageProperty().set("No browser could be opened; the address was copied to the clipboard.");
            }
        }, e -> vm.messageProperty().set("The browser could not be opened: " + e.getMessage()));
    }
}
