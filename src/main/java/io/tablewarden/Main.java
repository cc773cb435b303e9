package io.tablewarden;

import io.tablewarden.cli.Cli;
import io.tablewarden.cli.CliContext;
import io.tablewarden.ui.app.WorkbenchLauncher;

/** Starts Tablewarden: the command line when given arguments, the desktop workbench without. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // The workbench classes load only without arguments, so the command line never touches JavaFX.
        int exitCode = args.length == 0 ? WorkbenchLauncher.launch(args, System.err)
                : Cli.run(CliContext.standard(), args);
        System.exit(exitCode);
    }
}
