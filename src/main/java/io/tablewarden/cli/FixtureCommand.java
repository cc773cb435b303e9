package io.tablewarden.cli;

import io.tablewarden.platform.AtomicFiles;
import io.tablewarden.simulator.AccountSimulator;
import io.tablewarden.simulator.FixtureException;
import io.tablewarden.store.fixture.ExportedFixture;
import io.tablewarden.store.fixture.FixtureBuilder;
import io.tablewarden.store.fixture.StoredScan;
import io.tablewarden.store.fixture.StoredScanSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code tablewarden fixture}: account fixtures made from stored scans. */
@Command(name = "fixture", mixinStandardHelpOptions = true, versionProvider = TablewardenCommand.Version.class,
        description = "Account fixtures made from stored scans.")
final class FixtureCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** The {@code fixture} command with its subcommands, reading stored scans through {@code opener}. */
    static CommandLine commandLine(CliContext ctx, StoredScanSource.Opener opener) {
        CommandLine fixture = new CommandLine(new FixtureCommand());
        fixture.addSubcommand(new Export(ctx, opener));
        return fixture;
    }

    /** Without a subcommand there is only the help to show. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /** {@code tablewarden fixture export}: writes a stored scan as an account fixture the simulator can serve. */
    @Command(name = "export", mixinStandardHelpOptions = true, versionProvider = TablewardenCommand.Version.class,
            sortOptions = false,
            description = {"Writes a stored scan as an account fixture: 'tablewarden scan --fixture FILE' or",
                    "'tablewarden simulate --fixture FILE' then replay the account offline."})
    static final class Export implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Parameters(paramLabel = "SCAN", description = "Id of the stored scan.")
        String scanId;

        @Option(names = "--output", paramLabel = "FILE", required = true, description = "Fixture file to write.")
        Path output;

        @Option(names = "--mask-account-ids",
                description = "Replace the account id everywhere, and every other account id by a stand-in of its own.")
        boolean mask;

        @Option(names = "--mask-as", paramLabel = "ID",
                description = "Account id to mask as (default: " + FixtureBuilder.DEFAULT_MASK + ").")
        String maskAs;

        private final CliContext ctx;
        /** Null when this build cannot read stored scans. */
        StoredScanSource.Opener opener;

        Export(CliContext ctx, StoredScanSource.Opener opener) {
            this.ctx = ctx;
            this.opener = opener;
        }

        @Override
        public Integer call() {
            FixtureBuilder builder = builder();
            OutputFiles.requireWritable(output);
            if (opener == null) {
                throw new CliException(ExitCodes.NOT_RUN, "no database support in this build");
            }
            Path database = store.file(ctx);
            if (database == null) {
                throw new CliException(ExitCodes.NOT_RUN, "no scan database: name one with --db FILE");
            }
            StoredScan scan = load(database);
            ExportedFixture exported = builder.build(scan);
            try {
                AccountSimulator.validate(exported.json());
            } catch (FixtureException e) {
                throw new CliException(ExitCodes.NOT_RUN, "the fixture made from scan " + scanId
                        + " is not valid: " + e.getMessage(), e);
            }
            try {
                AtomicFiles.write(output, out -> out.write(exported.json().getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new CliException(ExitCodes.NOT_RUN, "cannot write " + output + ": " + reason(e), e);
            }
            ctx.err().println("Scan " + scanId + " written as an account fixture to " + output
                    + (mask ? " (account " + exported.accountIds().get(scan.accountId()) + ", "
                    + (exported.accountIds().size() - 1) + " other account ids masked)" : "") + ".");
            return ExitCodes.OK;
        }

        private FixtureBuilder builder() {
            if (maskAs != null && !mask) {
                throw new ParameterException(spec.commandLine(), "--mask-as needs --mask-account-ids");
            }
            if (!mask) {
                return new FixtureBuilder();
            }
            try {
                return new FixtureBuilder().maskingAccountIds(maskAs);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--mask-as: " + e.getMessage());
            }
        }

        private StoredScan load(Path database) {
            try (StoredScanSource source = opener.open(database)) {
                return source.find(scanId).orElseThrow(() -> new CliException(ExitCodes.USAGE,
                        "there is no scan " + scanId + " in " + database));
            } catch (IOException e) {
                throw new CliException(ExitCodes.NOT_RUN, "cannot read the stored scans: " + reason(e), e);
            }
        }

        private static String reason(IOException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }
}
