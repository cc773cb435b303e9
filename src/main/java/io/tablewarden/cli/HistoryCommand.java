package io.tablewarden.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tablewarden.report.TerminalText;
import io.tablewarden.store.OrganizationScanAccount;
import io.tablewarden.store.OrganizationScanSummary;
import io.tablewarden.store.ScanSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code tablewarden history}: the stored scans, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true, versionProvider = TablewardenCommand.Version.class,
        sortOptions = false, description = "Lists the stored scans, newest first.",
        footer = {"", "Exit codes: 0 listed, 1 the database cannot be used, 2 bad usage."})
final class HistoryCommand implements Callable<Integer> {

    @Option(names = "--account", paramLabel = "ID", description = "Only scans of this account.")
    String account;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            converter = LowerCaseEnumConverter.CatalogueFormats.class,
            description = "text or json (default: ${DEFAULT-VALUE}).")
    ChecksCommand.Format format;

    @Option(names = "--organizations", description = "Only the organisation scans, each with its accounts.")
    boolean organizationsOnly;

    @Mixin
    StoreOptions storeOptions;

    private final CliContext ctx;

    HistoryCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Listing listing = storeOptions.read(ctx, stored -> new Listing(stored.list(account),
                stored.organizations().list(), organizationOf(stored), stored.list(null)));
        List<ScanSummary> scans = listing.scans();
        List<OrganizationScanSummary> organizations = account == null ? listing.organizations()
                : listing.organizations().stream().filter(o -> o.accounts().stream()
                        .anyMatch(a -> a.accountId().equals(account))).toList();
        if (format == ChecksCommand.Format.JSON) {
            if (organizationsOnly) {
                OrganizationHistory.printJson(ctx.out(), organizations, listing.allScans());
            } else {
                printJson(ctx.out(), scans, listing.organizationOf());
            }
        } else {
            if (!organizationsOnly) {
                printText(ctx.out(), scans);
            }
            if (organizationsOnly || !organizations.isEmpty()) {
                if (!organizationsOnly) {
                    ctx.out().println();
                }
                OrganizationHistory.printText(ctx.out(), organizations, listing.allScans());
            }
        }
        ctx.out().flush();
        return ExitCodes.OK;
    }

    /** What the database holds: scans, organisation scans, and which organisation scan each scan belongs to. */
    private record Listing(List<ScanSummary> scans, List<OrganizationScanSummary> organizations,
                           Map<Long, Long> organizationOf, List<ScanSummary> allScans) {
    }

    private static Map<Long, Long> organizationOf(io.tablewarden.app.StoredScans stored) {
        Map<Long, Long> out = new HashMap<>();
        for (OrganizationScanSummary o : stored.organizations().list()) {
            for (OrganizationScanAccount a : o.accounts()) {
                if (a.scanId() != null) {
                    out.put(a.scanId(), o.id());
                }
            }
        }
        return out;
    }

    private static void printText(PrintStream out, List<ScanSummary> scans) {
        if (scans.isEmpty()) {
            out.println("No stored scans.");
            return;
        }
        String row = "%6s  %-12s  %-20s  %-11s  %5s  %5s  %5s  %5s  %s%n";
        out.printf(row, "id", "account", "started", "state", "pass", "fail", "error", "n/a", "alias");
        for (ScanSummary s : scans) {
            out.printf(row, s.id(), s.accountId() == null ? "-" : TerminalText.clean(s.accountId()),
                    s.startedAt().truncatedTo(ChronoUnit.SECONDS),
                    s.state().dbValue(), s.passCount(), s.failCount(), s.errorCount(), s.notApplicableCount(),
                    s.accountAlias() == null ? "" : TerminalText.clean(s.accountAlias()));
        }
    }

    private static void printJson(PrintStream out, List<ScanSummary> scans, Map<Long, Long> organizationOf)
            throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode array = mapper.createArrayNode();
        for (ScanSummary s : scans) {
            ObjectNode node = array.addObject();
            node.put("id", s.id());
            node.put("accountId", s.accountId());
            node.put("accountAlias", s.accountAlias());
            node.put("callerArn", s.callerArn());
            node.put("profile", s.profileName());
            node.set("regions", mapper.valueToTree(s.regions()));
            node.put("startedAt", s.startedAt().toString());
            node.put("finishedAt", s.finishedAt() == null ? null : s.finishedAt().toString());
            node.put("state", s.state().dbValue());
            ObjectNode counts = node.putObject("counts");
            counts.put("PASS", s.passCount());
            counts.put("FAIL", s.failCount());
            counts.put("ERROR", s.errorCount());
            counts.put("NOT_APPLICABLE", s.notApplicableCount());
            node.put("failureReason", s.failureReason());
            if (s.reevaluationOf() != null) {
                node.put("reevaluationOf", s.reevaluationOf());
            }
            if (organizationOf.containsKey(s.id())) {
                node.put("organizationScan", organizationOf.get(s.id()));
            }
        }
        out.println(mapper.writeValueAsString(array));
    }
}
