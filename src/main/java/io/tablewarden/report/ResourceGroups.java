package io.tablewarden.report;

import io.tablewarden.model.ResourceType;

/** The AWS service a resource belongs to, as reports name it. */
final class ResourceGroups {

    private ResourceGroups() {
    }

    static String of(ResourceType type) {
        return switch (type) {
            case TABLE -> "dynamodb";
            case DAX_CLUSTER -> "dax";
            default -> "account";
        };
    }
}
