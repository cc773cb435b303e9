package io.tablewarden.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tablewarden.report.TerminalText;
import io.tablewarden.store.OrganizationScanAccount;
import io.tablewarden.store.OrganizationScanSummary;
import io.tablewarden.store.ScanSummary;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The organisation level of {@code history}: each organisation scan with its accounts and their scans. */
final class OrganizationHistory {

    private OrganizationHistory() {
    }

    static void printText(PrintStream out, List<OrganizationScanSummary> organizations, List<ScanSummary> scans) {
        if (organizations.isEmpty()) {
            out.println("No stored organisation scans.");
            return;
        }
        Map<Long, ScanSummary> byId = byId(scans);
        out.println("Organisation scans:");
        for (OrganizationScanSummary o : organizations) {
            out.println();
            out.printf("org %d  %s  management %s  %s  %s  role %s%n", o.id(), TerminalText.clean(o.organizationId()),
                    TerminalText.clean(o.managementAccountId()), o.startedAt().truncatedTo(ChronoUnit.SECONDS),
                    o.state(), TerminalText.clean(o.roleName()));
            String row = "  %-12s  %-24s  %-20s  %-9s  %6s  %5s  %5s  %5s  %s%n";
            out.printf(row, "account", "name", "OU", "outcome", "scan", "pass", "fail", "error", "");
            for (OrganizationScanAccount a : o.accounts()) {
                ScanSummary s = a.scanId() == null ? null : byId.get(a.scanId());
                out.printf(row, TerminalText.clean(a.accountId()), TerminalText.clean(nullToEmpty(a.accountName())),
                        TerminalText.clean(a.unitPath() == null || a.unitPath().isEmpty() ? "(root)" : a.unitPath()),
                        a.outcome().name().toLowerCase(Locale.ROOT), a.scanId() == null ? "-" : a.scanId(),
                        s == null ? "" : s.passCount(), s == null ? "" : s.failCount(),
                        s == null ? "" : s.errorCount(),
                        a.outcome() == OrganizationScanAccount.Outcome.ERROR ? TerminalText.clean(
                                firstClause(a.message())) : "");
            }
        }
    }

    static void printJson(PrintStream out, List<OrganizationScanSummary> organizations, List<ScanSummary> scans)
            throws Exception {
        Map<Long, ScanSummary> byId = byId(scans);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode array = mapper.createArrayNode();
        for (OrganizationScanSummary o : organizations) {
            ObjectNode node = array.addObject();
            node.put("id", o.id());
            node.put("organizationId", o.organizationId());
            node.put("managementAccountId", o.managementAccountId());
            node.put("callerAccountId", o.callerAccountId());
            node.put("profile", o.profileName());
            node.put("roleName", o.roleName());
            node.put("startedAt", o.startedAt().toString());
            node.put("finishedAt", o.finishedAt() == null ? null : o.finishedAt().toString());
            node.put("state", o.state());
            ArrayNode accounts = node.putArray("accounts");
            for (OrganizationScanAccount a : o.accounts()) {
                ObjectNode acc = accounts.addObject();
                acc.put("accountId", a.accountId());
                acc.put("name", a.accountName());
                acc.put("organizationalUnit", a.unitPath());
                acc.put("outcome", a.outcome().name().toLowerCase(Locale.ROOT));
                if (a.scanId() != null) {
                    acc.put("scan", a.scanId());
                    ScanSummary s = byId.get(a.scanId());
                    if (s != null) {
                        acc.put("state", s.state().dbValue());
                        ObjectNode counts = acc.putObject("counts");
                        counts.put("PASS", s.passCount());
                        counts.put("FAIL", s.failCount());
                        counts.put("ERROR", s.errorCount());
                        counts.put("NOT_APPLICABLE", s.notApplicableCount());
                    }
                }
                if (a.message() != null) {
                    acc.put("message", a.message());
                }
            }
        }
        out.println(mapper.writeValueAsString(array));
    }

    private static Map<Long, ScanSummary> byId(List<ScanSummary> scans) {
        Map<Long, ScanSummary> out = new HashMap<>();
        scans.forEach(s -> out.put(s.id(), s));
        return out;
    }

    /** The account-level error up to its advice, short enough for a table. */
    private static String firstClause(String message) {
        if (message == null) {
            return "";
        }
        int dash = message.indexOf(" — ");
        return dash < 0 ? message : message.substring(0, dash);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
