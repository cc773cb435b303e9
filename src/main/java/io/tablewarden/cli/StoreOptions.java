package io.tablewarden.cli;

import io.tablewarden.app.StoredScans;
import io.tablewarden.store.StoreException;
import io.tablewarden.store.UnknownScanException;
import io.tablewarden.store.TablewardenStore;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.function.Function;

/** {@code --db FILE}, shared by every command that reads or writes the scan database. */
final class StoreOptions {

    @Option(names = "--db", paramLabel = "FILE",
            description = "Scan database (default: TABLEWARDEN_DB, else tablewarden.db in the user's data folder).")
    Path database;

    /** The database file these options name, or null when there is none. */
    Path file(CliContext ctx) {
        return ctx.database().apply(database);
    }

    /** Opens the database, prints what opening it had to repair, or fails with exit code 1. */
    TablewardenStore open(CliContext ctx) {
        Path file = file(ctx);
        if (file == null) {
            throw new CliException(ExitCodes.NOT_RUN, "no scan database: name one with --db FILE");
        }
        TablewardenStore store;
        try {
            store = TablewardenStore.open(file);
        } catch (StoreException e) {
            throw new CliException(ExitCodes.NOT_RUN, e.getMessage(), e);
        }
        store.notices().forEach(n -> ctx.err().println(Cli.PREFIX + n));
        return store;
    }

    /**
     * Opens the database for writing (creating it when missing), runs {@code work} on its stored scans and closes
     * it. A value the store refuses is a usage error (exit 2); any other database problem means the command could
     * not run (exit 1).
     */
    <T> T write(CliContext ctx, Function<StoredScans, T> work) {
        try (TablewardenStore store = open(ctx)) {
            return work.apply(new StoredScans(store, ctx.checks().get()));
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        } catch (StoreException e) {
            throw new CliException(ExitCodes.NOT_RUN, e.getMessage(), e);
        }
    }

    /**
     * Opens the database read-only, runs {@code work} on its stored scans and closes it. A scan id the database
     * does not hold is a usage error (exit 2); any other database problem means the command could not run (exit 1).
     */
    <T> T read(CliContext ctx, Function<StoredScans, T> work) {
        Path file = file(ctx);
        if (file == null) {
            throw new CliException(ExitCodes.NOT_RUN, "no scan database: name one with --db FILE");
        }
        // Read-only: never creates the database or its folder, never writes to a file that is not ours.
        try (TablewardenStore store = TablewardenStore.openReadOnly(file)) {
            return work.apply(new StoredScans(store, ctx.checks().get()));
        } catch (UnknownScanException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        } catch (StoreException e) {
            throw new CliException(ExitCodes.NOT_RUN, e.getMessage(), e);
        }
    }
}
