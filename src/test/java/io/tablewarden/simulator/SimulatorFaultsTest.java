package io.tablewarden.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.dax.DaxClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Injected faults: throttling, server errors, access-denied rules, latency and the in-flight quota. */
class SimulatorFaultsTest {

    private static final List<String> TABLES = List.of("alpha", "beta", "gamma", "delta", "epsilon", "orders");

    @Test
    void throttlingIsClassifiedAsThrottlingInEveryProtocol() throws Exception {
        FaultSettings always = FaultSettings.NONE.withThrottling(1.0, 7);
        try (AccountSimulator sim = SimulatorTestSupport.start(SimulatorOptions.builder().faults(always).build());
             DynamoDbClient ddb = SimulatorTestSupport.noRetryClient(DynamoDbClient.builder(), sim, "us-east-1", "AKID");
             ApplicationAutoScalingClient aas = SimulatorTestSupport.noRetryClient(ApplicationAutoScalingClient.builder(), sim, "us-east-1", "AKID");
             DaxClient dax = SimulatorTestSupport.noRetryClient(DaxClient.builder(), sim, "us-east-1", "AKID");
             KmsClient kms = SimulatorTestSupport.noRetryClient(KmsClient.builder(), sim, "us-east-1", "AKID");
             BackupClient backup = SimulatorTestSupport.noRetryClient(BackupClient.builder(), sim, "us-east-1", "AKID");
             StsClient sts = SimulatorTestSupport.noRetryClient(StsClient.builder(), sim, "us-east-1", "AKID");
             Ec2Client ec2 = SimulatorTestSupport.noRetryClient(Ec2Client.builder(), sim, "us-east-1", "AKID")) {
            assertThrottled("ThrottlingException", 400, ddb::listTables);
            assertThrottled("ThrottlingException", 400,
                    () -> aas.describeScalableTargets(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB)));
            assertThrottled("ThrottlingException", 400, () -> dax.describeClusters(b -> { }));
            assertThrottled("ThrottlingException", 400, kms::listAliases);
            assertThrottled("ThrottlingException", 429, () -> backup.listBackupPlans(b -> { }));
            assertThrottled("Throttling", 400, sts::getCallerIdentity);
            assertThrottled("RequestLimitExceeded", 503, ec2::describeRegions);
        }
    }

    @Test
    void serverErrorsAre5xx() throws Exception {
        FaultSettings always = FaultSettings.NONE.withServerErrors(1.0);
        try (AccountSimulator sim = SimulatorTestSupport.start(SimulatorOptions.builder().faults(always).build());
             DynamoDbClient ddb = SimulatorTestSupport.noRetryClient(DynamoDbClient.builder(), sim, "us-east-1", "AKID");
             BackupClient backup = SimulatorTestSupport.noRetryClient(BackupClient.builder(), sim, "us-east-1", "AKID");
             StsClient sts = SimulatorTestSupport.noRetryClient(StsClient.builder(), sim, "us-east-1", "AKID")) {
            SimulatorErrorsTest.assertError("InternalServerError", 500, ddb::listTables);
            SimulatorErrorsTest.assertError("ServiceUnavailableException", 503, () -> backup.listBackupPlans(b -> { }));
            SimulatorErrorsTest.assertError("ServiceUnavailable", 503, sts::getCallerIdentity);
        }
    }

    @Test
    void theSameSeedThrottlesTheSameCalls() throws Exception {
        List<Boolean> first = throttlePattern(42);
        List<Boolean> again = throttlePattern(42);
        assertEquals(first, again);
        assertTrue(first.contains(true) && first.contains(false), first.toString());
        assertNotEquals(first, throttlePattern(43));
    }

    /** Which of a fixed sequence of calls were throttled, with retries off. */
    private static List<Boolean> throttlePattern(long seed) throws Exception {
        List<Boolean> throttled = new ArrayList<>();
        FaultSettings faults = FaultSettings.NONE.withThrottling(0.5, seed);
        try (AccountSimulator sim = SimulatorTestSupport.start(SimulatorOptions.builder().faults(faults).build());
             DynamoDbClient ddb = SimulatorTestSupport.noRetryClient(DynamoDbClient.builder(), sim, "us-east-1", "AKID")) {
            for (int round = 0; round < 4; round++) {
                for (String table : TABLES) {
                    try {
                        ddb.describeTable(b -> b.tableName(table));
                        throttled.add(false);
                    } catch (AwsServiceException e) {
                        assertTrue(e.isThrottlingException());
                        throttled.add(true);
                    }
                }
            }
        }
        return throttled;
    }

    @Test
    void sdkRetriesGetThroughThrottlingAndServerErrors() throws Exception {
        FaultSettings faults = FaultSettings.NONE.withThrottling(0.4, 11).withServerErrors(0.2);
        ClientOverrideConfiguration patient = ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(20)
                        .backoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(1)))
                        .throttlingBackoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(1)))
                        .circuitBreakerEnabled(false)
                        .build())
                .build();
        try (AccountSimulator sim = SimulatorTestSupport.start(SimulatorOptions.builder().faults(faults).build());
             DynamoDbClient ddb = SimulatorTestSupport.configured(DynamoDbClient.builder(), sim, "us-east-1", "AKID", patient);
             BackupClient backup = SimulatorTestSupport.configured(BackupClient.builder(), sim, "us-east-1", "AKID", patient)) {
            for (String table : TABLES) {
                assertEquals(table, ddb.describeTable(b -> b.tableName(table)).table().tableName());
            }
            assertEquals(4, backup.listBackupPlansPaginator(b -> { }).backupPlansList().stream().count());
            // more requests arrived than calls were made: the SDK retried the faulted ones
            assertTrue(sim.requestCount("dynamodb:DescribeTable") > TABLES.size(), sim.requestCounts().toString());
        }
    }

    @Test
    void accessDeniedRulesMatchActionAndResourceGlob() throws Exception {
        FaultSettings faults = FaultSettings.NONE.withAccessDenied(List.of(
                new FaultSettings.AccessRule("dynamodb:GetResourcePolicy", "arn:aws:dynamodb:us-east-1:123456789012:table/secret-*"),
                new FaultSettings.AccessRule("kms:DescribeKey", null),
                new FaultSettings.AccessRule("backup:GetBackupSelection", "*"),
                new FaultSettings.AccessRule("dax:DescribeClusters", null),
                new FaultSettings.AccessRule("application-autoscaling:DescribeScalingPolicies", null),
                new FaultSettings.AccessRule("sts:GetCallerIdentity", null),
                new FaultSettings.AccessRule("ec2:DescribeRegions", null)));
        try (AccountSimulator sim = SimulatorTestSupport.start(SimulatorOptions.builder().faults(faults).build());
             DynamoDbClient ddb = SimulatorTestSupport.noRetryClient(DynamoDbClient.builder(), sim, "us-east-1", "AKID");
             KmsClient kms = SimulatorTestSupport.noRetryClient(KmsClient.builder(), sim, "us-east-1", "AKID");
             BackupClient backup = SimulatorTestSupport.noRetryClient(BackupClient.builder(), sim, "us-east-1", "AKID");
             DaxClient dax = SimulatorTestSupport.noRetryClient(DaxClient.builder(), sim, "us-east-1", "AKID");
             ApplicationAutoScalingClient aas = SimulatorTestSupport.noRetryClient(ApplicationAutoScalingClient.builder(), sim, "us-east-1", "AKID");
             StsClient sts = SimulatorTestSupport.noRetryClient(StsClient.builder(), sim, "us-east-1", "AKID");
             Ec2Client ec2 = SimulatorTestSupport.noRetryClient(Ec2Client.builder(), sim, "us-east-1", "AKID")) {
            SimulatorErrorsTest.assertError("AccessDeniedException", 400, () -> ddb.getResourcePolicy(
                    b -> b.resourceArn("arn:aws:dynamodb:us-east-1:123456789012:table/secret-ledger")));
            // outside the glob the policy is readable
            assertFalse(ddb.getResourcePolicy(b -> b.resourceArn("arn:aws:dynamodb:us-east-1:123456789012:table/orders"))
                    .policy().isEmpty());
            SimulatorErrorsTest.assertError("AccessDeniedException", 400, () -> kms.describeKey(b -> b.keyId("alias/orders")));
            assertTrue(kms.getKeyRotationStatus(b -> b.keyId("key-cmk-1")).keyRotationEnabled());
            SimulatorErrorsTest.assertError("AccessDeniedException", 403,
                    () -> backup.getBackupSelection(b -> b.backupPlanId("plan-0").selectionId("sel-0-0")));
            SimulatorErrorsTest.assertError("AccessDeniedException", 400, () -> dax.describeClusters(b -> { }));
            SimulatorErrorsTest.assertError("AccessDeniedException", 400,
                    () -> aas.describeScalingPolicies(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB)));
            SimulatorErrorsTest.assertError("AccessDenied", 403, sts::getCallerIdentity);
            SimulatorErrorsTest.assertError("UnauthorizedOperation", 403, ec2::describeRegions);
        }
    }

    @Test
    void anAccessRuleWithARegionDeniesOnlyThatRegionsCalls() throws Exception {
        String json = SimulatorTestSupport.resource("test-account.json").replaceFirst("\\{",
                "{\"faults\": {\"accessDenied\": [{\"action\": \"dynamodb:ListTables\", \"region\": \"eu-west-1\"}]},");
        try (AccountSimulator sim = AccountSimulator.startFromJson(json, SimulatorOptions.defaults());
             DynamoDbClient east = SimulatorTestSupport.noRetryClient(DynamoDbClient.builder(), sim, "us-east-1", "AKID");
             DynamoDbClient west = SimulatorTestSupport.noRetryClient(DynamoDbClient.builder(), sim, "eu-west-1", "AKID")) {
            assertEquals("eu-west-1", sim.faults().accessDenied().get(0).region());
            assertFalse(east.listTables().tableNames().isEmpty());
            SimulatorErrorsTest.assertError("AccessDeniedException", 400, west::listTables);
        }
    }

    @Test
    void faultsFromTheFixtureApplyWhenTheOptionsHaveNone() throws Exception {
        String json = SimulatorTestSupport.resource("test-account.json").replaceFirst("\\{",
                "{\"faults\": {\"accessDenied\": [{\"action\": \"dynamodb:ListTables\"}], \"latencyMs\": 30},");
        try (AccountSimulator sim = AccountSimulator.startFromJson(json, SimulatorOptions.defaults());
             DynamoDbClient ddb = SimulatorTestSupport.noRetryClient(DynamoDbClient.builder(), sim, "us-east-1", "AKID")) {
            assertEquals(30, sim.faults().latencyMs());
            long start = System.nanoTime();
            SimulatorErrorsTest.assertError("AccessDeniedException", 400, ddb::listTables);
            // a lower bound only: the added latency can make a call slower, never faster
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(30).toNanos());
        }
    }

    @Test
    void callsBeyondTheInFlightQuotaAreRefused() {
        FaultInjector injector = new FaultInjector(FaultSettings.NONE.withMaxInFlight(2));
        assertTrue(injector.enter());
        assertTrue(injector.enter());
        assertFalse(injector.enter());
        injector.leave();
        injector.leave();
        injector.leave();
        assertTrue(injector.enter());
    }

    @Test
    void aFullInFlightQuotaThrottlesAtOnce() throws Exception {
        FaultSettings quota = FaultSettings.NONE.withMaxInFlight(1);
        try (AccountSimulator sim = SimulatorTestSupport.start(SimulatorOptions.builder().pageSize(2).faults(quota).build());
             DynamoDbClient ddb = SimulatorTestSupport.noRetryClient(DynamoDbClient.builder(), sim, "us-east-1", "AKID");
             BackupClient backup = SimulatorTestSupport.noRetryClient(BackupClient.builder(), sim, "us-east-1", "AKID")) {
            // stand in for a slow call that holds the only slot
            assertTrue(sim.faultInjector().enter());
            assertThrottled("ThrottlingException", 400, ddb::listTables);
            assertThrottled("ThrottlingException", 429, () -> backup.listBackupVaults(b -> { }));
            sim.faultInjector().leave();
            assertEquals(List.of("alpha", "beta"), ddb.listTables().tableNames());
        }
    }

    @Test
    void aRetriedCallMovesOnToItsNextAttempt() {
        FaultInjector injector = new FaultInjector(FaultSettings.NONE.withThrottling(0.9, 5));
        int attempts = 1;
        while (injector.decide("dynamodb:DescribeTable", "same request").outcome() != FaultInjector.Outcome.PASS) {
            attempts++;
            assertTrue(attempts < 500, "a retried call must eventually pass");
        }
        injector.reset();
        int again = 1;
        while (injector.decide("dynamodb:DescribeTable", "same request").outcome() != FaultInjector.Outcome.PASS) {
            again++;
        }
        assertEquals(attempts, again);
    }

    @Test
    void faultCountsDoNotDependOnThreadInterleaving() throws Exception {
        FaultSettings settings = FaultSettings.NONE.withThrottling(0.3, 99).withServerErrors(0.2);
        List<String> keys = List.of("a", "b", "c", "d", "e");
        Map<String, Integer> sequential = faultCounts(new FaultInjector(settings), keys, 1);
        Map<String, Integer> parallel = faultCounts(new FaultInjector(settings), keys, 8);
        assertEquals(sequential, parallel);
    }

    /** Sends 40 attempts per key through {@code threads} threads and counts the faulted ones per key. */
    private static Map<String, Integer> faultCounts(FaultInjector injector, List<String> keys, int threads)
            throws Exception {
        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        keys.forEach(k -> counts.put(k, new AtomicInteger()));
        AtomicInteger next = new AtomicInteger();
        int total = keys.size() * 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        String key = keys.get(i % keys.size());
                        if (injector.decide("kms:DescribeKey", key).outcome() != FaultInjector.Outcome.PASS) {
                            counts.get(key).incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Integer> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    @Test
    void globsMatchWholeArns() {
        assertTrue(FaultSettings.AccessRule.globMatches("arn:aws:dynamodb:*:*:table/secret-*",
                "arn:aws:dynamodb:us-east-1:123456789012:table/secret-ledger"));
        assertFalse(FaultSettings.AccessRule.globMatches("arn:aws:dynamodb:*:*:table/secret-*",
                "arn:aws:dynamodb:us-east-1:123456789012:table/orders"));
        assertFalse(FaultSettings.AccessRule.globMatches("table/a.c", "table/abc"));
        assertThrows(IllegalArgumentException.class, () -> new FaultSettings.AccessRule("DescribeTable", null));
    }

    private static void assertThrottled(String code, int status, Executable call) {
        SdkException e = assertThrows(SdkException.class, call);
        assertTrue(e instanceof AwsServiceException, e.toString());
        AwsServiceException ase = (AwsServiceException) e;
        assertEquals(code, ase.awsErrorDetails().errorCode());
        assertEquals(status, ase.statusCode());
        assertTrue(ase.isThrottlingException(), code + " must count as throttling for the SDK");
    }
}
