package io.tablewarden.report.html;

import java.util.List;

/**
 * What the organisation's HTML report shows, computed by {@link OrganizationHtmlBuilder}; the template
 * ({@code src/main/jte/organization.jte}) only lays it out and escapes every value.
 *
 * @param organizationId      the organisation
 * @param managementAccountId its management account
 * @param finished            when the organisation scan ended, for the cover
 * @param toolVersion         the tool's version
 * @param passRate            PASS among PASS and FAIL across the scanned accounts, in percent; -1 when none
 * @param counts              accounts per outcome, for the cover
 * @param refused             the accounts that could not be scanned, each with why
 * @param accounts            one row per scanned account, worst pass rate first
 * @param units               one row per OU with scanned accounts
 * @param sections            one section per scanned account, in the rows' order
 * @param css                 the style sheet, inlined
 * @param csp                 the Content-Security-Policy
 */
public record OrganizationHtmlModel(String organizationId, String managementAccountId, String finished,
                                    String toolVersion, int passRate, List<Count> counts, List<Refused> refused,
                                    List<AccountRow> accounts, List<UnitRow> units, List<AccountSection> sections,
                                    String css, String csp) {

    /** How many accounts had one outcome. */
    public record Count(String label, int count, String tone) {
    }

    /** An account that was not scanned, and why. */
    public record Refused(String accountId, String name, String outcome, String message) {
    }

    /** One scanned account's figures. */
    public record AccountRow(String anchor, String accountId, String name, String unit, int passRate, long pass,
                             long fail, long error, String incomplete) {
    }

    /** One OU's figures over its scanned accounts, and how many of its accounts were not scanned. */
    public record UnitRow(String unit, int accounts, int notScanned, long pass, long fail, long error, int passRate) {
    }

    /** One scanned account: its region errors and what needs attention. */
    public record AccountSection(String anchor, String accountId, String name, String unit, String scanId,
                                 List<String> regionErrors, List<Finding> findings, long passed) {
    }

    /** A FAIL or ERROR result. */
    public record Finding(String severity, String status, String check, String title, String region,
                          String resource, String text) {
    }
}
