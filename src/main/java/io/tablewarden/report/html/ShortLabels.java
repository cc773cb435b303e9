package io.tablewarden.report.html;

import io.tablewarden.model.CheckMetadata;

/** The narrow column header of a check in the posture matrix. */
final class ShortLabels {

    private ShortLabels() {
    }

    /**
     * The check's short label from its metadata; for a check the report has no metadata for, its id without the
     * common prefixes, in words. The title is in the header's tooltip.
     */
    static String of(String checkId, CheckMetadata metadata) {
        if (metadata != null && metadata.shortLabel() != null && !metadata.shortLabel().isBlank()) {
            return metadata.shortLabel();
        }
        String words = checkId.replaceFirst("^dynamodb_(accelerator_cluster_|tables?_)?", "").replace('_', ' ');
        return words.isEmpty() ? checkId : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
