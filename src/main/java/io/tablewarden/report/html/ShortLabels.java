package io.tablewarden.report.html;

import io.tablewarden.model.CheckMetadata;

/** The narrow column header of a check in the posture matrix. */
final class ShortLabels {

    private ShortLabels() {
    }

    /** The check's id without the common prefixes, in words (the title is in the header's tooltip). */
    static String of(String checkId, CheckMetadata metadata) {
        String words = checkId.replaceFirst("^dynamodb_(accelerator_cluster_|tables?_)?", "").replace('_', ' ');
        return words.isEmpty() ? checkId : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
