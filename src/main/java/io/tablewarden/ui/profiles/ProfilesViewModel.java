package io.tablewarden.ui.profiles;

import io.tablewarden.engine.aws.credentials.MfaCodeSupplier;
import io.tablewarden.engine.aws.credentials.ProfileTestResult;
import io.tablewarden.profiles.ConfigFileType;
import io.tablewarden.profiles.ConfigReadError;
import io.tablewarden.profiles.FileChangedException;
import io.tablewarden.profiles.ProfileCatalog;
import io.tablewarden.profiles.ProfileEditor;
import io.tablewarden.profiles.ProfileKind;
import io.tablewarden.profiles.ProfileSummary;
import io.tablewarden.ui.shell.Dialogs;
import io.tablewarden.ui.tasks.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * State of the Profiles page: every profile of the shared files, the file problems, the selected profile's
 * settings with secrets masked, its last test, and the edits. Files are read, written and tested in the
 * background; nothing here touches a control. The add, edit, rename, duplicate, delete and sign-in flows ask
 * their questions through {@link Dialogs} and the MFA code through an {@link MfaCodeSupplier}.
 */
public final class ProfilesViewModel {

    /** One setting of the selected profile as shown: secrets are never in {@code value}. */
    public record Setting(String key, String value, boolean secret) {
    }

    private final ProfileServices services;
    private final TaskExecutor executor;
    private final Dialogs dialogs;
    private final MfaCodeSupplier mfa;

    private final ObservableList<ProfileSummary> profiles = FXCollections.observableArrayList();
    private final FilteredList<ProfileSummary> visibleProfiles = new FilteredList<>(profiles, p -> true);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<ConfigReadError> fileErrors = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<ProfileSummary> selected = new SimpleObjectProperty<>();
    private final ObservableList<Setting> settings = FXCollections.observableArrayList();
    private final ObjectProperty<ProfileTestResult> lastTest = new SimpleObjectProperty<>();
    private final BooleanProperty testing = new SimpleBooleanProperty();
    private final BooleanProperty signInNeeded = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty();
    private final BooleanProperty conflict = new SimpleBooleanProperty();
    private final BooleanProperty canEdit = new SimpleBooleanProperty();

    private ProfileCatalog catalog;

    /**
     * @param dialogs asks the questions of the flows
     * @param mfa     asked for a code, from a worker thread, when a tested role needs one
     */
    public ProfilesViewModel(ProfileServices services, TaskExecutor executor, Dialogs dialogs, MfaCodeSupplier mfa) {
        this.services = services;
        this.executor = executor;
        this.dialogs = dialogs;
        this.mfa = mfa;
        search.addListener((o, a, b) -> visibleProfiles.setPredicate(p -> matches(p, b)));
        selected.addListener((o, a, b) -> showSelected(b));
    }

    // properties

    public ObservableList<ProfileSummary> visibleProfiles() {
        return visibleProfiles;
    }

    public ObservableList<ProfileSummary> profiles() {
        return profiles;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** Files the AWS tools would reject; while there is one, nothing is edited. */
    public ObservableList<ConfigReadError> fileErrors() {
        return fileErrors;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    /** A save or test is running. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObjectProperty<ProfileSummary> selectedProperty() {
        return selected;
    }

    public ObservableList<Setting> settings() {
        return settings;
    }

    /** The selected profile's last test (remembered across runs), or null. */
    public ObjectProperty<ProfileTestResult> lastTestProperty() {
        return lastTest;
    }

    public BooleanProperty testingProperty() {
        return testing;
    }

    /** The selected SSO profile's sign-in is missing or expired. */
    public BooleanProperty signInNeededProperty() {
        return signInNeeded;
    }

    /** What happened last, in words for the user. */
    public StringProperty messageProperty() {
        return message;
    }

    /** A save was refused because a file changed on disk: offer to read the files again. */
    public BooleanProperty conflictProperty() {
        return conflict;
    }

    /** The catalog as last read; null before the first load. */
    public ProfileCatalog catalog() {
        return catalog;
    }

    /** Names of every profile, for choosing a source profile. */
    public List<String> names() {
        return catalog == null ? List.of() : catalog.names();
    }

    /** The roles whose chain goes through {@code name}: they stop working when it is deleted. */
    public List<String> dependents(String name) {
        return profiles.stream().filter(p -> p.chain().indexOf(name) > 0).map(ProfileSummary::name)
                .toList();
    }

    /** Both files were read without error, so profiles may be added and changed. */
    public BooleanProperty canEditProperty() {
        return canEdit;
    }

    /** Whether the files can be edited: both were read without error. */
    public boolean editable() {
        return catalog != null && catalog.errors().isEmpty();
    }

    // commands

    /** Reads both files again in the background. */
    public void load() {
        loading.set(true);
        executor.submit(() -> ProfileCatalog.load(services.profiles()), c -> {
            loading.set(false);
            conflict.set(false);
            show(c);
        }, e -> {
            loading.set(false);
            message.set("The profiles could not be read: " + e.getMessage());
        });
    }

    /** Selects a profile by name (or clears the selection when it is gone). */
    public void select(String name) {
        selected.set(profiles.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null));
    }

    /** Tests the selected profile in the background, asking for an MFA code when the profile needs one. */
    public void testSelected() {
        testSelected(mfa);
    }

    /** Tests the selected profile in the background; {@code mfa} is asked from the worker thread. */
    public void testSelected(MfaCodeSupplier mfa) {
        ProfileSummary p = selected.get();
        if (p == null || testing.get()) {
            return;
        }
        testing.set(true);
        message.set("Testing " + p.name() + "…");
        executor.submit(() -> services.test(p.name(), mfa), r -> {
            testing.set(false);
            if (selected.get() != null && selected.get().name().equals(r.profile())) {
                lastTest.set(r);
                signInNeeded.set(!r.ok() && p.kind() == ProfileKind.SSO);
            }
            message.set(r.ok() ? p.name() + " works: account " + r.account() : p.name() + " does not work: " + r.error());
        }, e -> {
            testing.set(false);
            message.set("The test of " + p.name() + " could not run: " + e.getMessage());
        });
    }

    // flows

    /** Opens the form for a new profile; a completed form is saved and its profile selected. */
    public void addProfile() {
        if (!editable()) {
            message.set("No profile can be added while a file cannot be read. The file was not changed.");
            return;
        }
        saveForm(new ProfileFormViewModel(null, names(), ssoSessionNames()), "Added profile ");
    }

    /** Opens the form on {@code p}; a completed form is saved. */
    public void editProfile(ProfileSummary p) {
        saveForm(new ProfileFormViewModel(p, names(), ssoSessionNames()), "Saved profile ");
    }

    /** Asks for a new name for {@code p} and renames it. */
    public void renameProfile(ProfileSummary p) {
        askName("Rename " + p.name(), p.name()).ifPresent(to -> rename(p.name(), to));
    }

    /** Asks for the name of a copy of {@code p} and makes it. */
    public void duplicateProfile(ProfileSummary p) {
        askName("Duplicate " + p.name(), p.name() + "-copy").ifPresent(to -> duplicate(p.name(), to));
    }

    /** Asks whether to delete {@code p}, naming the roles that would stop working, and deletes it when told. */
    public void deleteProfile(ProfileSummary p) {
        List<String> users = dependents(p.name());
        String details = "It is removed from " + sourcesLabel(p) + "; the previous version of each file is kept"
                + " as a .bak file next to it."
                + (users.isEmpty() ? "" : "\n\nThese roles use it and will stop working: " + String.join(", ", users)
                + ".");
        if (dialogs.confirm(new Dialogs.Confirmation("Delete profile", "Delete profile " + p.name() + "?", details,
                "Delete"))) {
            delete(p.name());
        }
    }

    /** Opens the IAM Identity Center sign-in for {@code profile}; once signed in, the profile is tested again. */
    public void signIn(String profile) {
        SsoLoginViewModel login = new SsoLoginViewModel(services, executor, profile);
        dialogs.open(login);
        if (login.stateProperty().get() == SsoLoginViewModel.State.SIGNED_IN) {
            testSelected();
        }
    }

    private void saveForm(ProfileFormViewModel form, String done) {
        if (dialogs.open(form)) {
            String name = form.nameProperty().get().trim();
            save(form::applyTo, name, done + name + ".");
        }
    }

    private Optional<String> askName(String title, String initial) {
        List<String> taken = names();
        return dialogs.askText(new Dialogs.TextRequest(title, "New name", initial,
                text -> Objects.requireNonNullElse(ProfileFormViewModel.nameProblem(text, taken), "")));
    }

    private List<String> ssoSessionNames() {
        return catalog == null ? List.of() : catalog.ssoSessionNames();
    }

    // edits

    /** Deletes a profile; {@link #deleteProfile} asks for confirmation first. */
    public void delete(String name) {
        save(e -> e.delete(name), null, "Deleted " + name + ".");
    }

    /** Copies a profile under a new name and selects the copy. */
    public void duplicate(String from, String to) {
        save(e -> e.duplicate(from, to), to, "Duplicated " + from + " as " + to + ".");
    }

    /** Renames a profile; roles that use it as their source follow. */
    public void rename(String from, String to) {
        save(e -> e.rename(from, to), to, "Renamed " + from + " to " + to + ".");
    }

    /**
     * Applies {@code edit} to the files as read and saves them in the background (atomically, with a backup).
     * A file that changed on disk or could not be parsed is left untouched and the reason is shown.
     */
    public void save(Consumer<ProfileEditor> edit, String selectAfter, String done) {
        ProfileCatalog base = catalog;
        if (base == null) {
            return;
        }
        if (!base.errors().isEmpty()) {
            message.set("Profiles cannot be changed while " + base.errors().get(0).message()
                    + ". The file was not changed; fix it and reload.");
            return;
        }
        busy.set(true);
        executor.submit(() -> {
            ProfileEditor editor = ProfileEditor.of(base);
            edit.accept(editor);
            return editor.save(base.currentProfile());
        }, c -> {
            busy.set(false);
            String keep = selectAfter != null ? selectAfter
                    : selected.get() == null ? null : selected.get().name();
            show(c);
            select(keep);
            message.set(done);
        }, e -> {
            busy.set(false);
            if (e instanceof FileChangedException changed) {
                conflict.set(true);
                message.set(changed.file().getFileName() + " was changed by another program"
                        + " since it was read. Nothing was saved; reload and make the change again.");
            } else if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
                message.set("Not saved: " + e.getMessage() + ".");
            } else {
                message.set("Not saved: " + e.getMessage());
            }
        });
    }

    private void show(ProfileCatalog c) {
        String keep = selected.get() == null ? null : selected.get().name();
        catalog = c;
        fileErrors.setAll(c.errors());
        canEdit.set(c.errors().isEmpty());
        profiles.setAll(c.summaries());
        select(keep);
    }

    private void showSelected(ProfileSummary p) {
        List<Setting> rows = new ArrayList<>();
        if (p != null) {
            p.properties().forEach((k, v) -> rows.add(setting(k, v)));
        }
        settings.setAll(rows);
        lastTest.set(p == null ? null : services.testStore().get(p.name()).orElse(null));
        ProfileTestResult last = lastTest.get();
        signInNeeded.set(p != null && p.kind() == ProfileKind.SSO && last != null && !last.ok());
    }

    /** How one setting is displayed: no secret, and at most the last four characters of an access key id. */
    static Setting setting(String key, String value) {
        if (ProfileSummary.SECRET_KEYS.contains(key)) {
            return new Setting(key, "hidden", true);
        }
        if ("aws_access_key_id".equals(key)) {
            return new Setting(key, lastFour(value), true);
        }
        return new Setting(key, value, false);
    }

    /** {@code …WXYZ}, from a full or already shortened key id. */
    static String lastFour(String keyId) {
        if (keyId == null || keyId.length() < 4 || ProfileSummary.MASK.equals(keyId)) {
            return "hidden";
        }
        return "…" + keyId.substring(keyId.length() - 4);
    }

    /** Kind badge text. */
    public static String kindLabel(ProfileKind kind) {
        return kind.label();
    }

    /** The files that define a profile, as one short string. */
    public static String sourcesLabel(ProfileSummary p) {
        return p.sources().stream().map(ConfigFileType::label).collect(Collectors.joining(" + "));
    }

    /** A role's chain, {@code a → b → c}, or empty. */
    public static String chainLabel(ProfileSummary p) {
        return String.join(" → ", p.chain());
    }

    private static boolean matches(ProfileSummary p, String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String q = query.trim().toLowerCase(Locale.ROOT);
        return contains(p.name(), q) || contains(p.kind().label(), q) || contains(p.region(), q)
                || contains(p.roleArn(), q) || contains(p.ssoAccountId(), q) || contains(p.ssoSession(), q);
    }

    private static boolean contains(String value, String q) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(q);
    }
}
