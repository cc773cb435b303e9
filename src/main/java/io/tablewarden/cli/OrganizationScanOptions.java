package io.tablewarden.cli;

import io.tablewarden.app.MemberRoleSettings;
import io.tablewarden.app.OrganizationScanService;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** The options of {@code scan} that turn it into an organisation scan. */
final class OrganizationScanOptions {

    @Option(names = "--accounts", split = ",", paramLabel = "all|ID|OU",
            description = "Scan the accounts of the profile's organisation: all, account ids, or OU ids (ou-...,"
                    + " with the OUs below them); the profile must be in the management account.")
    List<String> accounts;

    @Option(names = "--exclude-accounts", split = ",", paramLabel = "ID",
            description = "Accounts of the organisation never to scan.")
    List<String> excluded = new ArrayList<>();

    @Option(names = "--role-name", paramLabel = "NAME",
            description = "Role assumed in each member account (default: ${DEFAULT-VALUE}).")
    String roleName = MemberRoleSettings.DEFAULT_ROLE_NAME;

    @Option(names = "--external-id", paramLabel = "ID", description = "External id the member role requires.")
    String externalId;

    @Option(names = "--role-session-name", paramLabel = "NAME",
            description = "Role session name, as the members' CloudTrail shows it (default: tablewarden-audit).")
    String roleSessionName;

    @Option(names = "--own-account", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Scan the profile's own account too, with its own credentials (default: yes;"
                    + " --no-own-account leaves it out).")
    boolean ownAccount = true;

    @Option(names = "--org-concurrency", paramLabel = "N",
            description = "Most AWS calls in flight across all accounts; accounts are scanned side by side, as many"
                    + " at once as this divided by --concurrency (default: ${DEFAULT-VALUE}).")
    int overallConcurrency = OrganizationScanService.DEFAULT_OVERALL_CONCURRENCY;

    /** True when the command line asks for an organisation scan. */
    boolean requested() {
        return accounts != null && !accounts.isEmpty();
    }

    /** The option that only an organisation scan takes, if one was given without {@code --accounts}; else null. */
    String strayOption() {
        if (!excluded.isEmpty()) {
            return "--exclude-accounts";
        }
        if (!MemberRoleSettings.DEFAULT_ROLE_NAME.equals(roleName)) {
            return "--role-name";
        }
        if (externalId != null) {
            return "--external-id";
        }
        if (roleSessionName != null) {
            return "--role-session-name";
        }
        if (!ownAccount) {
            return "--no-own-account";
        }
        if (overallConcurrency != OrganizationScanService.DEFAULT_OVERALL_CONCURRENCY) {
            return "--org-concurrency";
        }
        return null;
    }
}
