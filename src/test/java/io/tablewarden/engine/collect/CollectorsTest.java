package io.tablewarden.engine.collect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.aws.AwsClientFactory;
import io.tablewarden.engine.aws.CallMetrics;
import io.tablewarden.engine.aws.ClientTuning;
import io.tablewarden.model.CollectionError;
import io.tablewarden.model.Fetch;
import io.tablewarden.model.inventory.AutoScalingInventory;
import io.tablewarden.model.inventory.BackupInventory;
import io.tablewarden.model.inventory.DaxCluster;
import io.tablewarden.model.inventory.KmsKeyInventory;
import io.tablewarden.model.inventory.TableInventory;
import io.tablewarden.simulator.AccountSimulator;
import io.tablewarden.simulator.SimulatorOptions;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each collector against the simulator: mapping, and a denied call failing exactly its own piece. */
class CollectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "arn:aws:kms:eu-north-1:210987654321:key/7f3e8a52-1111-4222-8333-944455556666";

    /** Runs {@code body} with a region context for eu-north-1 of the example account with {@code faults}. */
    private static void withRegion(String faults, java.util.function.Consumer<RegionContext> body) throws Exception {
        ObjectNode fixture;
        try (InputStream in = CollectorsTest.class.getResourceAsStream("/engine/example-account.json")) {
            fixture = (ObjectNode) JSON.readTree(in);
        }
        fixture.set("faults", JSON.readTree(faults));
        try (AccountSimulator sim = AccountSimulator.startFromJson(JSON.writeValueAsString(fixture),
                SimulatorOptions.builder().build());
             AwsClientFactory clients = new AwsClientFactory(
                     new ConnectionSettings(null, sim.endpoint(), "eu-north-1",
                             ConnectionSettings.forSimulator(sim.endpoint()).staticCredentials()),
                     ClientTuning.of(4, Duration.ofSeconds(5), 2), new CallMetrics())) {
            body.accept(new RegionContext("eu-north-1", "210987654321", "aws", clients,
                    new CallGate(4, new CancellationToken()), activity -> { }));
        }
    }

    private static void assertDenied(Fetch<?> fetch, String permission) {
        assertTrue(fetch.isFailed(), permission + " should have failed");
        assertEquals(permission, fetch.error().permission());
        assertEquals(CollectionError.Kind.ACCESS_DENIED, fetch.error().kind());
    }

    @Test
    void deniedDescribeTableSparesTheTableOtherCallsAndOtherTables() throws Exception {
        withRegion("{\"accessDenied\":[{\"action\":\"dynamodb:DescribeTable\","
                + "\"resource\":\"arn:aws:dynamodb:eu-north-1:210987654321:table/scratch\"}]}", ctx -> {
            DynamoDbCollector dynamo = new DynamoDbCollector(ctx);
            assertEquals(List.of("invoices", "scratch"), dynamo.listTables().value());
            TableInventory scratch = dynamo.collectTable("scratch");
            assertDenied(scratch.description(), "dynamodb:DescribeTable");
            assertEquals("arn:aws:dynamodb:eu-north-1:210987654321:table/scratch", scratch.arn());
            assertTrue(scratch.continuousBackups().isOk());
            assertTrue(scratch.resourcePolicy().isOk());
            assertTrue(scratch.tags().isOk());
            assertNull(scratch.recoveryPoints(), "not collected is not an empty list");
            assertTrue(dynamo.collectTable("invoices").description().isOk());
        });
    }

    @Test
    void deniedScalingPoliciesLeaveTargets() throws Exception {
        withRegion("{\"accessDenied\":[{\"action\":\"application-autoscaling:DescribeScalingPolicies\"}]}", ctx -> {
            AutoScalingInventory scaling = new AutoScalingCollector(ctx).collect();
            assertEquals(2, scaling.scalableTargets().value().size());
            assertDenied(scaling.scalingPolicies(), "application-autoscaling:DescribeScalingPolicies");
        });
    }

    @Test
    void deniedSelectionAndVaultFailAlone() throws Exception {
        withRegion("{\"accessDenied\":[{\"action\":\"backup:GetBackupSelection\"},"
                + "{\"action\":\"backup:DescribeBackupVault\"}]}", ctx -> {
            BackupInventory backup = new BackupCollector(ctx).collect();
            BackupInventory.BackupPlan plan = backup.plans().value().get(0);
            assertEquals("daily-35d", plan.backupPlanName());
            assertTrue(plan.rules().isOk());
            BackupInventory.SelectionEntry entry = plan.selections().value().get(0);
            assertEquals("team-tagged", entry.selectionName());
            assertDenied(entry.selection(), "backup:GetBackupSelection");
            assertDenied(backup.vaults().get("Default"), "backup:DescribeBackupVault");
            assertTrue(backup.regionSettings().isOk());
            assertTrue(BackupCollector.hasLivePlan(backup));
        });
    }

    @Test
    void deletedPlansAreLeftOut() throws Exception {
        withRegion("{}", ctx -> {
            BackupInventory backup = new BackupInventory(Fetch.ok(null), Fetch.ok(List.of(
                    new BackupInventory.BackupPlan("p", "arn", "old", "v", java.time.Instant.EPOCH,
                            Fetch.ok(List.of()), Fetch.ok(List.of())))), Map.of());
            assertTrue(!BackupCollector.hasLivePlan(backup), "a deleted plan protects nothing");
        });
    }

    @Test
    void deniedDaxTagsKeepTheCluster() throws Exception {
        withRegion("{\"accessDenied\":[{\"action\":\"dax:ListTags\"}]}", ctx -> {
            DaxCollector dax = new DaxCollector(ctx);
            DaxCluster cluster = dax.withTags(dax.describeClusters().value().get(0));
            assertEquals("session-cache", cluster.clusterName());
            assertEquals(1, cluster.nodes().size());
            assertDenied(cluster.tags(), "dax:ListTags");
        });
    }

    @Test
    void keyMetadataRotationAndAliases() throws Exception {
        withRegion("{\"accessDenied\":[{\"action\":\"kms:ListAliases\"}]}", ctx -> {
            KmsCollector kms = new KmsCollector(ctx);
            Map<String, List<String>> aliases = kms.aliasesByKeyId();
            assertNull(aliases, "unknown aliases stay unknown");
            KmsKeyInventory key = kms.collectKey(KEY, aliases);
            assertEquals("CUSTOMER", key.metadata().value().keyManager());
            assertNull(key.metadata().value().aliases());
            assertEquals(Boolean.TRUE, key.rotationEnabled().value());
        });
        withRegion("{\"accessDenied\":[{\"action\":\"kms:DescribeKey\"}]}", ctx -> {
            KmsKeyInventory key = new KmsCollector(ctx).collectKey(KEY, Map.of());
            assertDenied(key.metadata(), "kms:DescribeKey");
            assertNull(key.rotationEnabled(), "rotation is only asked for keys known to be customer-managed");
        });
    }

    @Test
    void partitionComesFromTheCallerArn() {
        assertEquals("aws-cn", StsCollector.partitionOf("arn:aws-cn:iam::123456789012:user/a"));
        assertEquals("aws-us-gov", StsCollector.partitionOf("arn:aws-us-gov:sts::123456789012:assumed-role/r/s"));
        assertEquals("aws", StsCollector.partitionOf("not-an-arn"));
    }

    @Test
    void anEndpointOverrideThatDoesNotResolveIsAnErrorForDaxNotAnEmptyRegion() throws Exception {
        try (AwsClientFactory clients = new AwsClientFactory(
                new ConnectionSettings(null, java.net.URI.create("http://no-such-host.invalid:4566"), "eu-north-1",
                        new ConnectionSettings.StaticCredentials("AKIDNOWHERE000000000", "secret", null)),
                ClientTuning.of(2, Duration.ofSeconds(5), 1), new CallMetrics())) {
            RegionContext ctx = new RegionContext("eu-north-1", "210987654321", "aws", clients,
                    new CallGate(2, new CancellationToken()), activity -> { });
            Fetch<?> clusters = new DaxCollector(ctx).describeClusters();
            assertTrue(clusters.isFailed(), "not an empty list of clusters");
            assertEquals(io.tablewarden.engine.aws.AwsErrors.UNKNOWN_HOST, clusters.error().errorCode());
        }
    }
}
