package io.tablewarden.ui.profiles;

import io.tablewarden.profiles.ProfileEditor;
import io.tablewarden.profiles.ProfileKind;
import io.tablewarden.profiles.ProfileSummary;
import io.tablewarden.profiles.ProfileTemplates;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The add/edit form of a static-key, role, SSO or credential_process profile: its fields, their validation, and the edit they make.
 * When editing, secret fields start empty and an empty secret keeps the one in the file, so a secret never has
 * to be read back into the form.
 */
public final class ProfileFormViewModel {

    /** The regions offered for {@code region} and {@code sso_region}. */
    public static final List<String> REGIONS = List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2",
            "af-south-1", "ap-east-1", "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2",
            "ap-southeast-3", "ap-southeast-4", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3",
            "eu-south-1", "eu-south-2", "eu-north-1", "il-central-1", "me-south-1", "me-central-1", "sa-east-1",
            "us-gov-east-1", "us-gov-west-1", "cn-north-1", "cn-northwest-1");

    /** The kinds the form can create. */
    public static final List<ProfileKind> KINDS = List.of(ProfileKind.STATIC_KEYS, ProfileKind.ROLE, ProfileKind.SSO,
            ProfileKind.CREDENTIAL_PROCESS);

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_\\-/.%@:+]+");
    private static final Pattern KEY_ID = Pattern.compile("[A-Z0-9]{16,128}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern MFA_SERIAL = Pattern.compile(
            "arn:aws[a-z-]*:iam::\\d{12}:mfa/[\\w+=,.@/-]+|[\\w+=/:,.@-]{9,256}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

    private final ProfileSummary original;
    private final List<String> existing;
    private final List<String> ssoSessions;

    private final ObjectProperty<ProfileKind> kind = new SimpleObjectProperty<>(ProfileKind.STATIC_KEYS);
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty region = new SimpleStringProperty("");
    private final StringProperty accessKeyId = new SimpleStringProperty("");
    private final StringProperty secretAccessKey = new SimpleStringProperty("");
    private final StringProperty sessionToken = new SimpleStringProperty("");
    private final StringProperty roleArn = new SimpleStringProperty("");
    private final StringProperty sourceProfile = new SimpleStringProperty("");
    private final StringProperty externalId = new SimpleStringProperty("");
    private final StringProperty mfaSerial = new SimpleStringProperty("");
    private final StringProperty roleSessionName = new SimpleStringProperty("");
    private final StringProperty durationSeconds = new SimpleStringProperty("");
    private final StringProperty ssoSession = new SimpleStringProperty("");
    private final BooleanProperty newSsoSession = new SimpleBooleanProperty();
    private final StringProperty ssoStartUrl = new SimpleStringProperty("");
    private final StringProperty ssoRegion = new SimpleStringProperty("");
    private final StringProperty ssoAccountId = new SimpleStringProperty("");
    private final StringProperty ssoRoleName = new SimpleStringProperty("");
    private final StringProperty credentialProcess = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty();
    private final StringProperty shownProblem = new SimpleStringProperty();
    private final BooleanProperty touched = new SimpleBooleanProperty();
    private final BooleanProperty valid = new SimpleBooleanProperty();

    /**
     * @param original    the profile being edited, or null to add one
     * @param existing    names of every profile
     * @param ssoSessions names of the {@code [sso-session]} sections
     */
    public ProfileFormViewModel(ProfileSummary original, List<String> existing, List<String> ssoSessions) {
        this.original = original;
        this.existing = List.copyOf(existing);
        this.ssoSessions = List.copyOf(ssoSessions);
        newSsoSession.set(ssoSessions.isEmpty());
        if (original != null) {
            fill(original);
        }
        for (Observable o : List.of(kind, name, region, accessKeyId, secretAccessKey, sessionToken, roleArn,
                sourceProfile, externalId, mfaSerial, roleSessionName, durationSeconds, ssoSession, newSsoSession,
                ssoStartUrl, ssoRegion, ssoAccountId, ssoRoleName, credentialProcess)) {
            o.addListener(x -> revalidate());
        }
        // The kind is a choice, not an entry: choosing it alone does not count as having started to type.
        for (Observable o : List.of(name, region, accessKeyId, secretAccessKey, sessionToken, roleArn,
                sourceProfile, externalId, mfaSerial, roleSessionName, durationSeconds, ssoSession, newSsoSession,
                ssoStartUrl, ssoRegion, ssoAccountId, ssoRoleName, credentialProcess)) {
            o.addListener(x -> touched.set(true));
        }
        touched.addListener(x -> revalidate());
        revalidate();
    }

    private void fill(ProfileSummary p) {
        Map<String, String> props = p.properties();
        kind.set(KINDS.contains(p.kind()) ? p.kind() : ProfileKind.STATIC_KEYS);
        name.set(p.name());
        region.set(text(p.region()));
        roleArn.set(text(p.roleArn()));
        sourceProfile.set(text(props.get("source_profile")));
        externalId.set(text(props.get("external_id")));
        mfaSerial.set(text(props.get("mfa_serial")));
        roleSessionName.set(text(props.get("role_session_name")));
        durationSeconds.set(text(props.get("duration_seconds")));
        ssoSession.set(text(p.ssoSession()));
        newSsoSession.set(p.ssoSession() == null && ssoSessions.isEmpty());
        ssoAccountId.set(text(p.ssoAccountId()));
        ssoRoleName.set(text(p.ssoRoleName()));
        credentialProcess.set(text(props.get("credential_process")));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    // properties

    public boolean editing() {
        return original != null;
    }

    /** For an edit: the last four characters of the key id in the file, as a hint; else empty. */
    public String currentKeyHint() {
        return original == null || original.accessKeyId() == null ? ""
                : ProfilesViewModel.lastFour(original.accessKeyId());
    }

    public List<String> sourceProfiles() {
        List<String> names = new ArrayList<>(existing);
        if (original != null) {
            names.remove(original.name());
        }
        return names;
    }

    public List<String> ssoSessions() {
        return ssoSessions;
    }

    public ObjectProperty<ProfileKind> kindProperty() { return kind; }
    public StringProperty nameProperty() { return name; }
    public StringProperty regionProperty() { return region; }
    public StringProperty accessKeyIdProperty() { return accessKeyId; }
    public StringProperty secretAccessKeyProperty() { return secretAccessKey; }
    public StringProperty sessionTokenProperty() { return sessionToken; }
    public StringProperty roleArnProperty() { return roleArn; }
    public StringProperty sourceProfileProperty() { return sourceProfile; }
    public StringProperty externalIdProperty() { return externalId; }
    public StringProperty mfaSerialProperty() { return mfaSerial; }
    public StringProperty roleSessionNameProperty() { return roleSessionName; }
    public StringProperty durationSecondsProperty() { return durationSeconds; }
    public StringProperty ssoSessionProperty() { return ssoSession; }
    public BooleanProperty newSsoSessionProperty() { return newSsoSession; }
    public StringProperty ssoStartUrlProperty() { return ssoStartUrl; }
    public StringProperty ssoRegionProperty() { return ssoRegion; }
    public StringProperty ssoAccountIdProperty() { return ssoAccountId; }
    public StringProperty ssoRoleNameProperty() { return ssoRoleName; }

    public StringProperty credentialProcessProperty() { return credentialProcess; }

    /** The first thing to fix, or null when the form can be saved. */
    public StringProperty problemProperty() { return problem; }

    /**
     * The problem to show under the form: none before the user has entered anything (a new, empty form is not
     * an error), then the same as {@link #problemProperty()}. An edited profile's form shows it at once.
     */
    public StringProperty shownProblemProperty() { return shownProblem; }

    /** Whether the user has entered or changed anything yet. */
    public BooleanProperty touchedProperty() { return touched; }

    public BooleanProperty validProperty() { return valid; }

    // validation

    /** Why {@code candidate} cannot name a new profile, or null when it can. */
    public static String nameProblem(String candidate, List<String> existing) {
        String n = candidate == null ? "" : candidate.trim();
        if (n.isEmpty()) {
            return "Enter a profile name.";
        }
        if (!NAME.matcher(n).matches()) {
            return "A profile name may use letters, digits and _ - / . % @ : + only.";
        }
        return existing.contains(n) ? "A profile named " + n + " already exists." : null;
    }

    private void revalidate() {
        List<String> problems = problems();
        problem.set(problems.isEmpty() ? null : problems.get(0));
        shownProblem.set(touched.get() || original != null ? problem.get() : null);
        valid.set(problems.isEmpty());
    }

    /** Everything that stops a save, in the order of the form. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        String n = name.get().trim();
        String nameProblem = original != null && original.name().equals(n) ? null : nameProblem(n, existing);
        if (nameProblem != null) {
            p.add(nameProblem);
        }
        if (!region.get().isBlank() && !REGIONS.contains(region.get().trim())) {
            p.add("Choose a region from the list.");
        }
        if (kind.get() == ProfileKind.STATIC_KEYS) {
            staticProblems(p);
        } else if (kind.get() == ProfileKind.ROLE) {
            roleProblems(p, n);
        } else if (kind.get() == ProfileKind.CREDENTIAL_PROCESS) {
            credentialProcessProblems(p);
        } else {
            ssoProblems(p);
        }
        return p;
    }

    private void staticProblems(List<String> p) {
        boolean keepKeys = original != null && original.kind() == ProfileKind.STATIC_KEYS;
        String id = accessKeyId.get().trim();
        if (id.isEmpty() && !keepKeys) {
            p.add("Enter the access key id.");
        } else if (!id.isEmpty() && !KEY_ID.matcher(id).matches()) {
            p.add("An access key id is 16 or more capital letters and digits (AKIA… or ASIA…).");
        }
        if (secretAccessKey.get().isBlank() && (!keepKeys || !id.isEmpty())) {
            p.add("Enter the secret access key.");
        }
    }

    private void roleProblems(List<String> p, String n) {
        if (!ROLE_ARN.matcher(roleArn.get().trim()).matches()) {
            p.add("The role ARN looks like arn:aws:iam::123456789012:role/NAME.");
        }
        String source = sourceProfile.get().trim();
        if (source.isEmpty() || !existing.contains(source) || source.equals(n)) {
            p.add("Choose the source profile whose credentials assume the role.");
        }
        if (!mfaSerial.get().isBlank() && !MFA_SERIAL.matcher(mfaSerial.get().trim()).matches()) {
            p.add("The MFA device looks like arn:aws:iam::123456789012:mfa/NAME.");
        }
        if (!roleSessionName.get().isBlank() && !SESSION_NAME.matcher(roleSessionName.get().trim()).matches()) {
            p.add("A role session name has 2 to 64 letters, digits or _+=,.@- characters.");
        }
        String d = durationSeconds.get().trim();
        if (!d.isEmpty()) {
            try {
                int s = Integer.parseInt(d);
                if (s < 900 || s > 43200) {
                    p.add("The session duration is between 900 and 43200 seconds.");
                }
            } catch (NumberFormatException e) {
                p.add("The session duration is a number of seconds.");
            }
        }
    }

    private void credentialProcessProblems(List<String> p) {
        String command = credentialProcess.get().trim();
        if (command.isEmpty()) {
            p.add("Enter the command that prints the credentials (credential_process).");
        } else if (command.chars().anyMatch(c -> c == '\n' || c == '\r' || Character.isISOControl(c))) {
            // One line in the config file: a line break would start a setting of its own.
            p.add("The command is one line, without control characters.");
        }
    }

    private void ssoProblems(List<String> p) {
        String session = ssoSession.get().trim();
        if (session.isEmpty() || !NAME.matcher(session).matches()) {
            p.add("Choose an SSO session or name a new one.");
        } else if (newSsoSession.get()) {
            if (ssoSessions.contains(session)) {
                p.add("The SSO session " + session + " already exists; choose it instead.");
            }
            if (!ssoStartUrl.get().trim().startsWith("https://")) {
                p.add("The start URL is the https:// address of the AWS access portal.");
            }
            if (!REGIONS.contains(ssoRegion.get().trim())) {
                p.add("Choose the IAM Identity Center region.");
            }
        } else if (!ssoSessions.contains(session)) {
            p.add("Choose an existing SSO session or create a new one.");
        }
        if (!ACCOUNT.matcher(ssoAccountId.get().trim()).matches()) {
            p.add("The account id has 12 digits.");
        }
        if (ssoRoleName.get().isBlank()) {
            p.add("Enter the permission set (role) name.");
        }
    }

    // the edit

    /** The settings this form manages for the chosen kind, secrets included (blank ones left out). */
    Map<String, String> properties() {
        String r = region.get();
        if (kind.get() == ProfileKind.STATIC_KEYS) {
            return ProfileTemplates.staticKeys(accessKeyId.get(), secretAccessKey.get(), sessionToken.get(), r);
        }
        if (kind.get() == ProfileKind.ROLE) {
            String d = durationSeconds.get().trim();
            return ProfileTemplates.role(roleArn.get(), sourceProfile.get(), r, externalId.get(), mfaSerial.get(),
                    roleSessionName.get(), d.isEmpty() ? null : Integer.valueOf(d));
        }
        if (kind.get() == ProfileKind.CREDENTIAL_PROCESS) {
            return ProfileTemplates.credentialProcess(credentialProcess.get(), r);
        }
        return ProfileTemplates.sso(ssoSession.get(), ssoAccountId.get(), ssoRoleName.get(), r);
    }

    /** Every key the form of {@code kind} edits. */
    private static List<String> managedKeys(ProfileKind kind) {
        if (kind == ProfileKind.STATIC_KEYS) {
            return List.of("region", "aws_access_key_id", "aws_secret_access_key", "aws_session_token");
        }
        if (kind == ProfileKind.ROLE) {
            return List.of("role_arn", "source_profile", "external_id", "mfa_serial", "role_session_name",
                    "duration_seconds", "region");
        }
        if (kind == ProfileKind.CREDENTIAL_PROCESS) {
            return List.of("credential_process", "region");
        }
        return List.of("sso_session", "sso_account_id", "sso_role_name", "region");
    }

    /** Makes the form's change on {@code editor}; call only when {@link #validProperty()}. */
    public void applyTo(ProfileEditor editor) {
        String n = name.get().trim();
        Map<String, String> props = properties();
        if (kind.get() == ProfileKind.SSO && newSsoSession.get()) {
            String session = ssoSession.get().trim();
            editor.setSsoSession(session, "sso_start_url", ssoStartUrl.get().trim());
            editor.setSsoSession(session, "sso_region", ssoRegion.get().trim());
            editor.setSsoSession(session, "sso_registration_scopes", "sso:account:access");
        }
        if (original == null) {
            editor.add(n, props);
            return;
        }
        if (!original.name().equals(n)) {
            editor.rename(original.name(), n);
        }
        Map<String, String> before = new LinkedHashMap<>(original.properties());
        boolean keepSecrets = original.kind() == ProfileKind.STATIC_KEYS && kind.get() == ProfileKind.STATIC_KEYS
                && accessKeyId.get().isBlank();
        for (String key : managedKeys(kind.get())) {
            String value = props.get(key);
            boolean secret = ProfileEditor.CREDENTIAL_KEYS.contains(key);
            if (value != null) {
                if (secret || !value.equals(before.get(key))) {
                    editor.set(n, key, value);
                }
            } else if (before.containsKey(key) && !(secret && keepSecrets)) {
                editor.remove(n, key);
            }
        }
        if (kind.get() != original.kind()) {
            // a profile that changes kind drops the settings of its old kind, or the old kind would still win
            for (String key : managedKeys(original.kind())) {
                if (!managedKeys(kind.get()).contains(key) && before.containsKey(key)) {
                    editor.remove(n, key);
                }
            }
        }
    }
}
