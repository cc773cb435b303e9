package io.tablewarden;

import io.tablewarden.cli.Cli;
import io.tablewarden.cli.CliContext;

/** Starts Tablewarden: the command line when given arguments. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        CliContext context = CliContext.standard();
        int exitCode = args.length == 0 ? startWithoutArguments(context) : Cli.run(context, args);
        System.exit(exitCode);
    }

    /**
     * A double-clicked jar or a bare command. This is where the desktop window will open; until then
     * the user sees what the command line offers.
     */
    private static int startWithoutArguments(CliContext context) {
        return Cli.printUsage(context);
    }
}
