package io.tablewarden.cli;

import io.tablewarden.report.BuildInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** The {@code tablewarden} root command: only groups the subcommands and prints help and version. */
@Command(name = "tablewarden", mixinStandardHelpOptions = true, versionProvider = TablewardenCommand.Version.class,
        description = "Security posture auditor for Amazon DynamoDB tables and DAX clusters.",
        footer = {"", "Start with 'tablewarden scan --demo' for a look at the demo account,",
                "or 'tablewarden <command> --help' for the options of a command."})
final class TablewardenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a command there is nothing to do but show what there is. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /** {@code --version}: the tool's version, build time and commit. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {BuildInfo.current().describe()};
        }
    }
}
