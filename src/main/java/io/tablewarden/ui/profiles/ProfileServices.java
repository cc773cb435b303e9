package io.tablewarden.ui.profiles;

import io.tablewarden.engine.aws.credentials.CredentialsEnvironment;
import io.tablewarden.engine.aws.credentials.ProfileCredentials;
import io.tablewarden.engine.aws.credentials.ProfileTestResult;
import io.tablewarden.engine.aws.credentials.ProfileTestStore;
import io.tablewarden.engine.aws.credentials.ProfileTester;
import io.tablewarden.engine.aws.credentials.MfaCodeSupplier;
import io.tablewarden.engine.aws.credentials.SsoDeviceLogin;
import io.tablewarden.engine.aws.credentials.SsoProfile;
import io.tablewarden.engine.aws.credentials.SsoTokenCache;
import io.tablewarden.profiles.ProfileEnvironment;

import java.net.URI;
import java.time.Clock;

/**
 * What the Profiles page needs from outside the UI: where the shared files and the SSO token cache are, where
 * test results are remembered, and where AWS calls go. Tests point it at temporary files and the simulator.
 *
 * @param profiles  the shared files and the current profile
 * @param endpoint  every AWS call goes here (the simulator), or null for AWS
 * @param testStore where test results are remembered
 * @param sleeper   waits between SSO sign-in polls; null for real sleeping
 * @param clock     time of tests and sign-ins
 */
public record ProfileServices(ProfileEnvironment profiles, URI endpoint, ProfileTestStore testStore,
                              SsoDeviceLogin.Sleeper sleeper, Clock clock) {

    /** The user's own files, AWS itself and the user data folder. */
    public static ProfileServices of(ProfileEnvironment profiles) {
        return new ProfileServices(profiles, null, ProfileTestStore.inUserDataFolder(profiles.variables()), null,
                Clock.systemUTC());
    }

    /** The same files as {@link #profiles()}, for the credential resolver. */
    public CredentialsEnvironment credentials() {
        return CredentialsEnvironment.of(profiles);
    }

    /** Tests a profile and remembers the result (never the credentials). Runs network calls: worker thread only. */
    public ProfileTestResult test(String profile, MfaCodeSupplier mfa) {
        ProfileTestResult result = new ProfileTester(credentials(), endpoint, clock).test(profile, mfa);
        testStore.put(result);
        return result;
    }

    /** The Identity Center settings of a profile; throws a ProfileCredentialsException when it has none. */
    public SsoProfile ssoProfile(String profile) {
        try (ProfileCredentials resolver = new ProfileCredentials(credentials(), endpoint, null, null, null)) {
            return resolver.ssoProfile(profile);
        }
    }

    /** A device sign-in that writes to the token cache the AWS CLI shares. */
    public SsoDeviceLogin deviceLogin() {
        return new SsoDeviceLogin(new SsoTokenCache(credentials().ssoCacheDir()), endpoint, null, sleeper, clock);
    }
}
