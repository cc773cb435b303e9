package io.tablewarden.cli;

import io.tablewarden.profiles.ProfileEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code tablewarden profiles}: groups the commands about the AWS profiles of the shared config files. */
@Command(name = "profiles", mixinStandardHelpOptions = true, versionProvider = TablewardenCommand.Version.class,
        description = "Lists the AWS profiles of ~/.aws/config and ~/.aws/credentials.")
final class ProfilesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** The command with its subcommands; {@code environment} says where the files are. */
    static CommandLine commandLine(CliContext ctx, Supplier<ProfileEnvironment> environment) {
        CommandLine cmd = new CommandLine(new ProfilesCommand());
        cmd.addSubcommand(new ProfilesListCommand(ctx, environment));
        cmd.addSubcommand(new ProfilesTestCommand(ctx));
        cmd.addSubcommand(new ProfilesLoginCommand(ctx));
        return cmd;
    }

    /** Without a subcommand, show what there is. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
