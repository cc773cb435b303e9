package io.tablewarden.report;

import io.tablewarden.engine.remediation.RemediationRenderer;
import io.tablewarden.engine.remediation.SnippetFormat;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Failures whose fixes share one region-wide part (a region's opt-in, one plan): the report and the workbench say,
 * next to each such fix, that the part is the same for all of them and runs once, as the combined fix script does.
 */
public final class SharedFixes {

    private SharedFixes() {
    }

    /**
     * For each FAIL result whose fix has a region-wide part, keyed by {@link CheckResult#identity()}, the FAIL results
     * of the same account and region (itself included, in the given order) whose filled region-wide part has the
     * same commands.
     */
    public static Map<String, List<CheckResult>> of(Collection<CheckResult> results,
                                                    Function<String, CheckMetadata> metadata) {
        Map<String, List<CheckResult>> groups = new LinkedHashMap<>();
        Map<String, String> groupOf = new HashMap<>();
        for (CheckResult r : results) {
            CheckMetadata meta = r.status() == Status.FAIL ? metadata.apply(r.checkId()) : null;
            if (meta == null || meta.remediationFor(r).regionCli().isBlank()) {
                continue;
            }
            String commands = FixScript.commandsOnly(RemediationRenderer.fill(meta.remediationFor(r).regionCli(),
                    r.placeholders(), SnippetFormat.SHELL));
            String key = r.resource().accountId() + "\n" + r.resource().region() + "\n" + commands;
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            groupOf.put(r.identity(), key);
        }
        Map<String, List<CheckResult>> out = new HashMap<>();
        groupOf.forEach((identity, key) -> out.put(identity, List.copyOf(groups.get(key))));
        return out;
    }

    /** One sentence for a fix shared by {@code sharing}; empty when only one result has it. */
    public static String note(List<CheckResult> sharing) {
        if (sharing == null || sharing.size() < 2) {
            return "";
        }
        List<String> names = new ArrayList<>();
        sharing.forEach(r -> names.add(r.resource().name()));
        return "The region-wide part of this fix is the same for " + sharing.size() + " resources in "
                + sharing.get(0).resource().region() + " (" + String.join(", ", names) + "): run it once.";
    }
}
