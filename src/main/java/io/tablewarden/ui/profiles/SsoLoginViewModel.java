package io.tablewarden.ui.profiles;

import io.tablewarden.engine.aws.credentials.ProfileCredentialsException;
import io.tablewarden.engine.aws.credentials.SsoProfile;
import io.tablewarden.ui.tasks.TaskExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * An IAM Identity Center sign-in for one profile: the device flow runs in the background, the verification
 * address and user code appear as soon as the portal hands them out, then the outcome. The token lands in the
 * cache the AWS CLI shares; it is never shown.
 */
public final class SsoLoginViewModel {

    /** Where the sign-in is. */
    public enum State {
        /** Not started. */
        IDLE,
        /** Asking the portal for a code. */
        STARTING,
        /** Waiting for the user to approve the code in the browser. */
        WAITING,
        /** Signed in. */
        SIGNED_IN,
        /** The request was not approved before it expired. */
        EXPIRED,
        /** The portal refused, or the profile cannot sign in. */
        FAILED,
        /** The user closed the dialog. */
        CANCELLED
    }

    private final ProfileServices services;
    private final TaskExecutor executor;
    private final String profile;

    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.IDLE);
    private final StringProperty verificationUrl = new SimpleStringProperty();
    private final StringProperty userCode = new SimpleStringProperty();
    private final StringProperty message = new SimpleStringProperty();
    private TaskExecutor.Cancellable running;

    public SsoLoginViewModel(ProfileServices services, TaskExecutor executor, String profile) {
        this.services = services;
        this.executor = executor;
        this.profile = profile;
        message.set("Sign in to IAM Identity Center for profile " + profile + ".");
    }

    public String profile() {
        return profile;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    /** The address to open: with the code filled in when the portal offers it. */
    public StringProperty verificationUrlProperty() {
        return verificationUrl;
    }

    /** The code the portal asks for; not a secret, it only identifies this request. */
    public StringProperty userCodeProperty() {
        return userCode;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** Whether the sign-in is under way (the dialog shows a progress indicator). */
    public boolean active() {
        return state.get() == State.STARTING || state.get() == State.WAITING;
    }

    /** Starts the device flow in the background. */
    public void start() {
        if (active()) {
            return;
        }
        state.set(State.STARTING);
        verificationUrl.set(null);
        userCode.set(null);
        message.set("Contacting IAM Identity Center…");
        running = executor.submit(() -> {
            SsoProfile sso = services.ssoProfile(profile);
            services.deviceLogin().login(sso, (uri, complete, code) -> executor.onUiThread(() -> {
                if (state.get() == State.STARTING) {
                    verificationUrl.set(complete != null ? complete : uri);
                    userCode.set(code);
                    state.set(State.WAITING);
                    message.set("Waiting for the request to be approved in the browser…");
                }
            }));
            return sso;
        }, sso -> {
            if (state.get() != State.CANCELLED) {
                state.set(State.SIGNED_IN);
                message.set("Signed in. Profile " + profile + " can be used until the sign-in expires.");
            }
        }, this::failed);
    }

    private void failed(Throwable e) {
        if (state.get() == State.CANCELLED) {
            return;
        }
        if (e instanceof io.tablewarden.engine.aws.credentials.SsoLoginRequiredException) {
            state.set(State.EXPIRED);
            message.set("The request was not approved in time. Start again to get a new code.");
        } else if (e instanceof ProfileCredentialsException) {
            state.set(State.FAILED);
            message.set(e.getMessage());
        } else {
            state.set(State.FAILED);
            message.set("The sign-in was refused or could not reach IAM Identity Center: "
                    + io.tablewarden.engine.aws.AwsErrors.oneLine(String.valueOf(e.getMessage())));
        }
    }

    /** Stops waiting for approval; nothing is cached. */
    public void cancel() {
        if (active()) {
            state.set(State.CANCELLED);
            message.set("Sign-in cancelled.");
            if (running != null) {
                running.cancel();
            }
        }
    }
}
