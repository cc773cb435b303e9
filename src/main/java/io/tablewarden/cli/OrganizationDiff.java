package io.tablewarden.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tablewarden.app.StoredOrganizationScans.AccountComparison;
import io.tablewarden.app.StoredOrganizationScans.OrganizationComparison;
import io.tablewarden.model.CheckResult;
import io.tablewarden.report.TerminalText;
import io.tablewarden.store.FindingChange;
import io.tablewarden.store.OrganizationScanAccount;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code diff --organization}: two organisation scans of one organisation compared account by account. */
final class OrganizationDiff {

    private final CliContext ctx;
    private final StoreOptions storeOptions;

    OrganizationDiff(CliContext ctx, StoreOptions storeOptions) {
        this.ctx = ctx;
        this.storeOptions = storeOptions;
    }

    /** A comparison and the sentences saying which account scans were not whole. */
    private record Compared(OrganizationComparison comparison, List<String> gaps) {
    }

    int run(long olderId, long newerId, ChecksCommand.Format format) throws Exception {
        Compared compared;
        try {
            compared = storeOptions.read(ctx, scans -> {
                OrganizationComparison c = scans.organizations().compare(olderId, newerId);
                List<String> gaps = new ArrayList<>();
                for (AccountComparison a : c.accounts()) {
                    for (OrganizationScanAccount side : new OrganizationScanAccount[] {a.before(), a.after()}) {
                        if (a.comparison() != null && side != null) {
                            String gap = DiffCommand.gap(scans, side.scanId());
                            if (gap != null) {
                                gaps.add("account " + a.accountId() + ": " + gap);
                            }
                        }
                    }
                }
                return new Compared(c, gaps);
            });
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
        if (format == ChecksCommand.Format.JSON) {
            printJson(ctx.out(), compared.comparison());
        } else {
            printText(ctx.out(), compared.comparison());
        }
        ctx.out().flush();
        for (String gap : compared.gaps()) {
            ctx.err().println(Cli.PREFIX + "warning: " + TerminalText.clean(gap));
        }
        boolean refused = compared.comparison().accounts().stream().anyMatch(a -> a.after() != null
                && a.after().outcome() == OrganizationScanAccount.Outcome.ERROR);
        if (refused) {
            ctx.err().println(Cli.PREFIX + "warning: some accounts could not be scanned in organisation scan "
                    + newerId + "; their findings are not compared");
        }
        ctx.err().flush();
        return compared.gaps().isEmpty() && !refused ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }

    private static void printText(PrintStream out, OrganizationComparison c) {
        out.println("Organisation " + TerminalText.clean(c.newer().organizationId()) + ": organisation scan "
                + c.older().id() + " -> " + c.newer().id());
        for (AccountComparison a : c.accounts()) {
            out.println();
            out.println("=== Account " + TerminalText.clean(a.accountId()) + " (" + TerminalText.clean(
                    a.name() == null ? "" : a.name()) + "): " + outcome(a.before()) + " -> " + outcome(a.after()));
            if (a.comparison() != null) {
                DiffCommand.sections(a.comparison()).forEach((key, changes) -> {
                    if (!changes.isEmpty()) {
                        out.println("  " + key + " (" + changes.size() + ")");
                        for (FindingChange ch : changes) {
                            CheckResult r = ch.latest();
                            out.println("    " + TerminalText.clean(r.checkId() + "  " + r.resource().arn() + "  "
                                    + status(ch)));
                        }
                    }
                });
            } else if (a.after() != null && a.after().message() != null) {
                out.println("  " + TerminalText.clean(a.after().message()));
            }
        }
    }

    private static void printJson(PrintStream out, OrganizationComparison c) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("organization", c.newer().organizationId());
        root.put("olderOrganizationScan", c.older().id());
        root.put("newerOrganizationScan", c.newer().id());
        ArrayNode accounts = root.putArray("accounts");
        for (AccountComparison a : c.accounts()) {
            ObjectNode node = accounts.addObject();
            node.put("accountId", a.accountId());
            node.put("name", a.name());
            node.put("before", a.before() == null ? null : a.before().outcome().name().toLowerCase(Locale.ROOT));
            node.put("after", a.after() == null ? null : a.after().outcome().name().toLowerCase(Locale.ROOT));
            if (a.before() != null && a.before().scanId() != null) {
                node.put("olderScan", a.before().scanId());
            }
            if (a.after() != null && a.after().scanId() != null) {
                node.put("newerScan", a.after().scanId());
            }
            if (a.comparison() != null) {
                ObjectNode changes = node.putObject("changes");
                DiffCommand.sections(a.comparison()).forEach((key, list) -> {
                    ArrayNode array = changes.putArray(key);
                    for (FindingChange ch : list) {
                        CheckResult r = ch.latest();
                        ObjectNode f = array.addObject();
                        f.put("checkId", r.checkId());
                        f.put("region", r.resource().region());
                        f.put("resourceArn", r.resource().arn());
                        f.put("before", ch.statusBefore() == null ? null : ch.statusBefore().name());
                        f.put("after", ch.statusAfter() == null ? null : ch.statusAfter().name());
                    }
                });
            } else if (a.after() != null && a.after().message() != null) {
                node.put("message", a.after().message());
            }
        }
        out.println(mapper.writeValueAsString(root));
    }

    private static String outcome(OrganizationScanAccount a) {
        return a == null ? "not in the organisation" : a.outcome().name().toLowerCase(Locale.ROOT)
                + (a.scanId() == null ? "" : " (scan " + a.scanId() + ")");
    }

    private static String status(FindingChange ch) {
        return (ch.statusBefore() == null ? "-" : ch.statusBefore().name()) + " -> "
                + (ch.statusAfter() == null ? "-" : ch.statusAfter().name());
    }
}
