package io.tablewarden.cli;

import io.tablewarden.app.ScanRunner;
import io.tablewarden.app.SimulatedAccounts;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The whole command line in-process: the real engine and simulator, the real clock, no terminal, and streams
 * captured afresh for each run. A command without {@code --db} uses {@code default.db} in the given folder, never
 * the user's database.
 */
final class InProcessCli {

    private final Path folder;
    private ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteArrayOutputStream err = new ByteArrayOutputStream();

    InProcessCli(Path folder) {
        this.folder = folder;
    }

    /** Runs {@code args} and returns the exit code; {@link #stdout()} and {@link #stderr()} hold this run's output. */
    int run(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        return Cli.run(context(), args);
    }

    /** A context writing to this run's streams, for a test that builds a command itself. */
    CliContext context() {
        return new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, CliContext::availableChecks,
                ScanRunner.engine(), new SimulatedAccounts(), Interrupts.none(), Clock.systemUTC(),
                System::nanoTime, false, explicit -> explicit != null ? explicit : folder.resolve("default.db"));
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
