package io.tablewarden.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tablewarden.engine.checks.Check;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.report.CheckExplanation;
import io.tablewarden.report.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code tablewarden checks}: the check catalogue. */
@Command(name = "checks", mixinStandardHelpOptions = true, versionProvider = TablewardenCommand.Version.class,
        description = {"Lists the available checks.",
                "With --explain ID: what the check evaluates, why it matters, how to fix it, when a failure is not"
                        + " what it seems, and the related checks."})
final class ChecksCommand implements Callable<Integer> {

    /** Formats of the catalogue listing. */
    enum Format { TEXT, JSON;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            converter = LowerCaseEnumConverter.CatalogueFormats.class,
            description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--explain", paramLabel = "ID", description = "Explain one check (its id, as listed).")
    String explain;

    private final CliContext ctx;

    ChecksCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        List<CheckMetadata> catalogue = ctx.checks().get().stream().map(Check::metadata).toList();
        if (explain != null) {
            return explain(catalogue);
        }
        if (format == Format.JSON) {
            printJson(ctx.out(), catalogue);
        } else {
            printText(ctx.out(), catalogue);
        }
        ctx.out().flush();
        return ExitCodes.OK;
    }

    private int explain(List<CheckMetadata> catalogue) throws Exception {
        Map<String, CheckMetadata> byId = new LinkedHashMap<>();
        catalogue.forEach(m -> byId.put(m.id(), m));
        CheckMetadata metadata = byId.get(explain);
        if (metadata == null) {
            throw new CliException(ExitCodes.USAGE, "there is no check " + TerminalText.clean(explain)
                    + "; the checks are: " + String.join(", ", byId.keySet()));
        }
        if (format == Format.JSON) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode node = mapper.createObjectNode();
            node.put("id", metadata.id());
            node.put("title", metadata.title());
            ArrayNode sections = node.putArray("sections");
            for (CheckExplanation.Section section : CheckExplanation.of(metadata, byId)) {
                ObjectNode s = sections.addObject();
                s.put("heading", section.heading());
                s.set("paragraphs", mapper.valueToTree(section.paragraphs()));
                s.set("steps", mapper.valueToTree(section.steps()));
            }
            node.set("links", mapper.valueToTree(metadata.links()));
            ctx.out().println(mapper.writeValueAsString(node));
        } else {
            ctx.out().print(CheckExplanation.text(metadata, byId));
        }
        ctx.out().flush();
        return ExitCodes.OK;
    }

    private static void printText(PrintStream out, List<CheckMetadata> catalogue) {
        int idWidth = "id".length();
        for (CheckMetadata m : catalogue) {
            idWidth = Math.max(idWidth, m.id().length());
        }
        String row = "%-" + idWidth + "s  %-8s  %-12s  %s%n";
        out.printf(row, "id", "severity", "security hub", "title");
        for (CheckMetadata m : catalogue) {
            out.printf(row, TerminalText.clean(m.id()), m.severity().lower(),
                    m.securityHubControl() == null ? "-" : TerminalText.clean(m.securityHubControl()),
                    TerminalText.clean(m.title()));
        }
    }

    private static void printJson(PrintStream out, List<CheckMetadata> catalogue) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode array = mapper.createArrayNode();
        for (CheckMetadata m : catalogue) {
            ObjectNode node = array.addObject();
            node.put("id", m.id());
            node.put("title", m.title());
            node.put("severity", m.severity().lower());
            node.put("securityHubControl", m.securityHubControl());
            node.put("resourceType", m.resourceType().cloudFormationType());
            node.set("categories", mapper.valueToTree(m.categories()));
        }
        out.println(mapper.writeValueAsString(array));
    }
}
