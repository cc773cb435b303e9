package io.tablewarden.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tablewarden.engine.checks.Check;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.report.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tablewarden checks}: the check catalogue. */
@Command(name = "checks", mixinStandardHelpOptions = true, versionProvider = TablewardenCommand.Version.class,
        description = "Lists the available checks.")
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

    private final CliContext ctx;

    ChecksCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        List<CheckMetadata> catalogue = ctx.checks().get().stream().map(Check::metadata).toList();
        if (format == Format.JSON) {
            printJson(ctx.out(), catalogue);
        } else {
            printText(ctx.out(), catalogue);
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
