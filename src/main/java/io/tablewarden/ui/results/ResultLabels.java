package io.tablewarden.ui.results;

import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.Status;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Words and short names the result screens show for statuses, checks and resource types. */
public final class ResultLabels {

    /**
     * Matrix headers must stay narrow, so each check's metadata carries a short label; the tooltip has the title.
     * Read once from the built-in checks, so a new check brings its label with it.
     */
    private static final class ShortLabels {
        static final Map<String, String> BY_ID = byId();

        private static Map<String, String> byId() {
            Map<String, String> labels = new HashMap<>();
            CheckRegistry.builtIn().all().forEach(c -> labels.put(c.id(), c.metadata().shortLabel()));
            return labels;
        }
    }

    private ResultLabels() {
    }

    /**
     * A short column header for a check; a check we do not know (a stored scan of a removed check) gets its id
     * without the common prefixes.
     */
    public static String shortName(String checkId) {
        String known = ShortLabels.BY_ID.get(checkId);
        if (known != null) {
            return known;
        }
        return checkId.replaceFirst("^dynamodb_(accelerator_cluster_|tables?_)?", "").replace('_', ' ');
    }

    /** The check's title, or its id when the metadata is missing. */
    public static String title(String checkId, CheckMetadata metadata) {
        return metadata == null ? checkId : metadata.title();
    }

    /** The word shown in badges and cells: PASS, FAIL, ERROR, N/A. */
    public static String status(Status status) {
        return status == Status.NOT_APPLICABLE ? "N/A" : status.name();
    }

    /** CSS class suffix of a status: pass, fail, error, na. */
    /** Where a status sorts when what needs attention comes first: FAIL, then ERROR, PASS and N/A. */
    public static int attentionRank(Status status) {
        return switch (status) {
            case FAIL -> 0;
            case ERROR -> 1;
            case PASS -> 2;
            case NOT_APPLICABLE -> 3;
        };
    }

    public static String styleSuffix(Status status) {
        return status == Status.NOT_APPLICABLE ? "na" : status.name().toLowerCase(Locale.ROOT);
    }

    public static String resourceType(ResourceType type) {
        return switch (type) {
            case TABLE -> "Table";
            case DAX_CLUSTER -> "DAX cluster";
            default -> "Region";
        };
    }

    /** Severity with a capital first letter. */
    public static String severity(io.tablewarden.model.Severity severity) {
        String lower = severity.lower();
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
