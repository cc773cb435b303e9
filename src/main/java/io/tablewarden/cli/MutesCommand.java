package io.tablewarden.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tablewarden.app.ProwlerMutelist;
import io.tablewarden.app.StoredScans;
import io.tablewarden.report.TerminalText;
import io.tablewarden.store.Mute;
import io.tablewarden.store.MuteRule;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code tablewarden mutes}: the mutes of the scan database, which apply to every stored and later scan. Listing
 * only reads the database; adding, removing and importing write to it through the application layer.
 */
@Command(name = "mutes", mixinStandardHelpOptions = true, versionProvider = TablewardenCommand.Version.class,
        description = "Lists, adds, removes and imports mutes: accepted findings that stay visible as muted.")
final class MutesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** The command with its subcommands. */
    static CommandLine commandLine(CliContext ctx) {
        CommandLine cmd = new CommandLine(new MutesCommand());
        cmd.addSubcommand(new ListMutes(ctx));
        cmd.addSubcommand(new AddMute(ctx));
        cmd.addSubcommand(new RemoveMute(ctx));
        cmd.addSubcommand(new ImportMutes(ctx));
        return cmd;
    }

    /** Without a subcommand, show what there is. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /** {@code mutes list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = TablewardenCommand.Version.class,
            description = "Lists every mute, expired ones included, oldest first.",
            footer = {"", "Exit codes: 0 listed, 1 the database cannot be used, 2 bad usage."})
    static final class ListMutes implements Callable<Integer> {

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
                converter = LowerCaseEnumConverter.CatalogueFormats.class,
                description = "text or json (default: ${DEFAULT-VALUE}).")
        ChecksCommand.Format format;

        @Mixin
        StoreOptions storeOptions;

        private final CliContext ctx;

        ListMutes(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            List<Mute> mutes = storeOptions.read(ctx, scans -> scans.mutes());
            Instant now = ctx.clock().instant();
            if (format == ChecksCommand.Format.JSON) {
                printJson(ctx.out(), mutes, now);
            } else {
                printText(ctx.out(), mutes, now);
            }
            ctx.out().flush();
            return ExitCodes.OK;
        }

        private static void printText(PrintStream out, List<Mute> mutes, Instant now) {
            if (mutes.isEmpty()) {
                out.println("No mutes.");
                return;
            }
            for (Mute m : mutes) {
                // Every value may come from a finding or a mutelist file: cleaned before it reaches the terminal.
                out.printf("%d  %s  %s%n", m.id(), TerminalText.clean(m.scope()),
                        m.isActiveAt(now) ? "" : "(expired)");
                out.printf("    reason: %s%n", TerminalText.clean(m.reason()));
                out.printf("    by %s on %s, %s%n", m.createdBy() == null ? "-" : TerminalText.clean(m.createdBy()),
                        m.createdAt().truncatedTo(ChronoUnit.SECONDS),
                        m.expiresAt() == null ? "no end" : "until " + m.expiresAt());
            }
        }

        private static void printJson(PrintStream out, List<Mute> mutes, Instant now) throws Exception {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode array = mapper.createArrayNode();
            for (Mute m : mutes) {
                ObjectNode node = array.addObject();
                node.put("id", m.id());
                node.put("checkId", m.checkId());
                node.put("resource", m.resource());
                node.put("reason", m.reason());
                node.put("createdBy", m.createdBy());
                node.put("createdAt", m.createdAt().toString());
                node.put("expiresAt", m.expiresAt() == null ? null : m.expiresAt().toString());
                node.put("active", m.isActiveAt(now));
                if (m.rule() != null) {
                    node.set("prowlerRule", ruleJson(mapper, m.rule()));
                }
            }
            out.println(mapper.writeValueAsString(array));
        }

        private static ObjectNode ruleJson(ObjectMapper mapper, MuteRule rule) {
            ObjectNode node = mapper.createObjectNode();
            node.put("account", rule.account());
            node.put("check", rule.check());
            node.set("regions", mapper.valueToTree(rule.regions()));
            node.set("resources", mapper.valueToTree(rule.resources()));
            node.set("tags", mapper.valueToTree(rule.tags()));
            if (rule.exceptions() != null) {
                node.set("exceptions", mapper.valueToTree(rule.exceptions()));
            }
            node.put("description", rule.description());
            return node;
        }
    }

    /** {@code mutes add}. */
    @Command(name = "add", mixinStandardHelpOptions = true, versionProvider = TablewardenCommand.Version.class,
            sortOptions = false, description = "Mutes the findings of one check on a resource or an ARN pattern.",
            footer = {"", "Exit codes: 0 added, 1 the database cannot be used, 2 bad usage (an unknown check id,"
                    + " no reason, a bad date)."})
    static final class AddMute implements Callable<Integer> {

        @Option(names = "--check", required = true, paramLabel = "ID",
                description = "Check id (see 'tablewarden checks'); * and ? are wildcards.")
        String check;

        @Option(names = "--resource", required = true, paramLabel = "ARN_OR_GLOB",
                description = "Resource ARN, or a pattern over ARNs (* any text, ? one character).")
        String resource;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why the finding is accepted.")
        String reason;

        @Option(names = "--expires", paramLabel = "DATE",
                description = "Last day the mute applies (YYYY-MM-DD, UTC), or an ISO-8601 instant it ends at.")
        String expires;

        @Option(names = "--by", paramLabel = "NAME", description = "Who takes the decision (default: the user name).")
        String by;

        @Mixin
        StoreOptions storeOptions;

        private final CliContext ctx;

        AddMute(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            if (reason == null || reason.isBlank()) {
                throw new CliException(ExitCodes.USAGE, "a mute needs a reason: --reason TEXT");
            }
            Instant end = expiry(expires);
            try {
                // Checked before the database is opened: a bad value never creates one.
                StoredScans.requireKnownCheck(ctx.checks().get().stream().map(c -> c.id()).toList(), check);
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.USAGE, TerminalText.clean(e.getMessage()), e);
            }
            Mute mute = storeOptions.write(ctx, scans -> scans.mute(check, resource, reason,
                    by != null ? by : System.getProperty("user.name"), end));
            ctx.out().println("Added mute " + mute.id() + ": " + TerminalText.clean(mute.scope()));
            ctx.out().flush();
            return ExitCodes.OK;
        }

        private Instant expiry(String text) {
            if (text == null) {
                return null;
            }
            try {
                // A day is the last day the mute applies: it ends when the next day begins (UTC).
                return LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADay) {
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException e) {
                    throw new CliException(ExitCodes.USAGE, "--expires '" + TerminalText.clean(text)
                            + "' is neither a date (YYYY-MM-DD) nor an ISO-8601 instant");
                }
            }
        }
    }

    /** {@code mutes remove}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, versionProvider = TablewardenCommand.Version.class,
            description = "Removes a mute; its findings count again in every report.",
            footer = {"", "Exit codes: 0 removed, 1 the database cannot be used, 2 bad usage (no such mute)."})
    static final class RemoveMute implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "ID", description = "Id of the mute (see 'tablewarden mutes list').")
        long id;

        @Mixin
        StoreOptions storeOptions;

        private final CliContext ctx;

        RemoveMute(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            boolean removed = storeOptions.write(ctx, scans -> scans.unmute(id));
            if (!removed) {
                throw new CliException(ExitCodes.USAGE, "there is no mute " + id + " in " + storeOptions.file(ctx));
            }
            ctx.out().println("Removed mute " + id);
            ctx.out().flush();
            return ExitCodes.OK;
        }
    }

    /** {@code mutes import}. */
    @Command(name = "import", mixinStandardHelpOptions = true, versionProvider = TablewardenCommand.Version.class,
            sortOptions = false, description = "Imports the rules of a Prowler mutelist, one mute per rule, all or"
            + " none.",
            footer = {"", "Exit codes: 0 imported, 1 the database cannot be used, 2 the file is not a mutelist we can"
                    + " import (malformed YAML, an unknown check id, a bad regular expression): nothing imported."})
    static final class ImportMutes implements Callable<Integer> {

        @Option(names = "--prowler-mutelist", required = true, paramLabel = "FILE",
                description = "Prowler mutelist YAML (top key Mutelist).")
        Path file;

        @Option(names = "--by", paramLabel = "NAME", description = "Who imports (default: the user name).")
        String by;

        @Mixin
        StoreOptions storeOptions;

        private final CliContext ctx;

        ImportMutes(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            List<String> known = ctx.checks().get().stream().map(c -> c.id()).toList();
            List<Mute> mutes;
            try {
                mutes = ProwlerMutelist.read(file, known, by != null ? by : System.getProperty("user.name"));
            } catch (ProwlerMutelist.MutelistException e) {
                throw new CliException(ExitCodes.USAGE, TerminalText.clean(e.getMessage()) + "; nothing imported");
            }
            List<Mute> stored = storeOptions.write(ctx, scans -> scans.importMutes(mutes));
            ctx.out().println("Imported " + stored.size() + " rule" + (stored.size() == 1 ? "" : "s") + " from "
                    + TerminalText.clean(file.toString()) + " as mutes"
                    + (stored.isEmpty() ? "" : " " + stored.get(0).id() + " to " + stored.get(stored.size() - 1).id()));
            ctx.out().flush();
            return ExitCodes.OK;
        }
    }
}
