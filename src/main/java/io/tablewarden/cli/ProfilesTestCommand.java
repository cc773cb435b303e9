package io.tablewarden.cli;

import io.tablewarden.engine.aws.credentials.CredentialsEnvironment;
import io.tablewarden.engine.aws.credentials.ProfileTestResult;
import io.tablewarden.engine.aws.credentials.ProfileTestStore;
import io.tablewarden.engine.aws.credentials.ProfileTester;
import io.tablewarden.report.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

/**
 * {@code tablewarden profiles test NAME}: resolves the profile's credentials and shows whose they are
 * (account, ARN, alias). Prints no secret; remembers the result, never the credentials.
 */
@Command(name = "test", mixinStandardHelpOptions = true, versionProvider = TablewardenCommand.Version.class,
        description = "Checks that a profile yields working credentials and shows its account and identity.",
        footer = {"", "Exit codes: 0 the profile works, 1 it does not."})
final class ProfilesTestCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PROFILE", description = "Profile name.")
    String profile;

    @Mixin
    MfaEndpointOptions access = new MfaEndpointOptions();

    private final CliContext ctx;
    private final CredentialsEnvironment environment;
    private final ProfileTestStore store;

    ProfilesTestCommand(CliContext ctx) {
        this(ctx, CredentialsEnvironment.system(), ProfileTestStore.inUserDataFolder(System.getenv()));
    }

    ProfilesTestCommand(CliContext ctx, CredentialsEnvironment environment, ProfileTestStore store) {
        this.ctx = ctx;
        this.environment = environment;
        this.store = store;
    }

    @Override
    public Integer call() {
        access.checkEndpoint();
        ProfileTestResult result = new ProfileTester(environment, access.endpointUrl, ctx.clock())
                .test(profile, access.mfaCodes());
        try {
            store.put(result);
        } catch (UncheckedIOException e) {
            ctx.err().println(Cli.PREFIX + "the result could not be remembered: " + e.getMessage());
        }
        if (!result.ok()) {
            throw new CliException(ExitCodes.NOT_RUN, result.error());
        }
        ctx.out().println("profile  " + TerminalText.clean(result.profile()));
        ctx.out().println("account  " + TerminalText.clean(result.account()
                + (result.accountAlias() == null ? "" : " (" + result.accountAlias() + ")")));
        ctx.out().println("arn      " + TerminalText.clean(result.arn()));
        ctx.out().flush();
        return ExitCodes.OK;
    }
}
