package io.tablewarden.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Descriptive metadata of a check, loaded from the JSON file beside the check's class. All texts are
 * written by us; remediation snippets use {@code {{token}}} placeholders filled from each result.
 *
 * @param id                 check id, e.g. {@code dynamodb_tables_pitr_enabled}
 * @param title              short title
 * @param shortLabel         a few words for narrow places such as a matrix column header, e.g. {@code PITR}
 * @param severity           severity
 * @param resourceType       resource the check evaluates
 * @param description        what the check looks at: the exact rule
 * @param risk               why a FAIL matters
 * @param securityHubControl e.g. {@code DynamoDB.2}, or null
 * @param categories         e.g. {@code encryption}, {@code resilience}
 * @param links              documentation URLs
 * @param remediation        the generic fix in four forms, used when a result names no cause of its own
 * @param causes             per cause id (see {@link CheckResult#cause()}), the fix for that cause, in file order
 * @param learn              how the check is explained to a reader who wants to understand it; null when absent
 */
public record CheckMetadata(String id, String title, String shortLabel, Severity severity, ResourceType resourceType,
                            String description, String risk, String securityHubControl, List<String> categories,
                            List<String> links, Remediation remediation, Map<String, Cause> causes, Learn learn) {

    public CheckMetadata {
        categories = categories == null ? List.of() : List.copyOf(categories);
        links = links == null ? List.of() : List.copyOf(links);
        causes = causes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(causes));
    }

    /** Metadata with only the generic fix and no explanation. */
    public CheckMetadata(String id, String title, String shortLabel, Severity severity, ResourceType resourceType,
                         String description, String risk, String securityHubControl, List<String> categories,
                         List<String> links, Remediation remediation) {
        this(id, title, shortLabel, severity, resourceType, description, risk, securityHubControl, categories, links,
                remediation, Map.of(), null);
    }

    /** The fix for {@code cause}, or the generic one when the cause is null or has no fix of its own. */
    public Remediation remediationFor(String cause) {
        Cause specific = cause == null ? null : causes.get(cause);
        return specific != null ? specific.remediation() : remediation;
    }

    /** The fix for the cause of {@code result}, or the generic one. */
    public Remediation remediationFor(CheckResult result) {
        return remediationFor(result.cause());
    }

    /**
     * Remediation in four forms.
     *
     * @param summary        one sentence: what to change
     * @param cli            AWS CLI commands (bash) for one resource, with tokens
     * @param cloudFormation CloudFormation YAML fragment, with tokens
     * @param terraform      Terraform HCL fragment, with tokens
     * @param console        console steps, one per entry
     * @param inPlace        false when the fix needs a new resource (e.g. DAX encryption)
     * @param regionCli      AWS CLI commands that serve every resource of a region with this cause (an opt-in, a
     *                       plan): run once per account and region before {@code cli}; empty when there are none
     */
    public record Remediation(String summary, String cli, String cloudFormation, String terraform,
                              List<String> console, boolean inPlace, String regionCli) {
        public Remediation {
            console = console == null ? List.of() : List.copyOf(console);
            regionCli = regionCli == null ? "" : regionCli;
        }

        public Remediation(String summary, String cli, String cloudFormation, String terraform, List<String> console,
                           boolean inPlace) {
            this(summary, cli, cloudFormation, terraform, console, inPlace, "");
        }

        /** The whole fix of one resource: the region's commands, then the resource's own. */
        public String fullCli() {
            if (regionCli.isBlank()) {
                return cli;
            }
            return regionCli + (regionCli.endsWith("\n") ? "\n" : "\n\n") + (cli == null ? "" : cli);
        }
    }

    /**
     * The fix of one cause.
     *
     * @param title       a few words naming the cause, e.g. "DynamoDB not opted in to AWS Backup in the region"
     * @param remediation the fix for it
     */
    public record Cause(String title, Remediation remediation) {
    }

    /**
     * What an expert tells a colleague about the check, beyond {@link #description()} (what it checks exactly)
     * and {@link #risk()} (why it matters).
     *
     * @param howToFix      the steps, in order, tied to the fixes of the causes
     * @param falsePositive when a FAIL is not what it seems, and what does not count as passing
     * @param related       ids of related checks
     */
    public record Learn(List<String> howToFix, String falsePositive, List<String> related) {
        public Learn {
            howToFix = howToFix == null ? List.of() : List.copyOf(howToFix);
            related = related == null ? List.of() : List.copyOf(related);
        }
    }
}
