package io.tablewarden.model;

import java.util.List;

/**
 * Descriptive metadata of a check, loaded from the JSON file beside the check's class. All texts are
 * written by us; remediation snippets use {@code {{token}}} placeholders filled from each result.
 *
 * @param id                 check id, e.g. {@code dynamodb_tables_pitr_enabled}
 * @param title              short title
 * @param shortLabel         a few words for narrow places such as a matrix column header, e.g. {@code PITR}
 * @param severity           severity
 * @param resourceType       resource the check evaluates
 * @param description        what the check looks at
 * @param risk               why a FAIL matters
 * @param securityHubControl e.g. {@code DynamoDB.2}, or null
 * @param categories         e.g. {@code encryption}, {@code resilience}
 * @param links              documentation URLs
 * @param remediation        the fix in four forms
 */
public record CheckMetadata(String id, String title, String shortLabel, Severity severity, ResourceType resourceType,
                            String description, String risk, String securityHubControl, List<String> categories,
                            List<String> links, Remediation remediation) {

    public CheckMetadata {
        categories = categories == null ? List.of() : List.copyOf(categories);
        links = links == null ? List.of() : List.copyOf(links);
    }

    /**
     * Remediation in four forms.
     *
     * @param summary        one sentence: what to change
     * @param cli            AWS CLI commands (bash), with tokens
     * @param cloudFormation CloudFormation YAML fragment, with tokens
     * @param terraform      Terraform HCL fragment, with tokens
     * @param console        console steps, one per entry
     * @param inPlace        false when the fix needs a new resource (e.g. DAX encryption)
     */
    public record Remediation(String summary, String cli, String cloudFormation, String terraform,
                              List<String> console, boolean inPlace) {
        public Remediation {
            console = console == null ? List.of() : List.copyOf(console);
        }
    }
}
