package io.tablewarden.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tablewarden.model.CheckResult;
import io.tablewarden.report.TerminalText;
import io.tablewarden.store.FindingChange;
import io.tablewarden.store.ScanComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code tablewarden diff}: what changed between two stored scans of one account. */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = TablewardenCommand.Version.class,
        sortOptions = false, description = "Compares two stored scans of the same account finding by finding.",
        footer = {"", "Exit codes: 0 compared, 1 the database cannot be used, 2 bad usage (e.g. different accounts)."})
final class DiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OLD_SCAN", description = "Id of the older scan.")
    long olderId;

    @Parameters(index = "1", paramLabel = "NEW_SCAN", description = "Id of the newer scan.")
    long newerId;

    @Option(names = "--output-format", paramLabel = "FORMAT", defaultValue = "text",
            converter = LowerCaseEnumConverter.CatalogueFormats.class,
            description = "text or json (default: ${DEFAULT-VALUE}).")
    ChecksCommand.Format format;

    @Option(names = "--organization", description = "OLD_SCAN and NEW_SCAN are organisation scans (see history"
            + " --organizations): compare them account by account.")
    boolean organization;

    @Mixin
    StoreOptions storeOptions;

    private final CliContext ctx;

    DiffCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        if (organization) {
            return new OrganizationDiff(ctx, storeOptions).run(olderId, newerId, format);
        }
        Compared compared;
        try {
            compared = storeOptions.read(ctx, scans -> new Compared(scans.compare(olderId, newerId),
                    gap(scans, olderId), gap(scans, newerId)));
        } catch (IllegalArgumentException e) {
            // Scans of two different accounts.
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
        if (format == ChecksCommand.Format.JSON) {
            printJson(ctx.out(), compared.comparison());
        } else {
            printText(ctx.out(), compared.comparison());
        }
        ctx.out().flush();
        // A scan that did not see everything makes what it missed look removed or fixed: say so, and exit 4.
        boolean partial = false;
        for (String gap : new String[] {compared.olderGap(), compared.newerGap()}) {
            if (gap != null) {
                ctx.err().println(Cli.PREFIX + "warning: " + TerminalText.clean(gap));
                partial = true;
            }
        }
        ctx.err().flush();
        return partial ? ExitCodes.INCOMPLETE : ExitCodes.OK;
    }

    /** The comparison and, for each scan that is not whole, the sentence that says why. */
    private record Compared(ScanComparison comparison, String olderGap, String newerGap) {
    }

    static String gap(io.tablewarden.app.StoredScans scans, long scanId) {
        if (scans.verdict(scanId) != io.tablewarden.app.ScanVerdict.INCOMPLETE) {
            return null;
        }
        io.tablewarden.store.ScanSummary summary = scans.summary(scanId);
        return "scan " + scanId + " is incomplete (" + summary.state().name().toLowerCase(java.util.Locale.ROOT)
                + (summary.failureReason() == null ? "" : ": " + summary.failureReason())
                + "); what it could not read shows here as removed resources, fixes or status changes";
    }

    static Map<String, List<FindingChange>> sections(ScanComparison c) {
        Map<String, List<FindingChange>> sections = new LinkedHashMap<>();
        sections.put("newFailures", c.newFailures());
        sections.put("fixed", c.fixed());
        sections.put("stillFailing", c.stillFailing());
        sections.put("statusChanges", c.statusChanges());
        sections.put("newResources", c.newResources());
        sections.put("removedResources", c.removedResources());
        return sections;
    }

    static void printText(PrintStream out, ScanComparison c) {
        out.println("Scan " + c.olderScanId() + " -> scan " + c.newerScanId());
        Map<String, String> titles = Map.of("newFailures", "New failures", "fixed", "Fixed",
                "stillFailing", "Still failing", "statusChanges", "Status changes",
                "newResources", "New resources", "removedResources", "Removed resources");
        sections(c).forEach((key, changes) -> {
            out.println();
            out.println(titles.get(key) + " (" + changes.size() + ")");
            for (FindingChange ch : changes) {
                CheckResult r = ch.latest();
                boolean resourceOnly = key.equals("newResources") || key.equals("removedResources");
                String what = resourceOnly ? r.resource().arn()
                        : r.checkId() + "  " + r.resource().arn() + "  " + status(ch);
                out.println("  " + TerminalText.clean(what));
            }
        });
    }

    private static String status(FindingChange ch) {
        return (ch.statusBefore() == null ? "-" : ch.statusBefore().name()) + " -> "
                + (ch.statusAfter() == null ? "-" : ch.statusAfter().name());
    }

    private static void printJson(PrintStream out, ScanComparison c) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("olderScan", c.olderScanId());
        root.put("newerScan", c.newerScanId());
        sections(c).forEach((key, changes) -> {
            ArrayNode array = root.putArray(key);
            for (FindingChange ch : changes) {
                CheckResult r = ch.latest();
                ObjectNode node = array.addObject();
                node.put("checkId", r.checkId());
                node.put("accountId", r.resource().accountId());
                node.put("region", r.resource().region());
                node.put("resourceArn", r.resource().arn());
                node.put("resourceName", r.resource().name());
                node.put("before", ch.statusBefore() == null ? null : ch.statusBefore().name());
                node.put("after", ch.statusAfter() == null ? null : ch.statusAfter().name());
                node.put("statusText", r.statusText());
            }
        });
        out.println(mapper.writeValueAsString(root));
    }
}
