package io.tablewarden.ui.profiles;

import io.tablewarden.profiles.ProfileKind;
import javafx.beans.property.Property;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;

/**
 * The add/edit form as a dialog: common fields, then the fields of the chosen kind; Save is enabled only when
 * {@link ProfileFormViewModel#validProperty()}. Secret fields are password fields that start empty.
 */
public final class ProfileFormDialog extends Dialog<ButtonType> {

    private final ProfileFormViewModel form;

    public ProfileFormDialog(ProfileFormViewModel form, Window owner) {
        this.form = form;
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(form.editing() ? "Edit profile" : "Add profile");
        setHeaderText(form.editing() ? "Edit profile " + form.nameProperty().get()
                : "Add a profile to the AWS config and credentials files");
        getDialogPane().setContent(content());
        ButtonType save = new ButtonType("Save", ButtonType.OK.getButtonData());
        getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        getDialogPane().lookupButton(save).disableProperty().bind(form.validProperty().not());
        getDialogPane().lookupButton(save).setId("save-profile");
        setResultConverter(b -> b == save ? b : null);
        setResizable(true);
    }

    private Node content() {
        ComboBox<ProfileKind> kind = new ComboBox<>(FXCollections.observableArrayList(ProfileFormViewModel.KINDS));
        kind.setId("profile-kind");
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ProfileKind k) {
                return k == null ? "" : k == ProfileKind.STATIC_KEYS ? "Access keys"
                        : k == ProfileKind.ROLE ? "Role (assumed from another profile)"
                        : k == ProfileKind.CREDENTIAL_PROCESS ? "External program (credential_process)"
                        : "IAM Identity Center (SSO)";
            }

            @Override
            public ProfileKind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(form.kindProperty());
        kind.setMaxWidth(Double.MAX_VALUE);
        GridPane common = grid();
        int r = 0;
        common.addRow(r++, label("Kind"), kind);
        common.addRow(r++, label("Name"), text("profile-name", form.nameProperty(), "client-prod"));
        common.addRow(r, label("Region"),
                choice("profile-region", form.regionProperty(), withBlank(ProfileFormViewModel.REGIONS)));

        GridPane keys = grid();
        String hint = form.editing() && !form.currentKeyHint().isEmpty()
                ? "Leave empty to keep the key " + form.currentKeyHint() : "AKIA…";
        keys.addRow(0, label("Access key id"), text("access-key-id", form.accessKeyIdProperty(), hint));
        keys.addRow(1, label("Secret access key"), secret("secret-access-key", form.secretAccessKeyProperty()));
        keys.addRow(2, label("Session token"), secret("session-token", form.sessionTokenProperty()));
        if (form.editing()) {
            keys.add(hint("Secrets are never shown. Enter new values only to replace them."), 1, 3);
        }

        GridPane role = grid();
        role.addRow(0, label("Role ARN"),
                text("role-arn", form.roleArnProperty(), "arn:aws:iam::123456789012:role/Audit"));
        role.addRow(1, label("Source profile"),
                choice("source-profile", form.sourceProfileProperty(), form.sourceProfiles()));
        role.addRow(2, label("External id"), text("external-id", form.externalIdProperty(), "optional"));
        role.addRow(3, label("MFA device"),
                text("mfa-serial", form.mfaSerialProperty(), "optional: arn:aws:iam::…:mfa/NAME"));
        role.addRow(4, label("Session name"), text("role-session-name", form.roleSessionNameProperty(), "optional"));
        role.addRow(5, label("Duration (s)"),
                text("duration-seconds", form.durationSecondsProperty(), "optional: 900–43200"));

        GridPane sso = grid();
        ComboBox<String> session = choice("sso-session", form.ssoSessionProperty(), form.ssoSessions());
        session.setEditable(true);
        CheckBox newSession = new CheckBox("New session");
        newSession.selectedProperty().bindBidirectional(form.newSsoSessionProperty());
        sso.addRow(0, label("SSO session"), session);
        sso.add(newSession, 1, 1);
        Label url = label("Start URL");
        TextField urlField = text("sso-start-url", form.ssoStartUrlProperty(), "https://my-company.awsapps.com/start");
        Label ssoRegion = label("SSO region");
        ComboBox<String> ssoRegionField = choice("sso-region", form.ssoRegionProperty(), ProfileFormViewModel.REGIONS);
        sso.addRow(2, url, urlField);
        sso.addRow(3, ssoRegion, ssoRegionField);
        for (Node n : List.of(url, urlField, ssoRegion, ssoRegionField)) {
            n.visibleProperty().bind(form.newSsoSessionProperty());
            n.managedProperty().bind(form.newSsoSessionProperty());
        }
        sso.addRow(4, label("Account id"), text("sso-account-id", form.ssoAccountIdProperty(), "123456789012"));
        sso.addRow(5, label("Role name"), text("sso-role-name", form.ssoRoleNameProperty(), "ReadOnlyAccess"));

        GridPane process = grid();
        process.addRow(0, label("Command"), text("credential-process", form.credentialProcessProperty(),
                "/usr/local/bin/get-aws-credentials --account prod"));
        process.add(hint("The program runs each time the profile is used and prints the credentials as JSON"
                + " (Version 1); they are never written to a file."), 1, 1);

        show(keys, ProfileKind.STATIC_KEYS);
        show(process, ProfileKind.CREDENTIAL_PROCESS);
        show(role, ProfileKind.ROLE);
        show(sso, ProfileKind.SSO);

        Label problem = new Label();
        problem.setId("form-problem");
        problem.getStyleClass().add("form-problem");
        // No red text before the user has entered anything; Save stays disabled until the form is valid.
        problem.textProperty().bind(form.shownProblemProperty());
        problem.setWrapText(true);
        VBox box = new VBox(12, common, keys, role, sso, process, problem);
        box.setPadding(new Insets(12, 16, 8, 16));
        box.setPrefWidth(540);
        return box;
    }

    private void show(Node pane, ProfileKind kind) {
        pane.visibleProperty().bind(form.kindProperty().isEqualTo(kind));
        pane.managedProperty().bind(pane.visibleProperty());
    }

    private static List<String> withBlank(List<String> items) {
        List<String> all = new ArrayList<>();
        all.add("");
        all.addAll(items);
        return all;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(8);
        ColumnConstraints keys = new ColumnConstraints(130);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        g.getColumnConstraints().addAll(keys, values);
        return g;
    }

    private static Label label(String text) {
        return new Label(text);
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("form-hint");
        l.setWrapText(true);
        return l;
    }

    private static TextField text(String id, Property<String> value, String prompt) {
        return field(new TextField(), id, value, prompt);
    }

    private static PasswordField secret(String id, Property<String> value) {
        return field(new PasswordField(), id, value, "");
    }

    private static <T extends TextInputControl> T field(T f, String id, Property<String> value, String prompt) {
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(value);
        f.setMaxWidth(Double.MAX_VALUE);
        return f;
    }

    private static ComboBox<String> choice(String id, Property<String> value, List<String> items) {
        ComboBox<String> c = new ComboBox<>(FXCollections.observableArrayList(items));
        c.setId(id);
        c.valueProperty().bindBidirectional(value);
        c.setMaxWidth(Double.MAX_VALUE);
        c.setVisibleRowCount(12);
        return c;
    }
}
