package io.tablewarden.ui.results;

import io.tablewarden.engine.remediation.RemediationRenderer;
import io.tablewarden.engine.remediation.SnippetFormat;
import io.tablewarden.engine.remediation.VisibleText;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckResult;
import io.tablewarden.report.FixScript;
import io.tablewarden.report.ScanReport;
import io.tablewarden.store.StoredResult;
import io.tablewarden.report.TerminalText;
import io.tablewarden.ui.model.OrganizationContext;
import io.tablewarden.ui.model.ScanSnapshot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The fixes the findings table copies: one result's filled CLI fix, or one script for several failing results
 * made by the same generator as the {@code script} report format.
 */
public final class CopyScriptBuilder {

    private CopyScriptBuilder() {
    }

    /** The filled CLI remediation of one result, or null when its check has none. */
    public static String cliFor(CheckResult result, CheckMetadata metadata) {
        if (metadata == null || metadata.remediation() == null) {
            return null;
        }
        String cli = metadata.remediationFor(result).fullCli();
        if (cli == null || cli.isBlank()) {
            return null;
        }
        return RemediationRenderer.fill(cli, result.placeholders(), SnippetFormat.SHELL);
    }

    /**
     * The filled CLI remediation of one result of an organisation scan: a comment naming the account and the
     * credentials its fix runs with (the profile, or the member role assumed from it), then the fix; as
     * {@link #cliFor(CheckResult, CheckMetadata)} when {@code organization} is null.
     */
    public static String cliFor(CheckResult result, CheckMetadata metadata, OrganizationContext organization) {
        String cli = cliFor(result, metadata);
        if (cli == null || organization == null) {
            return cli;
        }
        return accountComment(organization, result.resource().accountId()) + "\n" + cli;
    }

    /** The one-line comment saying who runs the fixes of {@code accountId}, safe in a shell script. */
    public static String accountComment(OrganizationContext organization, String accountId) {
        return "# " + TerminalText.clean(organization.runAs(accountId));
    }

    /**
     * The script for the FAIL results among {@code rows}, built like the {@code script} report format (one fix per
     * table and setting, a dry-run switch, waits between changes of one table); empty when none has a CLI fix.
     * Muted failures that the user selected are fixed too: selecting them is the user's choice.
     */
    public static String build(Collection<StoredResult> rows, ScanSnapshot scan) {
        List<CheckResult> results = new ArrayList<>(rows.size());
        rows.forEach(row -> results.add(row.result()));
        ScanReport report = new ScanReport(scan.info(), List.of(), null, scan.metadata());
        OrganizationContext organization = scan.organization();
        // an organisation's fixes are grouped by account, each saying which credentials run it
        return FixScript.build(results, report, false, organization == null ? null : organization::runAs);
    }
}
