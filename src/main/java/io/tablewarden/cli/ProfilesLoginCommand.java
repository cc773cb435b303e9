package io.tablewarden.cli;

import io.tablewarden.engine.aws.credentials.CredentialsEnvironment;
import io.tablewarden.engine.aws.credentials.ProfileCredentials;
import io.tablewarden.engine.aws.credentials.ProfileCredentialsException;
import io.tablewarden.engine.aws.credentials.SsoDeviceLogin;
import io.tablewarden.engine.aws.credentials.SsoProfile;
import io.tablewarden.engine.aws.credentials.SsoTokenCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.net.URI;
import java.util.concurrent.Callable;

/**
 * {@code tablewarden profiles login NAME}: IAM Identity Center sign-in for an SSO profile, like
 * {@code aws sso login}; the token lands in the cache both tools read.
 */
@Command(name = "login", mixinStandardHelpOptions = true, versionProvider = TablewardenCommand.Version.class,
        description = "Signs in to IAM Identity Center for an SSO profile (like 'aws sso login').")
final class ProfilesLoginCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PROFILE", description = "Profile with sso_session or sso_start_url.")
    String profile;

    @Option(names = "--no-browser", description = "Only print the address; do not open a browser.")
    boolean noBrowser;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "Send the sign-in calls to this endpoint.")
    URI endpointUrl;

    private final CliContext ctx;
    private final CredentialsEnvironment environment;
    private final SsoDeviceLogin.Sleeper sleeper;

    ProfilesLoginCommand(CliContext ctx) {
        this(ctx, CredentialsEnvironment.system(), null);
    }

    ProfilesLoginCommand(CliContext ctx, CredentialsEnvironment environment, SsoDeviceLogin.Sleeper sleeper) {
        this.ctx = ctx;
        this.environment = environment;
        this.sleeper = sleeper;
    }

    @Override
    public Integer call() throws InterruptedException {
        SsoProfile sso;
        try (ProfileCredentials profiles = new ProfileCredentials(environment, endpointUrl, null, null, null)) {
            sso = profiles.ssoProfile(profile);
        } catch (ProfileCredentialsException e) {
            throw new CliException(ExitCodes.NOT_RUN, e.getMessage());
        }
        SsoDeviceLogin login = new SsoDeviceLogin(new SsoTokenCache(environment.ssoCacheDir()), endpointUrl, null,
                sleeper, ctx.clock());
        try {
            login.login(sso, this::show);
        } catch (ProfileCredentialsException e) {
            throw new CliException(ExitCodes.NOT_RUN, e.getMessage());
        }
        ctx.err().println("Signed in; profile " + profile + " can be used until the sign-in expires.");
        return ExitCodes.OK;
    }

    private void show(String uri, String uriComplete, String userCode) {
        ctx.err().println("To sign in, open " + uri + " and enter the code " + userCode);
        ctx.err().flush();
        String target = uriComplete != null ? uriComplete : uri;
        if (!noBrowser && !GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
            try {
                Desktop.getDesktop().browse(URI.create(target));
            } catch (Exception e) {
                // the printed address is enough
            }
        }
    }
}
