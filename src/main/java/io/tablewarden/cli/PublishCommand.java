package io.tablewarden.cli;

import io.tablewarden.app.MemberRoleSettings;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.aws.credentials.CredentialsEnvironment;
import io.tablewarden.publish.PublishException;
import io.tablewarden.publish.SecurityHubPublisher;
import io.tablewarden.report.ScanReport;
import io.tablewarden.report.TerminalText;
import io.tablewarden.store.OrganizationScanAccount;
import io.tablewarden.store.OrganizationScanSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code tablewarden publish}: sends a stored scan's findings to AWS Security Hub. The only command that writes to
 * AWS; it never scans, and {@code scan} cannot publish.
 */
@Command(name = "publish", mixinStandardHelpOptions = true, versionProvider = TablewardenCommand.Version.class,
        sortOptions = false,
        description = {"Sends the findings of a stored scan to AWS Security Hub (BatchImportFindings, 100 per call),",
                "as the asff report writes them. The only command that writes to AWS: it needs",
                "securityhub:BatchImportFindings (docs/iam-policy-publish.json), which scanning never does.",
                "Security Hub takes the findings of the calling account only."},
        footer = {"", "Exit codes: 0 every finding imported, 4 some findings were refused or a call failed (each is"
                + " listed), 1 nothing could be sent (credentials, another account, the database), 2 bad usage."})
final class PublishCommand implements Callable<Integer> {

    /** Where findings can be published. */
    enum Destination { SECURITYHUB }

    /** Failures listed one per line before the rest are only counted. */
    static final int LISTED_FAILURES = 20;

    @Parameters(index = "0", paramLabel = "SCAN", description = "Id of the stored scan (see 'tablewarden history').")
    long scanId;

    @Option(names = "--to", paramLabel = "DESTINATION", required = true, converter = Destinations.class,
            description = "Where to send the findings: securityhub.")
    Destination destination;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Import every finding into this region (Security Hub's home region, say); default: each"
                    + " finding into its resource's region.")
    String region;

    @Mixin
    ProfileOptions access = new ProfileOptions();

    @Option(names = "--dry-run", description = "Say what would be sent, per region, and send nothing.")
    boolean dryRun;

    @Option(names = "--organization", description = "SCAN is an organisation scan: publish each account's findings"
            + " into that account, reaching each member with --role-name (a role that may import findings).")
    boolean organization;

    @Option(names = "--role-name", paramLabel = "NAME",
            description = "With --organization: the role assumed in each member to publish"
                    + " (default: ${DEFAULT-VALUE}).")
    String roleName = MemberRoleSettings.DEFAULT_ROLE_NAME;

    @Option(names = "--external-id", paramLabel = "ID", description = "With --organization: the role's external id.")
    String externalId;

    @Mixin
    StoreOptions storeOptions;

    private final CliContext ctx;
    private final CredentialsEnvironment environment;

    PublishCommand(CliContext ctx) {
        this(ctx, null);
    }

    /** @param environment where profiles are read from; null: the user's, as the AWS CLI finds them */
    PublishCommand(CliContext ctx, CredentialsEnvironment environment) {
        this.ctx = ctx;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        access.validate();
        if (region != null && !region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
            throw new CliException(ExitCodes.USAGE, "--region: '" + TerminalText.clean(region)
                    + "' is not a region name such as eu-west-1");
        }
        if (organization) {
            return publishOrganization(scanId);
        }
        if (externalId != null || !MemberRoleSettings.DEFAULT_ROLE_NAME.equals(roleName)) {
            throw new CliException(ExitCodes.USAGE, "--role-name and --external-id go with --organization");
        }
        ScanReport report = storeOptions.read(ctx, scans -> scans.report(scanId));
        if (report.results().isEmpty()) {
            throw new CliException(ExitCodes.NOT_RUN, "scan " + scanId + " holds no result; nothing to publish");
        }
        if (!"COMPLETED".equals(report.scan().state())) {
            ctx.err().println(Cli.PREFIX + "scan " + scanId + " is incomplete (it ended "
                    + report.scan().state().toLowerCase(java.util.Locale.ROOT)
                    + "); only the results it holds are published");
        }
        if (dryRun) {
            return dryRun(report);
        }
        ConnectionSettings settings = new ConnectionSettings(access.profile, access.endpointUrl(), region, null,
                access.mfaCodes());
        SecurityHubPublisher.Outcome outcome;
        try (SecurityHubPublisher publisher = new SecurityHubPublisher(settings, environment)) {
            outcome = publisher.publish(report, region, (where, sent, total) -> {
                if (ctx.terminal()) {
                    ctx.err().print("\rPublishing: " + sent + " of " + total + " findings sent");
                    ctx.err().flush();
                }
            });
        } catch (PublishException e) {
            throw new CliException(ExitCodes.NOT_RUN, "nothing was published: " + TerminalText.clean(e.getMessage()), e);
        } catch (RuntimeException e) {
            // a profile that cannot work, a broken AWS config file
            throw new CliException(ExitCodes.NOT_RUN, "nothing was published: "
                    + TerminalText.clean(String.valueOf(e.getMessage())), e);
        }
        if (ctx.terminal()) {
            ctx.err().println();
        }
        ctx.out().println("Published " + outcome.imported() + " of " + outcome.findings() + " findings of scan "
                + scanId + " to Security Hub (" + regions(outcome.perRegion()) + ")");
        int listed = 0;
        int refused = 0;
        for (SecurityHubPublisher.Failure failure : outcome.failures()) {
            refused += failure.findings();
            if (listed++ < LISTED_FAILURES) {
                ctx.out().println("  not imported, " + failure.region() + ", "
                        + (failure.findingId() == null ? failure.findings() + " findings (the call failed)"
                        : TerminalText.clean(failure.findingId())) + ": " + TerminalText.clean(failure.code()) + " "
                        + TerminalText.clean(failure.message()));
            }
        }
        if (listed > LISTED_FAILURES) {
            ctx.out().println("  … and " + (listed - LISTED_FAILURES) + " more failures");
        }
        ctx.out().flush();
        if (!outcome.complete()) {
            ctx.err().println(Cli.PREFIX + refused + " of " + outcome.findings() + " findings were not imported");
            return ExitCodes.INCOMPLETE;
        }
        return ExitCodes.OK;
    }

    private int dryRun(ScanReport report) {
        Map<String, Integer> perRegion = new TreeMap<>();
        report.results().forEach(r -> perRegion.merge(region != null ? region : r.resource().region(), 1,
                Integer::sum));
        int calls = perRegion.values().stream().mapToInt(n -> (n + 99) / 100).sum();
        ctx.out().println("Would publish " + report.results().size() + " findings of scan " + scanId
                + " of account " + report.scan().accountId() + " to Security Hub in " + calls
                + " calls (" + regions(perRegion) + "); nothing was sent");
        ctx.out().flush();
        return ExitCodes.OK;
    }

    private static String regions(Map<String, Integer> perRegion) {
        return perRegion.entrySet().stream().map(e -> TerminalText.clean(e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** One account's stored scan, read before anything is sent. */
    private record AccountReport(OrganizationScanAccount account, ScanReport report) {
    }

    /**
     * {@code --organization}: Security Hub takes findings of the calling account only, so each account's stored
     * scan is published with that account's credentials: the profile's own for its own account, a member role
     * (one that may call securityhub:BatchImportFindings, not the read-only audit role) for every other. An
     * account that cannot be published is named and the others go on.
     */
    private int publishOrganization(long organizationScanId) {
        MemberRoleSettings role;
        try {
            role = new MemberRoleSettings(roleName, externalId, null);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
        List<AccountReport> reports = new ArrayList<>();
        OrganizationScanSummary org = storeOptions.read(ctx, scans -> {
            OrganizationScanSummary summary = scans.organizations().summary(organizationScanId);
            for (OrganizationScanAccount a : summary.accounts(OrganizationScanAccount.Outcome.SCANNED)) {
                if (a.scanId() != null) {
                    reports.add(new AccountReport(a, scans.report(a.scanId())));
                }
            }
            return summary;
        });
        if (reports.isEmpty()) {
            throw new CliException(ExitCodes.NOT_RUN, "organisation scan " + organizationScanId
                    + " holds no account's results; nothing to publish");
        }
        if (dryRun) {
            for (AccountReport r : reports) {
                ctx.out().println("Would publish " + r.report().results().size() + " findings of scan "
                        + r.account().scanId() + " into account " + r.account().accountId()
                        + (r.account().accountId().equals(org.callerAccountId()) ? " with the profile's credentials"
                        : " as " + role.roleArn(r.report().scan().partition(), r.account().accountId())));
            }
            ctx.out().println("nothing was sent");
            ctx.out().flush();
            return ExitCodes.OK;
        }
        ConnectionSettings base = new ConnectionSettings(access.profile, access.endpointUrl(), region, null,
                access.mfaCodes());
        boolean whole = true;
        int published = 0;
        int total = 0;
        for (AccountReport r : reports) {
            String account = r.account().accountId();
            ConnectionSettings settings = account.equals(org.callerAccountId()) ? base
                    : base.withMemberRole(role.memberRole(r.report().scan().partition(), account));
            total += r.report().results().size();
            try (SecurityHubPublisher publisher = new SecurityHubPublisher(settings, environment)) {
                SecurityHubPublisher.Outcome outcome = publisher.publish(r.report(), region, (w, sent, all) -> { });
                published += outcome.imported();
                ctx.out().println("Account " + account + ": published " + outcome.imported() + " of "
                        + outcome.findings() + " findings of scan " + r.account().scanId());
                if (!outcome.complete()) {
                    whole = false;
                    for (SecurityHubPublisher.Failure f : outcome.failures()) {
                        ctx.out().println("  not imported, " + f.region() + ", " + (f.findingId() == null
                                ? f.findings() + " findings (the call failed)" : TerminalText.clean(f.findingId()))
                                + ": " + TerminalText.clean(f.code()) + " " + TerminalText.clean(f.message()));
                    }
                }
            } catch (RuntimeException e) {
                // a PublishException (another account, credentials that do not work) or a role that cannot be assumed
                whole = false;
                ctx.out().println("Account " + account + ": nothing was published: "
                        + TerminalText.clean(String.valueOf(e.getMessage())));
            }
        }
        ctx.out().flush();
        if (!whole) {
            ctx.err().println(Cli.PREFIX + (total - published) + " of " + total + " findings of organisation scan "
                    + organizationScanId + " were not imported");
            return ExitCodes.INCOMPLETE;
        }
        return ExitCodes.OK;
    }

    /** For {@code --to}. */
    static final class Destinations extends LowerCaseEnumConverter<Destination> {
        Destinations() {
            super(Destination.class);
        }
    }
}
