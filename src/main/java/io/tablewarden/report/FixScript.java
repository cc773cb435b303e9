package io.tablewarden.report;

import io.tablewarden.engine.remediation.RemediationRenderer;
import io.tablewarden.engine.remediation.ShellWords;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.Status;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One bash script that fixes a set of failing results the way a careful engineer would run it: strict mode, a
 * header saying what it changes, a dry-run switch, the fixes grouped by account and region, each resource's
 * fixes in its own subshell, and a wait for the table to become ACTIVE again between two changes of one table.
 *
 * <p>Two checks whose filled commands are the same (the two KMS checks both create a key for the table; the two
 * DAX encryption checks both create one replacement cluster) give one fix that names both checks, so running
 * the script never creates two keys for one table. A fix that needs a new resource and a change in the
 * applications (not in place) is written as comments for a person to adapt, never run blindly.
 *
 * <p>A fix that names a cause runs the fix for that cause. The part of such a fix that serves every resource of the
 * region (a region's opt-in, one backup plan) is written once per account and region, before the resources' own
 * fixes, naming every resource it serves; when it serves one resource only, it is written at the head of that
 * resource's fix instead, which is then one fix like the resource's CLI form (region part, then its own part).
 *
 * <p>Every value the script writes outside the filled snippets (names in comments, the region and table in a
 * wait) comes from the audited account: comments are kept on one line, arguments are {@link ShellWords} words.
 */
public final class FixScript {

    /** Set to 1 to print each AWS CLI command instead of running it. */
    static final String DRY_RUN_VARIABLE = "DRY_RUN";

    private FixScript() {
    }

    /**
     * The script for the FAIL results among {@code results}; results of other statuses and muted ones (when
     * {@code report} says so) are left out. Empty when nothing fails or no failing check has a CLI fix.
     *
     * @param results  the results to fix, in any order; duplicates are written once
     * @param report   the report they come from (metadata and mutes)
     * @param skipMuted leave out results a mute covers
     */
    public static String build(Collection<CheckResult> results, ScanReport report, boolean skipMuted) {
        return build(results, report, skipMuted, null);
    }

    /**
     * The script for the FAIL results among {@code results} of several accounts (an organisation's), each account's
     * fixes opened by a comment saying with which credentials they run.
     *
     * @param accountNote for an account id, one sentence on who runs its fixes (made safe here for a comment),
     *                    or null for none; a null function adds no notes
     */
    public static String build(Collection<CheckResult> results, ScanReport report, boolean skipMuted,
                               java.util.function.Function<String, String> accountNote) {
        Map<String, Map<String, Map<String, List<CheckResult>>>> byAccountRegionResource = new TreeMap<>();
        Set<String> seen = new LinkedHashSet<>();
        List<CheckResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparing((CheckResult r) -> nullToEmpty(r.resource().accountId()))
                .thenComparing(r -> nullToEmpty(r.resource().region()))
                .thenComparing(r -> nullToEmpty(r.resource().name()))
                .thenComparing(r -> r.severity().ordinal())
                .thenComparing(CheckResult::checkId));
        for (CheckResult r : sorted) {
            if (r.status() != Status.FAIL || !seen.add(r.identity())
                    || (skipMuted && report.muteOf(r) != null) || cliTemplate(report.metadataOf(r.checkId()), r) == null) {
                continue;
            }
            byAccountRegionResource
                    .computeIfAbsent(nullToEmpty(r.resource().accountId()), a -> new TreeMap<>())
                    .computeIfAbsent(nullToEmpty(r.resource().region()), g -> new TreeMap<>())
                    .computeIfAbsent(nullToEmpty(r.resource().arn()), n -> new ArrayList<>())
                    .add(r);
        }
        if (byAccountRegionResource.isEmpty()) {
            return "";
        }
        List<Fix> fixes = new ArrayList<>();
        byAccountRegionResource.values().forEach(regions -> regions.values().forEach(resources -> {
            Map<CheckResult, String> leading = new java.util.IdentityHashMap<>();
            for (Fix regionFix : regionFixesOf(resources.values(), report)) {
                if (regionFix.resolves().size() == 1) {
                    leading.put(regionFix.first(), regionFix.cli());
                } else {
                    fixes.add(regionFix);
                }
            }
            resources.values().forEach(list -> fixes.addAll(fixesOf(list, report, leading)));
        }));
        return render(fixes, report, accountNote);
    }

    /**
     * One fix to run (or to read, when manual) and the results it resolves; {@code regionWide} for the commands that
     * serve every result it resolves in its region at once.
     */
    private record Fix(CheckResult first, List<CheckResult> resolves, String cli, boolean manual, boolean regionWide) {
    }

    /** The region-wide parts of the fixes of one region: each distinct one once, resolving every result it serves. */
    private static List<Fix> regionFixesOf(Collection<List<CheckResult>> regionResults, ScanReport report) {
        Map<String, List<CheckResult>> byCommands = new LinkedHashMap<>();
        Map<String, String> cliOf = new LinkedHashMap<>();
        for (List<CheckResult> list : regionResults) {
            for (CheckResult r : list) {
                String template = report.metadataOf(r.checkId()).remediationFor(r).regionCli();
                if (template.isBlank()) {
                    continue;
                }
                String cli = RemediationRenderer.fill(template, r.placeholders(),
                        io.tablewarden.engine.remediation.SnippetFormat.SHELL);
                String key = commandsOnly(cli);
                byCommands.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
                cliOf.putIfAbsent(key, cli);
            }
        }
        List<Fix> out = new ArrayList<>();
        byCommands.forEach((key, list) -> out.add(new Fix(list.get(0), list, cliOf.get(key), false, true)));
        return out;
    }

    /**
     * The fixes of one resource: results whose filled commands are the same share one fix. {@code leading} holds the
     * region-wide part of a result whose region part serves it alone, to run first within its fix.
     */
    private static List<Fix> fixesOf(List<CheckResult> resourceResults, ScanReport report,
                                     Map<CheckResult, String> leading) {
        Map<String, List<CheckResult>> byCommands = new LinkedHashMap<>();
        Map<String, String> cliOf = new LinkedHashMap<>();
        Map<String, Boolean> manualOf = new LinkedHashMap<>();
        for (CheckResult r : resourceResults) {
            CheckMetadata meta = report.metadataOf(r.checkId());
            CheckMetadata.Remediation remediation = meta.remediationFor(r);
            String own = RemediationRenderer.fill(remediation.cli(), r.placeholders(),
                    io.tablewarden.engine.remediation.SnippetFormat.SHELL);
            String first = leading.get(r);
            String cli = first == null ? own : (first.endsWith("\n") ? first : first + "\n") + own;
            String key = commandsOnly(cli);
            if (key.isEmpty()) {
                // Only comments (a check to make later): kept apart per check, never merged by their emptiness.
                key = "#" + r.checkId() + "|" + cli;
            }
            byCommands.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            cliOf.putIfAbsent(key, cli);
            manualOf.putIfAbsent(key, !remediation.inPlace());
        }
        List<Fix> out = new ArrayList<>();
        byCommands.forEach((key, list) -> out.add(new Fix(list.get(0), list, cliOf.get(key), manualOf.get(key),
                false)));
        return out;
    }

    private static String render(List<Fix> fixes, ScanReport report,
                                 java.util.function.Function<String, String> accountNote) {
        StringBuilder s = new StringBuilder(4096);
        s.append("#!/usr/bin/env bash\n");
        s.append("# Fixes for failing findings, written by ").append(ProductInfo.NAME).append(' ')
                .append(comment(report.scan().toolVersion())).append(".\n");
        if (report.scan().accountId() != null) {
            s.append("# Scan of account ").append(comment(report.scan().accountId()));
            if (report.scan().accountAlias() != null) {
                s.append(" (").append(comment(report.scan().accountAlias())).append(')');
            }
            if (report.scan().started() != null) {
                s.append(", started ").append(report.scan().started());
            }
            s.append(".\n");
        }
        s.append("#\n# Read it before running it. Run with ").append(DRY_RUN_VARIABLE)
                .append("=1 to print every AWS CLI command instead of running it.\n");
        s.append("# Run it with credentials allowed to change the resources below, in the account named for each.\n");
        s.append("#\n# What it changes:\n");
        int manual = 0;
        for (Fix fix : fixes) {
            s.append("#  - ").append(fix.manual() ? "[manual] " : "").append(describe(fix)).append('\n');
            manual += fix.manual() ? 1 : 0;
        }
        if (manual > 0) {
            s.append("# Fixes marked [manual] create a replacement resource and need changes in the applications:\n");
            s.append("# they are written as comments below, to adapt and run by hand.\n");
        }
        s.append("\nset -euo pipefail\n\n");
        s.append(dryRunFunction());

        String account = null;
        String region = null;
        String notedAccount = null;
        String previousResource = null;
        boolean previousChangedTable = false;
        for (Fix fix : fixes) {
            CheckResult r = fix.first();
            if (!Objects.equals(account, r.resource().accountId()) || !Objects.equals(region, r.resource().region())) {
                account = r.resource().accountId();
                region = r.resource().region();
                previousResource = null;
                s.append("\n# ===== account ").append(comment(account)).append(", region ").append(comment(region))
                        .append(" =====\n");
                String note = accountNote == null || Objects.equals(notedAccount, account) ? null
                        : accountNote.apply(account);
                if (note != null) {
                    s.append("# ").append(comment(note)).append('\n');
                    notedAccount = account;
                }
            }
            if (fix.regionWide()) {
                s.append('\n').append("# --- ").append(describe(fix)).append('\n');
                s.append("# Once for the region: it serves every resource named above.\n");
                s.append("(\n").append(fix.cli().endsWith("\n") ? fix.cli() : fix.cli() + "\n").append(")\n");
                previousResource = null;
                continue;
            }
            boolean sameResource = Objects.equals(previousResource, r.resource().arn());
            if (sameResource && previousChangedTable && ShellWords.representable(r.resource().region())
                    && ShellWords.representable(r.resource().name())) {
                // UpdateTable refuses a second change while the table is UPDATING.
                s.append("\n# Wait until the table is ACTIVE again before the next change.\n");
                s.append("aws dynamodb wait table-exists ").append(ShellWords.option("region", r.resource().region()))
                        .append(' ').append(ShellWords.option("table-name", r.resource().name())).append('\n');
            }
            s.append('\n').append("# --- ").append(describe(fix)).append('\n');
            s.append("# ").append(comment(r.resource().arn())).append('\n');
            String body = fix.cli().endsWith("\n") ? fix.cli() : fix.cli() + "\n";
            if (fix.manual()) {
                s.append("# Manual: this fix creates a replacement; adapt and run these lines by hand.\n");
                for (String line : body.split("\n", -1)) {
                    if (!line.isEmpty()) {
                        s.append("# ").append(line).append('\n');
                    }
                }
            } else if (commandsOnly(body).isEmpty()) {
                s.append(body);
            } else {
                s.append("(\n").append(body).append(")\n");
            }
            previousResource = r.resource().arn();
            previousChangedTable = !fix.manual() && r.resource().type() == ResourceType.TABLE
                    && changesTable(fix.cli());
        }
        s.append("\necho 'All fixes ran.'\n");
        return s.toString();
    }

    /** The function that makes {@code DRY_RUN=1} print every AWS CLI command instead of running it. */
    private static String dryRunFunction() {
        return """
                # With DRY_RUN=1 every AWS CLI call is printed (on stderr) instead of being run; commands that read a
                # value then see an empty answer, so the script shows the path it would take for a new resource.
                aws() {
                  if [ "${DRY_RUN:-0}" = "1" ]; then
                    printf '[dry run] aws' >&2
                    printf ' %q' "$@" >&2
                    printf '\\n' >&2
                  else
                    command aws "$@"
                  fi
                }
                """;
    }

    /** "table orders: dynamodb_tables_pitr_enabled" or, for a fix shared by two checks, both ids. */
    private static String describe(Fix fix) {
        CheckResult r = fix.first();
        if (fix.regionWide()) {
            List<String> names = new ArrayList<>();
            fix.resolves().forEach(each -> names.add(comment(each.resource().name())));
            String cause = r.cause() == null ? "" : " (" + r.cause() + ")";
            return "region " + comment(r.resource().region()) + ", one fix for " + names.size()
                    + (names.size() == 1 ? " resource" : " resources") + " (" + String.join(", ", names) + "): "
                    + r.checkId() + cause;
        }
        List<String> ids = new ArrayList<>();
        fix.resolves().forEach(each -> ids.add(each.checkId()));
        return (r.resource().type() == ResourceType.DAX_CLUSTER ? "DAX cluster " : "table ")
                + comment(r.resource().name()) + ": " + String.join(" + ", ids);
    }

    private static boolean changesTable(String cli) {
        for (String line : cli.split("\n")) {
            String code = line.strip();
            if (!code.startsWith("#") && (code.contains("dynamodb update-table")
                    || code.contains("dynamodb update-continuous-backups"))) {
                return true;
            }
        }
        return false;
    }

    /** The snippet's command lines without comments and blank lines: what decides that two fixes are one. */
    public static String commandsOnly(String cli) {
        StringBuilder s = new StringBuilder();
        for (String line : cli.split("\n")) {
            String code = line.strip();
            if (!code.isEmpty() && !code.startsWith("#")) {
                s.append(code).append('\n');
            }
        }
        return s.toString();
    }

    /** The whole CLI fix of {@code result} (its region's part and its own), or null when it has none. */
    private static String cliTemplate(CheckMetadata meta, CheckResult result) {
        if (meta == null || meta.remediation() == null) {
            return null;
        }
        String cli = meta.remediationFor(result).fullCli();
        return cli == null || cli.isBlank() ? null : cli;
    }

    /**
     * A value from the account made safe inside a one-line comment: line breaks, other control characters and
     * bidirectional overrides are shown as visible escapes, so a name can neither end the comment nor hide text.
     */
    static String comment(String value) {
        return value == null ? "-" : TerminalText.clean(value);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
