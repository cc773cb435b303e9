package io.tablewarden.cli;

import io.tablewarden.app.LocalAccounts;
import io.tablewarden.app.ScanRunner;
import io.tablewarden.app.SimulatedAccounts;
import io.tablewarden.engine.checks.Check;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.store.DatabaseLocation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
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
 * @param simulators serves the demo account and fixtures on loopback
 * @param interrupts where Ctrl-C is delivered
 * @param clock      scan start and end times
 * @param nanoTime   monotonic time for progress throttling
 * @param debug      print stack traces of unexpected errors (environment variable TABLEWARDEN_DEBUG)
 * @param database   the scan database for a {@code --db} value (null when absent); returns null when there is
 *                   no default database, as in tests that do not ask for one
 */
public record CliContext(PrintStream out, PrintStream err, boolean terminal, Supplier<List<Check>> checks,
                         ScanRunner scanRunner, LocalAccounts simulators, Interrupts interrupts, Clock clock,
                         LongSupplier nanoTime, boolean debug, UnaryOperator<Path> database) {

    /** A context without a default database: scans are stored only with {@code --db}. */
    public CliContext(PrintStream out, PrintStream err, boolean terminal, Supplier<List<Check>> checks,
                      ScanRunner scanRunner, LocalAccounts simulators, Interrupts interrupts, Clock clock,
                      LongSupplier nanoTime, boolean debug) {
        this(out, err, terminal, checks, scanRunner, simulators, interrupts, clock, nanoTime, debug,
                explicit -> explicit);
    }

    /** The real process: System streams, the console, shutdown hooks. */
    public static CliContext standard() {
        return new CliContext(System.out, System.err, stderrIsTerminal(), CliContext::availableChecks,
                ScanRunner.engine(), new SimulatedAccounts(), Interrupts.shutdownHooks(), Clock.systemUTC(),
                System::nanoTime, System.getenv("TABLEWARDEN_DEBUG") != null, DatabaseLocation::resolve);
    }

    /**
     * Whether progress on stderr reaches a person. {@link System#console()} answers for stdin and stdout,
     * which is wrong both for {@code scan > report.json} (stderr still a terminal) and for
     * {@code scan 2> scan.log} (a log full of carriage returns); where the system shows what file descriptor
     * 2 is, that answer wins.
     */
    static boolean stderrIsTerminal() {
        Path stderr = Path.of("/proc/self/fd/2");
        try {
            return isTerminalDevice(Files.readSymbolicLink(stderr).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** Terminal devices on Linux: pseudo terminals and consoles. */
    static boolean isTerminalDevice(String device) {
        return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty") || device.equals("/dev/console");
    }

    /** The checks every command offers: the built-in catalogue. */
    static List<Check> availableChecks() {
        return CheckRegistry.builtIn().all();
    }
}
