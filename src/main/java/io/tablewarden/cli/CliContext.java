package io.tablewarden.cli;

import io.tablewarden.engine.checks.Check;
import io.tablewarden.engine.checks.CheckContext;
import io.tablewarden.engine.checks.MetadataLoader;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.inventory.AccountInventory;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

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
 */
public record CliContext(PrintStream out, PrintStream err, boolean terminal, Supplier<List<Check>> checks,
                         ScanRunner scanRunner, SimulatorLauncher simulators, Interrupts interrupts, Clock clock,
                         LongSupplier nanoTime, boolean debug) {

    /** The real process: System streams, the console, shutdown hooks. */
    public static CliContext standard() {
        return new CliContext(System.out, System.err, System.console() != null, CliContext::availableChecks,
                ScanRunner.engine(), SimulatorLauncher.simulator(), Interrupts.shutdownHooks(), Clock.systemUTC(),
                System::nanoTime, System.getenv("TABLEWARDEN_DEBUG") != null);
    }

    /**
     * The checks every command offers. This is the one place that decides them; it is to return
     * {@code CheckRegistry}'s list once the checks are part of the build.
     */
    static List<Check> availableChecks() {
        return MetadataOnlyCheck.ALL;
    }

    /**
     * Stand-in until the real checks are wired: metadata from the resource files, no evaluation. It lets
     * {@code checks} list the catalogue and {@code scan --checks} validate ids in the meantime.
     */
    private static final class MetadataOnlyCheck implements Check {

        static final List<Check> ALL = List.of(
                "dynamodb_table_autoscaling_enabled", "dynamodb_tables_pitr_enabled",
                "dynamodb_accelerator_cluster_encryption_enabled", "dynamodb_table_protected_by_backup_plan",
                "dynamodb_table_tagged", "dynamodb_table_deletion_protection_enabled",
                "dynamodb_accelerator_cluster_in_transit_encryption_enabled",
                "dynamodb_tables_kms_cmk_encryption_enabled", "dynamodb_table_customer_managed_key",
                "dynamodb_table_kms_key_usable", "dynamodb_table_kms_key_rotation_enabled",
                "dynamodb_table_cross_account_access", "dynamodb_table_backup_recent_recovery_point",
                "dynamodb_accelerator_cluster_multi_az")
                .stream().<Check>map(MetadataOnlyCheck::new).toList();

        private final String id;

        private MetadataOnlyCheck(String id) {
            this.id = id;
        }

        @Override
        public CheckMetadata metadata() {
            return MetadataLoader.load(id);
        }

        @Override
        public List<CheckResult> evaluate(AccountInventory inventory, CheckContext context) {
            throw new UnsupportedOperationException("check " + id + " is not part of this build");
        }

        @Override
        public String id() {
            return id;
        }
    }
}
