package io.tablewarden.cli;

import io.tablewarden.engine.checks.Check;
import io.tablewarden.engine.checks.CheckRegistry;

import io.tablewarden.store.DatabaseLocation;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Everything the commands take from the outside world: streams, terminal, clock, the checks, the engine,
 * the simulator and Ctrl-C. Production uses {@link #standard()}; tests build their own.
 *
 * @param out        standard output (reports)
 * @param err        standard error (progress, summaries, error lines)
 * @param terminal   whether stderr is an interactive terminal (single-line progress bar)
 * @param checks     every available check
 * @param scanRunner runs a scan
 * @param simulators starts the local account simulator
 * @param interrupts where Ctrl-C is delivered
 * @param clock      scan start and end times
 * @param nanoTime   monotonic time for progress throttling
 * @param debug      print stack traces of unexpected errors (environment variable TABLEWARDEN_DEBUG)
 * @param database   the scan database for a {@code --db} value (null when absent); returns null when there is
 *                   no default database, as in tests that do not ask for one
 */
public record CliContext(PrintStream out, PrintStream err, boolean terminal, Supplier<List<Check>> checks,
                         ScanRunner scanRunner, SimulatorLauncher simulators, Interrupts interrupts, Clock clock,
                         LongSupplier nanoTime, boolean debug, UnaryOperator<Path> database) {

    /** A context without a default database: scans are stored only with {@code --db}. */
    public CliContext(PrintStream out, PrintStream err, boolean terminal, Supplier<List<Check>> checks,
                      ScanRunner scanRunner, SimulatorLauncher simulators, Interrupts interrupts, Clock clock,
                      LongSupplier nanoTime, boolean debug) {
        this(out, err, terminal, checks, scanRunner, simulators, interrupts, clock, nanoTime, debug,
                explicit -> explicit);
    }

    /** The real process: System streams, the console, shutdown hooks. */
    public static CliContext standard() {
        return new CliContext(System.out, System.err, System.console() != null, CliContext::availableChecks,
                ScanRunner.engine(), SimulatorLauncher.simulator(), Interrupts.shutdownHooks(), Clock.systemUTC(),
                System::nanoTime, System.getenv("TABLEWARDEN_DEBUG") != null, DatabaseLocation::resolve);
    }

    /** The checks every command offers: the built-in catalogue. */
    static List<Check> availableChecks() {
        return CheckRegistry.builtIn().all();
    }
}
