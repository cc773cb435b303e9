package io.tablewarden.simulator;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local AWS account: serves an account fixture over the real AWS wire protocols on loopback.
 * Any AWS client pointed at {@link #endpoint()} (with any credentials) sees the fixture's account.
 */
public final class AccountSimulator implements AutoCloseable {

    /** Classpath location of the built-in demo account. */
    public static final String DEMO_RESOURCE = "/io/tablewarden/simulator/demo-account.json";

    private final HttpServer server;
    private final ExecutorService executor;
    /** Holds each answer back for its injected latency without holding a worker thread meanwhile. */
    private final ScheduledExecutorService replies;
    /** Every thread serving this simulator (workers, replies, the HTTP dispatcher), so its CPU can be measured. */
    private final ThreadGroup threads;
    private final RequestCounters counters;
    private final FaultInjector faults;
    private final Fixture fixture;
    private final RequestRouter router;

    private AccountSimulator(Fixture fixture, SimulatorOptions options) throws IOException {
        this.fixture = fixture;
        this.counters = new RequestCounters();
        this.faults = new FaultInjector(options.faults() != null ? options.faults() : fixture.faults);
        boolean writes = options.writesForTests();
        List<JsonService> json = List.of(new DynamoDbService(writes), new AutoScalingService(writes), new DaxService(writes),
                new KmsService(writes), new TaggingService());
        this.threads = new ThreadGroup("account-simulator");
        this.replies = Executors.newScheduledThreadPool(2, daemonThreads(threads, "account-simulator-reply-"));
        this.router = new RequestRouter(fixture, faults, counters, options, json, new BackupRestService(writes),
                replies);
        this.server = LoopbackServers.create(options.port(), 1024);
        this.executor = Executors.newFixedThreadPool(options.threads(), daemonThreads(threads, "account-simulator-"));
        server.setExecutor(executor);
        server.createContext("/", router);
        // The server's dispatcher thread joins the group of the thread that starts it.
        Thread starter = new Thread(threads, server::start, "account-simulator-start");
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IOException("interrupted while starting the simulator", e);
        }
    }

    /**
     * Loads and validates {@code fixture}, then starts serving on 127.0.0.1:{@code port} (0 = any free port).
     *
     * @throws FixtureException when the fixture is invalid (its message names the JSON path)
     */
    public static AccountSimulator start(Path fixture, int port) throws IOException {
        return start(fixture, SimulatorOptions.builder().port(port).build());
    }

    /**
     * Loads and validates {@code fixture}, then starts serving with {@code options}.
     *
     * @throws FixtureException when the fixture is invalid (its message names the JSON path)
     */
    public static AccountSimulator start(Path fixture, SimulatorOptions options) throws IOException {
        return new AccountSimulator(FixtureLoader.load(fixture, options.shiftRecoveryPointsToNow(), Instant.now(),
                options.allowInvalidNamesForTests()), options);
    }

    /**
     * Validates the fixture given as JSON text, then starts serving with {@code options}.
     *
     * @throws FixtureException when the fixture is invalid (its message names the JSON path)
     */
    public static AccountSimulator startFromJson(String fixtureJson, SimulatorOptions options) throws IOException {
        return new AccountSimulator(FixtureLoader.parse(fixtureJson, options.shiftRecoveryPointsToNow(), Instant.now(),
                options.allowInvalidNamesForTests()), options);
    }

    /**
     * Checks a fixture without serving it.
     *
     * @throws FixtureException when the fixture is invalid (its message names the JSON path)
     */
    public static void validate(String fixtureJson) throws FixtureException {
        FixtureLoader.parse(fixtureJson, false, Instant.now());
    }

    /**
     * Checks a fixture file without serving it.
     *
     * @throws FixtureException when the fixture is invalid (its message names the JSON path)
     */
    public static void validate(Path fixture) throws IOException {
        FixtureLoader.load(fixture, false, Instant.now());
    }

    /** Starts the built-in demo account on a free port; its recovery points are moved to look recent. */
    public static AccountSimulator startDemo() throws IOException {
        return startDemo(SimulatorOptions.builder().shiftRecoveryPointsToNow(true).build());
    }

    /** Starts the built-in demo account with {@code options}; set {@code shiftRecoveryPointsToNow} there as wanted. */
    public static AccountSimulator startDemo(SimulatorOptions options) throws IOException {
        try (InputStream in = AccountSimulator.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IOException("the demo account fixture is missing from the classpath: " + DEMO_RESOURCE);
            }
            return startFromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), options);
        }
    }

    /** Base URL, e.g. {@code http://127.0.0.1:45123}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** The TCP port served on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The fixture's 12-digit account id. */
    public String accountId() {
        return fixture.account;
    }

    /** Requests received since start or the last {@link #resetCounters()}, faulted ones included. */
    public long requestCount() {
        return counters.total();
    }

    /** Requests of one operation, keyed by IAM action name such as {@code dynamodb:DescribeTable}. */
    public long requestCount(String operationKey) {
        return counters.count(operationKey);
    }

    /** All non-zero per-operation counts, sorted by key. */
    public Map<String, Long> requestCounts() {
        return counters.snapshot();
    }

    /** Zeroes the counters and forgets fault attempt history, so a seeded run can be repeated. */
    public void resetCounters() {
        counters.reset();
        faults.reset();
    }

    /**
     * The findings {@code tablewarden publish} imported into Security Hub in {@code region}, as JSON objects in
     * AWS Security Finding Format (copies; in no particular order).
     */
    public List<com.fasterxml.jackson.databind.node.ObjectNode> securityHubFindings(String region) {
        return router.securityHubFindings(region);
    }

    /** The faults in effect (from the options, else from the fixture). */
    public FaultSettings faults() {
        return faults.settings();
    }

    /** The live fault injector, so tests in this package can hold in-flight slots deterministically. */
    FaultInjector faultInjector() {
        return faults;
    }

    /**
     * CPU time, in nanoseconds, used so far by the threads serving this simulator (its HTTP dispatcher, workers
     * and reply scheduler), so that a benchmark running it in the scanning process can tell its own CPU from the
     * client's. Threads that have ended no longer count; the simulator's threads live as long as it does.
     */
    public long serverCpuNanos() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Thread[] all = new Thread[threads.activeCount() + 16];
        int n = threads.enumerate(all, true);
        long total = 0;
        for (int i = 0; i < n; i++) {
            long cpu = mx.getThreadCpuTime(all[i].getId());
            if (cpu > 0) {
                total += cpu;
            }
        }
        return total;
    }

    /** Stops accepting requests at once and ends the worker threads. */
    @Override
    public void close() {
        server.stop(0);
        replies.shutdownNow();
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads(ThreadGroup group, String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(group, r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
