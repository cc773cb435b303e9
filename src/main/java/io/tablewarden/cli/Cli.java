package io.tablewarden.cli;

import io.tablewarden.app.AppException;
import io.tablewarden.profiles.ProfileEnvironment;
import io.tablewarden.store.fixture.DatabaseScanSource;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.function.Supplier;

/**
 * Entry point of the command line: builds the picocli command tree and guarantees the error contract —
 * every failure is one {@code tablewarden: <reason>} line on stderr with exit code 1 or 2, never a stack trace.
 */
public final class Cli {

    static final String PREFIX = "tablewarden: ";

    private Cli() {
    }

    /** Runs {@code args} and returns the process exit code. */
    public static int run(CliContext ctx, String... args) {
        return commandLine(ctx, ProfileEnvironment::system, args).execute(args);
    }

    /** The short usage shown when the tool is started without arguments. */
    public static int printUsage(CliContext ctx) {
        return run(ctx);
    }

    static CommandLine commandLine(CliContext ctx) {
        return commandLine(ctx, ProfileEnvironment::system);
    }

    /** The command tree with the AWS shared files found through {@code environment} (tests pass their own). */
    static CommandLine commandLine(CliContext ctx, Supplier<ProfileEnvironment> environment) {
        return commandLine(ctx, environment, null);
    }

    /**
     * The command tree for {@code args}: when they name a subcommand, the tree holds that one only, since building
     * every subcommand's model (its options, read from the annotations) is a fifth of the CPU of a short command.
     * Without a subcommand (root help, version, an unknown word that picocli answers with suggestions) it holds
     * them all; so does a null {@code args}.
     */
    static CommandLine commandLine(CliContext ctx, Supplier<ProfileEnvironment> environment, String[] args) {
        CommandLine cmd = new CommandLine(new TablewardenCommand());
        String named = args == null ? null : subcommandNamed(args);
        for (String name : SUBCOMMANDS) {
            if (named == null || named.equals(name)) {
                cmd.addSubcommand(subcommand(name, ctx, environment));
            }
        }
        // Settings below reach every subcommand because they are applied after the subcommands are added.
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setOut(writer(ctx.out()));
        cmd.setErr(writer(ctx.err()));
        cmd.setParameterExceptionHandler(new UsageErrors());
        cmd.setExecutionExceptionHandler(new ExecutionErrors(ctx.debug()));
        return cmd;
    }

    /** The subcommands in the order the root's help lists them. */
    static final List<String> SUBCOMMANDS = List.of("scan", "simulate", "bench", "checks", "profiles", "history",
            "diff", "report", "publish", "mutes", "fixture");

    private static Object subcommand(String name, CliContext ctx, Supplier<ProfileEnvironment> environment) {
        return switch (name) {
            case "scan" -> new ScanCommand(ctx);
            case "simulate" -> new SimulateCommand(ctx);
            case "bench" -> new BenchCommand(ctx);
            case "checks" -> new ChecksCommand(ctx);
            case "profiles" -> ProfilesCommand.commandLine(ctx, environment);
            case "history" -> new HistoryCommand(ctx);
            case "diff" -> new DiffCommand(ctx);
            case "report" -> new ReportCommand(ctx);
            case "publish" -> new PublishCommand(ctx);
            case "mutes" -> MutesCommand.commandLine(ctx);
            case "fixture" -> FixtureCommand.commandLine(ctx, DatabaseScanSource::open);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * The subcommand {@code args} run: their first word, when it is one of {@link #SUBCOMMANDS} exactly (the root
     * takes no option with a value, so the first word that is not an option is the subcommand). Null otherwise.
     */
    static String subcommandNamed(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("-")) {
                continue;
            }
            return SUBCOMMANDS.contains(arg) ? arg : null;
        }
        return null;
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, Charset.defaultCharset()), true);
    }

    /** Bad command lines: exit 2 with the reason and where to find help. */
    static final class UsageErrors implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            CommandLine cmd = ex.getCommandLine();
            String reason = firstLine(ex.getMessage());
            // picocli starts some of its messages with "Error: "; our prefix already says so.
            if (reason.startsWith("Error: ")) {
                reason = reason.substring("Error: ".length());
            }
            if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
                List<String> suggestions = unmatched.getSuggestions();
                if (!suggestions.isEmpty()) {
                    reason += "; did you mean " + String.join(" or ", suggestions) + "?";
                }
            }
            cmd.getErr().println(PREFIX + reason + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
            cmd.getErr().flush();
            return ExitCodes.USAGE;
        }
    }

    /** Failures while a command runs: its own exit code for a {@link CliException}, else 1. */
    static final class ExecutionErrors implements IExecutionExceptionHandler {
        private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Cli.class);
        private final boolean debug;

        ExecutionErrors(boolean debug) {
            this.debug = debug;
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
            PrintWriter err = cmd.getErr();
            int code;
            if (ex instanceof CliException cli) {
                err.println(PREFIX + firstLine(ex.getMessage()));
                code = cli.exitCode();
                LOG.info("{} ended with exit code {}: {}", cmd.getCommandName(), code, firstLine(ex.getMessage()));
            } else if (ex instanceof AppException) {
                // The application layer's refusals are one line for the user already: the work could not run.
                err.println(PREFIX + firstLine(ex.getMessage()));
                code = ExitCodes.NOT_RUN;
                LOG.info("{} could not run: {}", cmd.getCommandName(), firstLine(ex.getMessage()));
            } else {
                LOG.error("unexpected error in {}", cmd.getCommandName(), ex);
                String reason = ex.getMessage() == null ? ex.getClass().getSimpleName()
                        : ex.getClass().getSimpleName() + ": " + firstLine(ex.getMessage());
                err.println(PREFIX + "unexpected error: " + reason);
                code = ExitCodes.NOT_RUN;
            }
            if (debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return code;
        }
    }

    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "failed";
        }
        String trimmed = message.strip();
        int end = trimmed.indexOf('\n');
        return (end < 0 ? trimmed : trimmed.substring(0, end)).strip();
    }
}
