package io.tablewarden.ui.profiles;

import io.tablewarden.profiles.ProfileKind;
import io.tablewarden.ui.Screenshots;
import io.tablewarden.ui.shell.Stylesheets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Add-profile form in a window: no red problem before the user types, and a credential_process profile with
 * its one field. Screenshots go to {@code target/screenshots/profile-form-*.png}.
 */
@ExtendWith(ApplicationExtension.class)
class ProfileFormDialogFxTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Screenshots.theme(false);
        stage.setScene(new Scene(new StackPane(new Label("Profiles")), 900, 700));
        stage.show();
    }

    @Test
    void aNewFormIsQuietUntilTypedAndTakesACredentialProcessCommand(FxRobot robot) throws Exception {
        ProfileFormViewModel form = new ProfileFormViewModel(null, List.of("base"), List.of());
        robot.interact(() -> {
            ProfileFormDialog dialog = new ProfileFormDialog(form, stage);
            Stylesheets.install(dialog.getDialogPane());
            dialog.show();
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#save-profile").tryQuery().isPresent());
        Label problem = robot.lookup("#form-problem").queryAs(Label.class);
        assertTrue(problem.getText() == null || problem.getText().isEmpty(), "no error before any input");
        assertTrue(robot.lookup("#save-profile").query().isDisabled());
        Scene dialog = problem.getScene();
        Screenshots.write(robot, dialog, "profile-form-new-light");

        robot.interact(() -> form.kindProperty().set(ProfileKind.CREDENTIAL_PROCESS));
        Node command = robot.lookup("#credential-process").query();
        assertTrue(command.isVisible());
        assertFalse(robot.lookup("#access-key-id").query().getParent().isVisible(), "the keys' fields are hidden");
        robot.clickOn("#profile-name").write("vault-prod");
        assertEquals("Enter the command that prints the credentials (credential_process).", problem.getText());
        robot.clickOn(command).write("/opt/vault/bin/aws-creds --role audit");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#save-profile").query().isDisabled());
        assertEquals("/opt/vault/bin/aws-creds --role audit", ((TextField) command).getText());
        Screenshots.write(robot, dialog, "profile-form-credential-process-light");
        robot.interact(() -> dialog.getWindow().hide());
    }

    @Test
    void theNameQuestionShowsNoProblemUntilTheUserTypes(FxRobot robot) throws Exception {
        io.tablewarden.ui.shell.FxDialogs dialogs = new io.tablewarden.ui.shell.FxDialogs(() -> stage);
        java.util.concurrent.atomic.AtomicReference<java.util.Optional<String>> answer =
                new java.util.concurrent.atomic.AtomicReference<>();
        javafx.application.Platform.runLater(() -> answer.set(dialogs.askText(
                new io.tablewarden.ui.shell.Dialogs.TextRequest("Rename profile base", "New name", "base",
                        text -> ProfileFormViewModel.nameProblem(text, List.of("base")) == null ? ""
                                : ProfileFormViewModel.nameProblem(text, List.of("base"))))));
        // the dialog's window is shown, not only built, before the robot clicks into it
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#dialog-text").tryQuery()
                .filter(field -> field.getScene() != null && field.getScene().getWindow() != null
                        && field.getScene().getWindow().isShowing() && field.isVisible()).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Label problem = robot.lookup("#dialog-text-problem").queryAs(Label.class);
        Node ok = ((javafx.scene.control.DialogPane) problem.getScene().getRoot())
                .lookupButton(javafx.scene.control.ButtonType.OK);
        assertEquals("", problem.getText(), "the offered name is not an error before the user types");
        assertTrue(ok.isDisabled(), "yet it cannot be accepted: it is taken");
        robot.clickOn("#dialog-text").type(javafx.scene.input.KeyCode.END).write("!");
        assertEquals("A profile name may use letters, digits and _ - / . % @ : + only.", problem.getText());
        robot.type(javafx.scene.input.KeyCode.BACK_SPACE).write("-eu");
        assertEquals("", problem.getText());
        assertFalse(ok.isDisabled());
        robot.interact(() -> problem.getScene().getWindow().hide());
    }
}
