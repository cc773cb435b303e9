package io.tablewarden.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code tablewarden profiles}: groups the profile commands. */
@Command(name = "profiles", mixinStandardHelpOptions = true, versionProvider = TablewardenCommand.Version.class,
        description = "Works with the profiles of the AWS config and credentials files.")
final class ProfilesGroupCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
