package io.tablewarden.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tablewarden.profiles.ConfigFileType;
import io.tablewarden.profiles.ConfigReadError;
import io.tablewarden.profiles.ProfileCatalog;
import io.tablewarden.profiles.ProfileEnvironment;
import io.tablewarden.profiles.ProfileJson;
import io.tablewarden.profiles.ProfileKind;
import io.tablewarden.profiles.ProfileSummary;
import io.tablewarden.report.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code tablewarden profiles list}: every profile with its kind, region, files and, for roles, the chain of
 * source profiles. Never prints a secret. A file that cannot be parsed is named with its line and reason on
 * stderr (exit 1); the profiles of the other file are still listed and the broken file is left untouched.
 */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = TablewardenCommand.Version.class,
        description = "Lists the profiles: name, kind, region, source files and role chains (no secrets).",
        footer = {"", "The current profile (AWS_PROFILE, else default) is marked with *.",
                "Exit code: 0 listed, 1 a file could not be read."})
final class ProfilesListCommand implements Callable<Integer> {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            converter = LowerCaseEnumConverter.CatalogueFormats.class,
            description = "text or json (default: ${DEFAULT-VALUE}).")
    ChecksCommand.Format format;

    private final CliContext ctx;
    private final Supplier<ProfileEnvironment> environment;

    ProfilesListCommand(CliContext ctx, Supplier<ProfileEnvironment> environment) {
        this.ctx = ctx;
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        ProfileCatalog catalog = ProfileCatalog.load(environment.get());
        if (format == ChecksCommand.Format.JSON) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ctx.out().println(mapper.writeValueAsString(ProfileJson.catalog(catalog)));
        } else {
            printText(ctx.out(), catalog.summaries());
        }
        ctx.out().flush();
        List<ConfigReadError> errors = catalog.errors();
        for (ConfigReadError error : errors) {
            ctx.err().println(Cli.PREFIX + error.message());
        }
        ctx.err().flush();
        return errors.isEmpty() ? ExitCodes.OK : ExitCodes.NOT_RUN;
    }

    private static void printText(PrintStream out, List<ProfileSummary> profiles) {
        int nameWidth = "profile".length();
        for (ProfileSummary p : profiles) {
            nameWidth = Math.max(nameWidth, p.name().length() + 2);
        }
        String row = "%-" + nameWidth + "s  %-18s  %-14s  %-18s  %s";
        out.println(String.format(row, "profile", "kind", "region", "source", "details").stripTrailing());
        for (ProfileSummary p : profiles) {
            out.println(TerminalText.clean(String.format(row, (p.current() ? "* " : "  ") + p.name(),
                    p.kind().label(), p.region() == null ? "-" : p.region(),
                    p.sources().stream().map(ConfigFileType::label).collect(Collectors.joining("+")),
                    details(p)).stripTrailing()));
        }
    }

    private static String details(ProfileSummary p) {
        StringBuilder sb = new StringBuilder();
        if (!p.chain().isEmpty()) {
            sb.append(String.join(" <- ", p.chain()));
        } else if (p.kind() == ProfileKind.SSO) {
            sb.append(p.ssoSession() != null ? "sso-session " + p.ssoSession() : "legacy sso")
                    .append(" ").append(p.ssoAccountId()).append("/").append(p.ssoRoleName());
        } else if (p.kind() == ProfileKind.STATIC_KEYS) {
            sb.append(p.accessKeyId()).append(p.sessionToken() ? " (temporary)" : "");
        }
        if (p.reason() != null) {
            sb.append(sb.length() > 0 ? "; " : "").append(p.reason());
        }
        return sb.toString();
    }
}
