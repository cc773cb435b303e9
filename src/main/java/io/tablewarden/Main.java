package io.tablewarden;

import io.tablewarden.cli.Cli;
import io.tablewarden.cli.CliContext;

/** Starts Tablewarden: the command line when given arguments. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        CliContext context = CliContext.standard();
        if (args.length == 0) {
            // Started without arguments (a double-clicked jar or a bare command): the desktop window
            // will open here; until then show what the command line offers.
            System.exit(Cli.printUsage(context));
        }
        System.exit(Cli.run(context, args));
    }
}
