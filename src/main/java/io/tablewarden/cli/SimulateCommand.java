package io.tablewarden.cli;

import io.tablewarden.app.LocalAccount;
import io.tablewarden.app.SimulatedAccounts;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code tablewarden simulate}: serves a fixture as a local AWS account until Ctrl-C. */
@Command(name = "simulate", mixinStandardHelpOptions = true, versionProvider = TablewardenCommand.Version.class,
        sortOptions = false,
        description = "Serves an account fixture (or the demo account) over the AWS APIs on 127.0.0.1 until Ctrl-C.")
final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** Exactly one of the two sources. */
    static final class Source {
        @Option(names = "--fixture", paramLabel = "FILE", required = true, description = "Account fixture (or organisation fixture) to serve.")
        Path fixture;

        @Option(names = "--demo", required = true, description = "Serve the built-in demo account.")
        boolean demo;
    }

    @Option(names = "--port", paramLabel = "N", description = "Port on 127.0.0.1 (default: a free one).")
    int port;

    private final CliContext ctx;

    SimulateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, got " + port);
        }
        if (source.fixture != null && !source.fixture.toFile().isFile()) {
            throw new ParameterException(spec.commandLine(), LocalAccount.notAFixtureFile(source.fixture));
        }
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        // an organisation fixture is served whole on the one port (docs/organization-fixture.md)
        try (LocalAccount account = source.demo ? ctx.simulators().startDemo(port)
                : SimulatedAccounts.isOrganizationFixture(source.fixture)
                ? ctx.simulators().startOrganization(source.fixture, port)
                : ctx.simulators().start(source.fixture, port)) {
            printBanner(ctx.out(), account);
            Interrupts.Registration hook = ctx.interrupts().onInterrupt(() -> {
                stop.countDown();
                awaitQuietly(stopped);
            });
            try {
                stop.await();
            } finally {
                hook.close();
            }
            ctx.err().println("Simulator stopped.");
        } finally {
            stopped.countDown();
        }
        return ExitCodes.OK;
    }

    static void printBanner(PrintStream out, LocalAccount account) {
        String url = account.endpoint().toString();
        out.println("Simulator listening on " + url);
        out.println();
        out.println("Any AWS client works against it with dummy credentials, for example:");
        out.println("  AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test \\");
        out.println("    aws dynamodb list-tables --endpoint-url " + url + " --region " + account.exampleRegion());
        out.println();
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
