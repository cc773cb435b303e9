package io.tablewarden.ui.results;

import io.tablewarden.engine.remediation.RemediationRenderer;
import io.tablewarden.engine.remediation.SnippetFormat;
import io.tablewarden.engine.remediation.VisibleText;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;
import io.tablewarden.store.StoredResult;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Builds one shell script from the CLI remediation of several failing results: each snippet filled with its
 * resource's names under a comment header naming the resource and the check. Results that do not fail are
 * left out, and a snippet that is word for word one already written (the same finding selected twice) is
 * written once.
 */
public final class CopyScriptBuilder {

    private CopyScriptBuilder() {
    }

    /** The filled CLI remediation of one result, or null when its check has none. */
    public static String cliFor(CheckResult result, CheckMetadata metadata) {
        if (metadata == null || metadata.remediation() == null) {
            return null;
        }
        String cli = metadata.remediation().cli();
        if (cli == null || cli.isBlank()) {
            return null;
        }
        return RemediationRenderer.fill(cli, result.placeholders(), SnippetFormat.SHELL);
    }

    /** The script for the FAIL results among {@code rows}; empty when none has a CLI remediation. */
    public static String build(Collection<StoredResult> rows, Map<String, CheckMetadata> metadata) {
        StringBuilder out = new StringBuilder();
        Set<String> written = new HashSet<>();
        Set<String> identities = new HashSet<>();
        for (StoredResult row : rows) {
            CheckResult result = row.result();
            if (result.status() != Status.FAIL || !identities.add(result.identity())) {
                continue;
            }
            String cli = cliFor(result, metadata.get(result.checkId()));
            if (cli == null || !written.add(cli.strip())) {
                continue;
            }
            if (out.length() > 0) {
                out.append('\n');
            }
            // names shown in comments: a newline in a name must not end the comment
            out.append("# ---- ").append(VisibleText.of(result.resource().name())).append(" (")
                    .append(VisibleText.of(result.resource().region())).append(") - ").append(result.checkId())
                    .append('\n');
            out.append("# ").append(VisibleText.of(result.resource().arn())).append('\n');
            out.append(cli.endsWith("\n") ? cli : cli + "\n");
        }
        if (out.length() > 0) {
            out.insert(0, "#!/usr/bin/env bash\n# Remediation of the selected failing findings.\n\n");
        }
        return out.toString();
    }
}
