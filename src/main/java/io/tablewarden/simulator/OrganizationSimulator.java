package io.tablewarden.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;

/**
 * A local AWS organisation on one endpoint: every active account of an organisation fixture is served by its
 * own {@link RequestRouter} (its own fixture, faults and counters), and a front picks the router by the
 * request's access key. Credentials the simulator did not issue are the management account's; credentials that
 * STS AssumeRole issued for a member role are that member's, so every later call signed with them is answered
 * from the member's fixture. The front itself answers AssumeRole into another account of the organisation,
 * checking that the role exists there, that its trust rule names the caller, and its external id.
 */
public final class OrganizationSimulator implements AutoCloseable {

    /** Classpath location of the built-in demo organisation. */
    public static final String DEMO_RESOURCE = "/io/tablewarden/simulator/demo-organization.json";

    private static final String STS_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

    private final OrganizationFixture organization;
    private final IssuedSessions sessions = new IssuedSessions();
    private final Map<String, RequestRouter> routers = new LinkedHashMap<>();
    private final Map<String, RequestCounters> counters = new LinkedHashMap<>();
    private final RequestCounters frontCounters = new RequestCounters();
    private final StsService sts = new StsService(sessions);
    private final HttpServer server;
    private final ExecutorService executor;
    /** Holds the members' answers through their latency, so no worker thread waits (as in one account's simulator). */
    private final ScheduledExecutorService replies;
    private final AtomicLong requestSequence = new AtomicLong();

    private OrganizationSimulator(OrganizationFixture organization, SimulatorOptions options) throws IOException {
        this.organization = organization;
        AtomicInteger replyThreads = new AtomicInteger();
        this.replies = Executors.newScheduledThreadPool(2, task -> {
            Thread t = new Thread(task, "organization-simulator-reply-" + replyThreads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (OrganizationFixture.Account account : organization.accounts.values()) {
            if (account.fixture() == null) {
                continue;
            }
            Fixture fixture = account.fixture();
            RequestCounters accountCounters = new RequestCounters();
            FaultInjector faults = new FaultInjector(fixture.faults);
            List<JsonService> json = List.of(new DynamoDbService(), new AutoScalingService(), new DaxService(),
                    new KmsService(), new TaggingService(), new OrganizationsService(organization,
                            account.id().equals(organization.managementAccountId)));
            routers.put(account.id(), new RequestRouter(fixture, faults, accountCounters, options, json,
                    new BackupRestService(), replies, sessions));
            counters.put(account.id(), accountCounters);
        }
        this.server = LoopbackServers.create(options.port(), 512);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "organization-simulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Loads and validates an organisation fixture file (account fixtures named by file are read next to it) and
     * starts serving it with {@code options} (their port and page sizes; each account's faults come from its own
     * fixture).
     *
     * @throws FixtureException when the fixture is invalid (its message names the JSON path)
     */
    public static OrganizationSimulator start(Path fixture, SimulatorOptions options) throws IOException {
        return new OrganizationSimulator(OrganizationFixture.load(fixture, new OrganizationFixture.Options(
                options.shiftRecoveryPointsToNow(), Instant.now(), options.allowInvalidNamesForTests())), options);
    }

    /** Validates an organisation fixture given as JSON text (every account fixture inline) and starts serving it. */
    public static OrganizationSimulator startFromJson(String json, SimulatorOptions options) throws IOException {
        return startFromJson(json, null, options);
    }

    private static OrganizationSimulator startFromJson(String json, OrganizationFixture.FileSource files,
                                                       SimulatorOptions options) throws IOException {
        return new OrganizationSimulator(OrganizationFixture.parse(json, files, new OrganizationFixture.Options(
                options.shiftRecoveryPointsToNow(), Instant.now(), options.allowInvalidNamesForTests())), options);
    }

    /** Starts the built-in demo organisation; its recovery points are moved to look recent. */
    public static OrganizationSimulator startDemo(SimulatorOptions options) throws IOException {
        try (InputStream in = OrganizationSimulator.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IOException("the demo organisation fixture is missing from the classpath: " + DEMO_RESOURCE);
            }
            // the management account is the demo account itself, named by its file next to this one
            return startFromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    OrganizationSimulator::classpathFixture, options);
        }
    }

    private static String classpathFixture(String name) throws IOException {
        String path = DEMO_RESOURCE.substring(0, DEMO_RESOURCE.lastIndexOf('/') + 1) + name;
        try (InputStream in = OrganizationSimulator.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("the demo organisation names a fixture missing from the classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * True when {@code json} is an organisation fixture rather than an account fixture (it has an
     * {@code organization} block); says nothing about whether it is valid.
     */
    public static boolean looksLikeOrganization(String json) {
        try {
            return JsonService.MAPPER.readTree(json).has("organization");
        } catch (IOException e) {
            return false;
        }
    }

    /** Base URL, e.g. {@code http://127.0.0.1:45123}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The management account's id: credentials the simulator did not issue act in that account. */
    public String managementAccountId() {
        return organization.managementAccountId;
    }

    /**
     * The region for the calls that are not regional: us-east-1 when the management account has it enabled (as
     * every AWS account has), else its first enabled region.
     */
    public String homeRegion() {
        Fixture management = organization.management().fixture();
        return management.isEnabled("us-east-1") ? "us-east-1" : management.sortedEnabledRegions().get(0);
    }

    /** The ids of every account, in fixture order. */
    public List<String> accountIds() {
        return List.copyOf(organization.accounts.keySet());
    }

    /** Requests one account's endpoint answered, per operation key such as {@code dynamodb:DescribeTable}. */
    public Map<String, Long> requestCounts(String accountId) {
        RequestCounters c = counters.get(accountId);
        return c == null ? Map.of() : c.snapshot();
    }

    /**
     * The findings {@code tablewarden publish} imported into Security Hub of {@code accountId} in {@code region}
     * (copies; in no particular order).
     */
    public List<com.fasterxml.jackson.databind.node.ObjectNode> securityHubFindings(String accountId, String region) {
        RequestRouter router = routers.get(accountId);
        return router == null ? List.of() : router.securityHubFindings(region);
    }

    /** AssumeRole calls into another account that the front answered (granted or refused). */
    public long assumeRoleCount() {
        return frontCounters.count("sts:AssumeRole");
    }

    /** Stops accepting requests at once and ends the worker threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        replies.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = requestId();
        SimResponse response;
        try {
            SimRequest request = RequestRouter.read(exchange, requestId);
            RequestRouter member = memberRouter(request);
            if (member != null) {
                // the member's router answers and closes the exchange, after the call's latency
                member.answer(exchange, request);
                return;
            }
            response = dispatch(request);
        } catch (RuntimeException e) {
            response = new SimResponse(500, "text/plain", "simulator failure: " + e);
        }
        try (exchange) {
            RequestRouter.send(exchange, response, requestId);
        }
    }

    /** The router of the caller's account when the front does not answer the request itself, else null. */
    private RequestRouter memberRouter(SimRequest request) {
        if (frontAnswers(request)) {
            return null;
        }
        return routers.get(callerAccount(request));
    }

    private String callerAccount(SimRequest request) {
        IssuedSessions.Session session = sessions.session(request.accessKeyId);
        return session != null ? session.account() : organization.managementAccountId;
    }

    /** AssumeRole into another account of the organisation is answered by the front. */
    private boolean frontAnswers(SimRequest request) {
        if ("sts".equals(request.signingService) && "AssumeRole".equals(QueryXmlService.action(request))) {
            Matcher m = IdentityFixture.ROLE_ARN.matcher(
                    QueryXmlService.parameters(request).getOrDefault("RoleArn", ""));
            return m.matches() && !m.group(1).equals(callerAccount(request)) && organization.account(m.group(1)) != null;
        }
        return false;
    }

    private SimResponse dispatch(SimRequest request) {
        IssuedSessions.Session session = sessions.session(request.accessKeyId);
        String callerAccount = session != null ? session.account() : organization.managementAccountId;
        String callerArn = session != null ? session.arn()
                : organization.management().fixture().callerArn;
        if ("sts".equals(request.signingService) && "AssumeRole".equals(QueryXmlService.action(request))) {
            String roleArn = QueryXmlService.parameters(request).getOrDefault("RoleArn", "");
            Matcher m = IdentityFixture.ROLE_ARN.matcher(roleArn);
            if (m.matches() && !m.group(1).equals(callerAccount) && organization.account(m.group(1)) != null) {
                frontCounters.record("sts:AssumeRole");
                try {
                    return assumeRole(request, m.group(1), m.group(2), roleArn, callerArn, callerAccount);
                } catch (ApiError e) {
                    return sts.errorResponse(e, request.requestId);
                }
            }
        }
        // credentials of an account that is not served (suspended since they were issued)
        return sts.errorResponse(sts.commonError(CommonError.UNRECOGNIZED_CLIENT,
                "The security token included in the request is invalid."), request.requestId);
    }

    /**
     * AssumeRole into another account of the organisation. AWS answers a role that does not exist and a trust
     * policy that does not let the caller in with the same AccessDenied, so the caller cannot probe for roles.
     */
    private SimResponse assumeRole(SimRequest request, String account, String roleName, String roleArn,
                                   String callerArn, String callerAccount) {
        Map<String, String> in = QueryXmlService.parameters(request);
        String sessionName = in.getOrDefault("RoleSessionName", "");
        if (!sessionName.matches("[\\w+=,.@-]{2,64}")) {
            throw new ApiError("ValidationError", 400, "1 validation error detected: Value '" + sessionName
                    + "' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression"
                    + " pattern: [\\w+=,.@-]*");
        }
        int duration;
        try {
            duration = Integer.parseInt(in.getOrDefault("DurationSeconds", "3600"));
        } catch (NumberFormatException e) {
            duration = -1;
        }
        if (duration < 900 || duration > 43200) {
            throw new ApiError("ValidationError", 400, "1 validation error detected: Value '"
                    + in.get("DurationSeconds") + "' at 'durationSeconds' failed to satisfy constraint: Member must"
                    + " have value between 900 and 43200");
        }
        ApiError denied = sts.commonError(CommonError.ACCESS_DENIED, "User: " + callerArn
                + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
        OrganizationFixture.Account target = organization.account(account);
        if (!target.active() || !routers.containsKey(account)) {
            throw denied;
        }
        OrganizationFixture.Role role = target.role(roleName).orElseThrow(() -> denied);
        if (!role.trusts(callerArn, callerAccount)) {
            throw denied;
        }
        if (role.externalId() != null && !role.externalId().equals(in.get("ExternalId"))) {
            throw denied;
        }
        String assumedArn = "arn:" + target.fixture().partition + ":sts::" + account + ":assumed-role/" + roleName
                + "/" + sessionName;
        Instant expiration = Instant.now().plusSeconds(duration).truncatedTo(ChronoUnit.SECONDS);
        String xml = StsAssumeRole.issue(sessions, assumedArn, account, expiration, STS_NAMESPACE);
        return new SimResponse(200, "text/xml", xml.replace("{requestId}", request.requestId));
    }

    private String requestId() {
        String hex = Long.toHexString(requestSequence.incrementAndGet());
        return "5e1a0000-0000-4000-9000-" + "0".repeat(Math.max(0, 12 - hex.length())) + hex;
    }

    /** For tests in this package: the organisation served. */
    OrganizationFixture organization() {
        return organization;
    }
}
