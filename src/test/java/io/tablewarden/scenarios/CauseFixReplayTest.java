package io.tablewarden.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.ScanEngine;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.aws.CallMetrics;
import io.tablewarden.engine.aws.ClientTuning;
import io.tablewarden.engine.aws.AwsClientFactory;
import io.tablewarden.engine.aws.ReadOnlyViolationException;
import io.tablewarden.engine.checks.Check;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;
import io.tablewarden.report.FixScript;
import io.tablewarden.report.ScanReport;
import io.tablewarden.simulator.AccountSimulator;
import io.tablewarden.simulator.SimulatorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.dax.DaxClient;
import software.amazon.awssdk.services.dax.model.Cluster;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.kms.KmsClient;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The fixes chosen by the cause work: a cause scenario is scanned through the real SDK, the combined fix script of
 * its failures is run by bash with an {@code aws} stand-in that records each call, the recorded calls are replayed
 * through the SDK against the simulator in its test-only write mode, and the next scan passes the resources whose
 * fix the simulator can apply. The scan itself stays read-only: its clients refuse the same write calls.
 */
class CauseFixReplayTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SEPARATOR = "\u001f";
    /** Read calls in a fix (a check before a change, a verification): their answers do not change the account. */
    private static final Set<String> READS = Set.of("describe-region-settings", "describe-table", "describe-key",
            "list-tags-of-resource", "list-recovery-points-by-resource", "list-backup-plans", "describe-backup-vault",
            "describe-continuous-backups", "get-resource-policy", "get-key-rotation-status",
            "get-parameters-for-import", "describe-clusters");
    private static final String DAX_AT_REST = "dynamodb_accelerator_cluster_encryption_enabled";
    private static final String DAX_TLS = "dynamodb_accelerator_cluster_in_transit_encryption_enabled";
    /** The two queries the DAX fixes read the old cluster's settings with. */
    private static final String DAX_SETTINGS_QUERY =
            "Clusters[0].[NodeType,TotalNodes,IamRoleArn,SubnetGroup,ParameterGroup.ParameterGroupName]";
    private static final String DAX_GROUPS_QUERY = "Clusters[0].SecurityGroups[].SecurityGroupIdentifier";
    /** The line above each fix the script writes as comments, for a person to run by hand. */
    private static final String MANUAL_MARK = "# Manual: this fix creates a replacement; adapt and run these lines by hand.";

    @TempDir
    Path dir;

    @Test
    void optingTheRegionInAndRetaggingTurnDynamoDb4ToPass() throws Exception {
        Replay replay = replay("dynamodb_table_protected_by_backup_plan.causes",
                Set.of("region_not_opted_in", "selection_tag_mismatch", "selection_excludes_table"));
        // Two tables of eu-central-1 need the opt-in: the script makes that change once.
        assertEquals(1, replay.calls.stream().filter(c -> c.get(1).equals("update-region-settings")).count(),
                String.valueOf(replay.calls));
        assertEquals(Set.of("invoices-opt-in", "payroll-opt-in", "orders-case", "reports-env", "scratch-prod"),
                replay.fixed.keySet());
        replay.fixed.forEach((name, status) -> assertEquals(Status.PASS, status, name + " after its fix"));
        // The resources whose fix was not replayed keep their verdicts.
        assertEquals(Status.FAIL, replay.after.get("untagged"));
        assertEquals(Status.PASS, replay.after.get("covered-daily"));
    }

    @Test
    void recreatingTheDeletedPlanAndCreatingTheFirstPlanTurnDynamoDb4ToPass() throws Exception {
        Replay replay = replay("dynamodb_table_protected_by_backup_plan.causes", Set.of("deleted_plan", "no_plan"));
        assertEquals(Set.of("exports-old-plan", "anz-orders"), replay.fixed.keySet());
        replay.fixed.forEach((name, status) -> assertEquals(Status.PASS, status, name + " after its fix"));
        List<String> created = new ArrayList<>();
        replay.calls.stream().filter(c -> c.get(1).equals("create-backup-plan"))
                .forEach(c -> created.add(flags(c).get("region") + " " + flags(c).get("backup-plan")));
        // The deleted plan comes back with the rules of its last version; the region without any plan gets the
        // tag-based daily plan, and its opt-in.
        assertEquals(List.of("eu-west-1 {\"BackupPlanName\":\"exports-weekly\",\"Rules\":[{\"RuleName\":\"weekly\","
                + "\"TargetBackupVaultName\":\"Default\",\"ScheduleExpression\":\"cron(0 2 ? * SAT *)\","
                + "\"Lifecycle\":{\"DeleteAfterDays\":400}}]}"), created.stream().filter(c -> c.startsWith("eu-west-1"))
                .toList());
        assertEquals(1, created.stream().filter(c -> c.startsWith("ap-southeast-2")).count(), String.valueOf(created));
        assertTrue(replay.calls.stream().anyMatch(c -> c.get(1).equals("update-region-settings")
                && "ap-southeast-2".equals(flags(c).get("region"))), String.valueOf(replay.calls));
        assertEquals(Status.FAIL, replay.after.get("untagged"), "its generic fix was not replayed");
    }

    @Test
    void turningRotationOnOncePerKeyTurnsRotationToPass() throws Exception {
        Replay replay = replay("dynamodb_table_kms_key_rotation_enabled", Set.of("rotation_off", "key_disabled"));
        assertEquals(Set.of("not-rotating", "not-rotating-too", "disabled-key"), replay.fixed.keySet());
        replay.fixed.forEach((name, status) -> assertEquals(Status.PASS, status, name + " after its fix"));
        // Two tables share the key without rotation: the script turns its rotation on once.
        assertEquals(1, replay.calls.stream().filter(c -> c.get(1).equals("enable-key-rotation")
                && c.contains("arn:aws:kms:eu-west-1:210987654321:key/b87477ba-99c3-4b1f-bae3-309cfd6ed775")).count(),
                String.valueOf(replay.calls));
        List<String> operations = new ArrayList<>();
        replay.calls.forEach(c -> operations.add(c.get(1) + " " + flags(c).get("key-id")));
        String disabled = "arn:aws:kms:eu-west-1:210987654321:key/a27a25c4-5c7a-4511-9578-a992157bdcde";
        assertTrue(operations.indexOf("enable-key " + disabled) >= 0
                && operations.indexOf("enable-key " + disabled) < operations.indexOf("enable-key-rotation " + disabled),
                "a disabled key is enabled before its rotation: " + operations);
    }

    @Test
    void addingOnlyTheMissingRequiredKeysTurnsTaggedToPass() throws Exception {
        Replay replay = replay("dynamodb_table_tagged.required-keys", Set.of("required_tags_missing"));
        assertEquals(Set.of("orders-env-only", "wrong-case", "untagged"), replay.fixed.keySet());
        replay.fixed.forEach((name, status) -> assertEquals(Status.PASS, status, name + " after its fix"));
        for (List<String> call : replay.calls) {
            if (call.get(1).equals("tag-resource") && call.contains(
                    "arn:aws:dynamodb:" + flags(call).get("region") + ":210987654321:table/orders-env-only")) {
                assertEquals("[{\"Key\":\"team\",\"Value\":\"\"}]", flags(call).get("tags"),
                        "only the key it lacks; env stays as it is");
            }
        }
    }

    @Test
    void puttingThePrunedPolicyBackOrDeletingItTurnsCrossAccountToPass() throws Exception {
        Replay replay = replay("dynamodb_table_cross_account_access",
                Set.of("outside_statements", "only_outside_statements"));
        assertTrue(replay.calls.stream().anyMatch(c -> c.get(1).equals("put-resource-policy")), String.valueOf(replay.calls));
        assertTrue(replay.calls.stream().anyMatch(c -> c.get(1).equals("delete-resource-policy")),
                String.valueOf(replay.calls));
        assertFalse(replay.fixed.isEmpty());
        replay.fixed.forEach((name, status) -> assertEquals(Status.PASS, status, name + " after its fix"));
    }

    @Test
    void registeringPolicyingAndResumingExactlyTheGapsTurnsDynamoDb1ToPass() throws Exception {
        Replay replay = replay("dynamodb_table_autoscaling_enabled", Set.of("scaling_gaps"));
        assertFalse(replay.fixed.isEmpty());
        replay.fixed.forEach((name, status) -> assertEquals(Status.PASS, status, name + " after its fix"));
        assertTrue(replay.calls.stream().anyMatch(c -> c.get(1).equals("register-scalable-target")),
                String.valueOf(replay.calls));
        assertTrue(replay.calls.stream().anyMatch(c -> c.get(1).equals("put-scaling-policy")), String.valueOf(replay.calls));
    }

    @Test
    void oneKeyForTheRegionAndEachTableSwitchedToItTurnCustomerManagedKeyToPass() throws Exception {
        Replay replay = replay("dynamodb_table_customer_managed_key", Set.of("aws_managed_key", "aws_owned_key"));
        assertEquals(Set.of("aws-managed", "aws-owned"), replay.fixed.keySet());
        replay.fixed.forEach((name, status) -> assertEquals(Status.PASS, status, name + " after its fix"));
        // Both tables share the region's new key: it is created, rotated and named once.
        assertEquals(1, replay.calls.stream().filter(c -> c.get(1).equals("create-key")).count(),
                String.valueOf(replay.calls));
        assertEquals(1, replay.calls.stream().filter(c -> c.get(1).equals("create-alias")).count());
        assertEquals(2, replay.calls.stream().filter(c -> c.get(1).equals("update-table")).count());
    }

    @Test
    void lengtheningTheRecoveryPeriodTurnsPitrToPass() throws Exception {
        Replay replay = replay("dynamodb_tables_pitr_enabled.min-period", Set.of("recovery_period_short"));
        assertEquals(Set.of("pitr-7-days"), replay.fixed.keySet());
        assertEquals(Status.PASS, replay.fixed.get("pitr-7-days"));
        assertEquals(Status.FAIL, replay.after.get("pitr-off"), "its generic fix was not replayed");
    }

    @Test
    void enablingAndRestoringKeysTurnsKeyUsableToPass() throws Exception {
        Replay replay = replay("dynamodb_table_kms_key_usable.causes", Set.of("key_disabled", "key_pending_deletion"));
        assertEquals(Set.of("analytics-key-disabled", "analytics-archive-key-disabled", "legacy-key-deletion"),
                replay.fixed.keySet());
        replay.fixed.forEach((name, status) -> assertEquals(Status.PASS, status, name + " after its fix"));
        List<String> operations = new ArrayList<>();
        replay.calls.forEach(c -> operations.add(c.get(0) + " " + c.get(1)));
        // Cancelling a deletion leaves the key disabled, so the fix enables it afterwards.
        assertTrue(operations.indexOf("kms cancel-key-deletion") < operations.lastIndexOf("kms enable-key"),
                String.valueOf(operations));
        // Two tables share the disabled key: the script enables it once.
        assertEquals(1, replay.calls.stream().filter(c -> c.get(1).equals("enable-key")
                && c.contains("arn:aws:kms:eu-west-1:210987654321:key/c6ac45f0-a038-c64b-8446-babe366b9882")).count(),
                String.valueOf(replay.calls));
        assertEquals(Status.FAIL, replay.after.get("imported-key-pending"), "its fix was not replayed here");
    }

    @Test
    void importingTheKeyMaterialAgainTurnsKeyUsableToPass() throws Exception {
        String key = "arn:aws:kms:eu-west-1:210987654321:key/0e40b9f7-ae8a-74fa-d187-3f311a7d79ac";
        Replay replay = replay("dynamodb_table_kms_key_usable.causes", Set.of("key_pending_import"), (sim, folder) -> {
            // The key custodian's material, and the wrapping key and token the script reads from KMS: asked for
            // here through the SDK, since the script's aws stand-in records calls instead of making them.
            byte[] material = new byte[32];
            new java.security.SecureRandom().nextBytes(material);
            Files.write(folder.resolve("PlaintextKeyMaterial.bin"), material);
            try (KmsClient kms = client(KmsClient.builder(), sim, "eu-west-1")) {
                var parameters = kms.getParametersForImport(b -> b.keyId(key).wrappingAlgorithm("RSAES_OAEP_SHA_256")
                        .wrappingKeySpec("RSA_4096"));
                String answer = java.util.Base64.getEncoder().encodeToString(parameters.importToken().asByteArray())
                        + "\t" + java.util.Base64.getEncoder().encodeToString(parameters.publicKey().asByteArray());
                Files.createDirectories(folder.resolve("bin"));
                Files.writeString(folder.resolve("bin").resolve("aws.answers"), MAPPER.writeValueAsString(Map.of(key,
                        answer)));
            }
        });
        assertEquals(Set.of("imported-key-pending"), replay.fixed.keySet());
        assertEquals(Status.PASS, replay.fixed.get("imported-key-pending"));
        // openssl wrapped the material with the simulator's public key; KMS took it back out with its private key
        assertTrue(replay.calls.stream().anyMatch(c -> c.get(1).equals("import-key-material")), String.valueOf(replay.calls));
    }

    @Test
    void aReplacementWithEncryptionAtRestTurnsBothDaxChecksToPassOnceTheOldClusterIsDeleted() throws Exception {
        DaxReplay replay = replayDax("dynamodb_accelerator_cluster_encryption_enabled",
                Set.of("at_rest_off", "at_rest_and_tls_off"));
        // cache-plain lacks encryption at rest only; cache-pre-tls lacks both, and its two findings share one
        // replacement.
        assertEquals(List.of("cache-plain-enc", "cache-pre-tls-enc"), replay.created(), String.valueOf(replay.calls()));
        assertTrue(replay.script().lines().anyMatch(l -> l.startsWith("#  - [manual] DAX cluster cache-pre-tls: ")
                && l.contains(DAX_AT_REST) && l.contains(DAX_TLS)), replay.script());
        assertReplaced(replay, Map.of("cache-plain", "cache-plain-enc", "cache-pre-tls", "cache-pre-tls-enc"));
        assertEquals(Status.FAIL, replay.afterCreate().get("cache-plain " + DAX_AT_REST), "until it is deleted");
        assertEquals(Status.FAIL, replay.afterCreate().get("cache-pre-tls " + DAX_TLS), "until it is deleted");
        // Not replayed, not touched: the cluster that already passed and the one being deleted.
        assertEquals(Status.PASS, replay.afterDelete().get("cache-encrypted " + DAX_AT_REST));
        assertEquals(Status.NOT_APPLICABLE, replay.afterDelete().get("cache-retiring " + DAX_AT_REST));
    }

    @Test
    void aReplacementWithTlsTurnsBothDaxChecksToPassOnceTheOldClusterIsDeleted() throws Exception {
        DaxReplay replay = replayDax("dynamodb_accelerator_cluster_in_transit_encryption_enabled",
                Set.of("tls_off", "at_rest_and_tls_off"));
        assertEquals(List.of("cache-plaintext-enc", "cache-pre-tls-enc"), replay.created(),
                String.valueOf(replay.calls()));
        assertReplaced(replay, Map.of("cache-plaintext", "cache-plaintext-enc", "cache-pre-tls", "cache-pre-tls-enc"));
        assertEquals(Status.PASS, replay.afterDelete().get("cache-tls " + DAX_TLS));
    }

    @Test
    void oneReplacementServesBothFindingsOfAClusterWithoutEitherEncryption() throws Exception {
        DaxReplay replay = replayDax("dynamodb_accelerator_cluster_in_transit_encryption_enabled",
                Set.of("at_rest_and_tls_off"));
        // Two findings (one per check), one create-cluster.
        assertEquals(2, replay.fixedFindings(), "findings replayed");
        assertEquals(List.of("cache-pre-tls-enc"), replay.created(), String.valueOf(replay.calls()));
        assertReplaced(replay, Map.of("cache-pre-tls", "cache-pre-tls-enc"));
        // tls_off was not replayed: cache-plaintext still fails the TLS check.
        assertEquals(Status.FAIL, replay.afterDelete().get("cache-plaintext " + DAX_TLS));
    }

    /**
     * Each old cluster's replacement carries its settings and both encryptions and passes both DAX checks while the
     * old cluster, its clients not moved yet, still fails; once the old cluster is deleted (as the fix's last,
     * commented line says, run by hand), no result of the replaced clusters fails and they are gone.
     */
    private static void assertReplaced(DaxReplay replay, Map<String, String> replacements) {
        replacements.forEach((old, replacement) -> {
            for (String check : List.of(DAX_AT_REST, DAX_TLS)) {
                assertEquals(Status.PASS, replay.afterCreate().get(replacement + " " + check), replacement + " " + check);
                // The old cluster is untouched until the clients have moved: its verdicts stay as they were.
                assertEquals(replay.beforeScan().get(old + " " + check), replay.afterCreate().get(old + " " + check),
                        old + " before its deletion");
                assertEquals(Status.PASS, replay.afterDelete().get(replacement + " " + check), replacement + " " + check);
                assertFalse(replay.afterDelete().containsKey(old + " " + check), old + " is deleted");
            }
            Cluster before = replay.before().get(old);
            Cluster after = replay.replacements().get(replacement);
            assertEquals(before.nodeType(), after.nodeType(), replacement);
            assertEquals(before.totalNodes(), after.totalNodes(), replacement);
            assertEquals(before.iamRoleArn(), after.iamRoleArn(), replacement);
            assertEquals(before.subnetGroup(), after.subnetGroup(), replacement);
            assertEquals(before.parameterGroup().parameterGroupName(), after.parameterGroup().parameterGroupName());
            assertEquals(before.securityGroups().stream().map(g -> g.securityGroupIdentifier()).toList(),
                    after.securityGroups().stream().map(g -> g.securityGroupIdentifier()).toList(), replacement);
            assertEquals("ENABLED", after.sseDescription().statusAsString(), replacement);
            assertEquals("TLS", after.clusterEndpointEncryptionTypeAsString(), replacement);
            assertEquals("available", after.status(), replacement);
        });
        assertEquals(replacements.keySet(), new java.util.TreeSet<>(replay.deleted()), "the deletions run by hand");
        replay.afterDelete().forEach((key, status) -> {
            String cluster = key.substring(0, key.indexOf(' '));
            if (replacements.containsValue(cluster)) {
                assertEquals(Status.PASS, status, key);
            }
        });
        assertFalse(replay.afterDelete().entrySet().stream().anyMatch(e -> e.getValue() == Status.FAIL
                && replay.fixedClusters().contains(e.getKey().substring(0, e.getKey().indexOf(' ')))),
                String.valueOf(replay.afterDelete()));
    }

    @Test
    void aScanCannotMakeTheWriteCallsEvenWhenTheSimulatorServesThem() throws Exception {
        try (AccountSimulator sim = AccountSimulator.start(folder().resolve("dynamodb_table_kms_key_usable.causes.json"),
                SimulatorOptions.builder().writesForTests(true).build());
             AwsClientFactory scanClients = new AwsClientFactory(ConnectionSettings.forSimulator(sim.endpoint(),
                     "eu-west-1"), ClientTuning.of(2, Duration.ofSeconds(5), 1), new CallMetrics())) {
            String key = "arn:aws:kms:eu-west-1:210987654321:key/c6ac45f0-a038-c64b-8446-babe366b9882";
            assertThrows(ReadOnlyViolationException.class, () -> scanClients.kms("eu-west-1").enableKey(b -> b.keyId(key)));
            assertThrows(ReadOnlyViolationException.class,
                    () -> scanClients.kms("eu-west-1").cancelKeyDeletion(b -> b.keyId(key)));
            assertThrows(ReadOnlyViolationException.class, () -> scanClients.backup("eu-west-1")
                    .updateRegionSettings(b -> b.resourceTypeOptInPreference(Map.of("DynamoDB", true))));
            assertThrows(ReadOnlyViolationException.class, () -> scanClients.dynamoDb("eu-west-1")
                    .tagResource(b -> b.resourceArn("arn:aws:dynamodb:eu-west-1:210987654321:table/x")
                            .tags(Tag.builder().key("k").value("v").build())));
            assertThrows(ReadOnlyViolationException.class, () -> scanClients.dax("eu-west-1").createCluster(b -> b
                    .clusterName("replacement").nodeType("dax.r5.large").replicationFactor(1)
                    .iamRoleArn("arn:aws:iam::210987654321:role/dax")));
            assertThrows(ReadOnlyViolationException.class,
                    () -> scanClients.dax("eu-west-1").deleteCluster(b -> b.clusterName("cache-plain")));
            for (String write : SimulatorOptions.WRITE_OPERATIONS) {
                assertEquals(0, sim.requestCount(write), write + " reached the simulator");
            }
        }
    }

    @Test
    void withoutTheTestModeTheSimulatorRefusesTheWriteCalls() throws Exception {
        try (AccountSimulator sim = AccountSimulator.start(folder().resolve("dynamodb_table_kms_key_usable.causes.json"),
                SimulatorOptions.defaults());
             KmsClient kms = client(KmsClient.builder(), sim, "eu-west-1");
             BackupClient backup = client(BackupClient.builder(), sim, "eu-west-1");
             DaxClient dax = client(DaxClient.builder(), sim, "eu-west-1")) {
            String key = "arn:aws:kms:eu-west-1:210987654321:key/c6ac45f0-a038-c64b-8446-babe366b9882";
            assertThrows(SdkServiceException.class, () -> kms.enableKey(b -> b.keyId(key)));
            assertThrows(SdkServiceException.class,
                    () -> backup.updateRegionSettings(b -> b.resourceTypeOptInPreference(Map.of("DynamoDB", true))));
            assertEquals("Disabled", kms.describeKey(b -> b.keyId(key)).keyMetadata().keyStateAsString());
            assertThrows(SdkServiceException.class, () -> dax.createCluster(b -> b.clusterName("replacement")
                    .nodeType("dax.r5.large").replicationFactor(1).iamRoleArn("arn:aws:iam::210987654321:role/dax")));
            assertThrows(SdkServiceException.class, () -> dax.deleteCluster(b -> b.clusterName("cache-pre-tls")));
        }
    }

    /** What one replay did: the recorded calls, the verdicts after it of the fixed resources, and of all. */
    private record Replay(List<List<String>> calls, Map<String, Status> fixed, Map<String, Status> after) {
    }

    /**
     * What one DAX replay did: the script, the calls of the fixes run by hand and of the deletions run afterwards,
     * the clusters created, the findings and clusters replayed, the old clusters before and the replacements after,
     * and the verdicts of both DAX encryption checks ("cluster check-id") after the replacements and after the
     * deletions.
     */
    private record DaxReplay(String script, List<List<String>> calls, List<String> created, List<String> deleted,
                             int fixedFindings, Set<String> fixedClusters, Map<String, Cluster> before,
                             Map<String, Cluster> replacements, Map<String, Status> beforeScan,
                             Map<String, Status> afterCreate, Map<String, Status> afterDelete) {
    }

    /**
     * Replays the DAX fixes for {@code causes} as a person runs them. The combined script writes a replacement as
     * comments (it needs the applications moved, so it never runs blindly): run as written it makes no call; the
     * test then runs its commented lines uncommented, as the script asks, with the old cluster's settings answered
     * from the simulator, applies the recorded calls, and scans both DAX encryption checks. The fix leaves the old
     * cluster's deletion commented until the clients have moved: the test runs that line afterwards, as the user
     * would, and scans again.
     */
    private DaxReplay replayDax(String scenario, Set<String> causes) throws Exception {
        Path fixture = folder().resolve(scenario + ".json");
        Instant now = Instant.parse(MAPPER.readTree(folder().resolve(scenario + ".expected.json").toFile())
                .path("now").asText());
        Set<String> checks = Set.of(DAX_AT_REST, DAX_TLS);
        try (AccountSimulator sim = AccountSimulator.start(fixture, SimulatorOptions.builder().writesForTests(true).build());
             DaxClient dax = client(DaxClient.builder(), sim, "eu-west-1")) {
            ScanOutcome scanned = scan(sim, "eu-west-1", checks, now, CheckParameters.defaults());
            List<CheckResult> toFix = new ArrayList<>();
            Set<String> fixedClusters = new java.util.TreeSet<>();
            for (CheckResult r : scanned.results()) {
                if (checks.contains(r.checkId()) && r.status() == Status.FAIL && causes.contains(r.cause())) {
                    toFix.add(r);
                    fixedClusters.add(r.resource().name());
                }
            }
            assertFalse(toFix.isEmpty(), "nothing to fix in " + scenario);
            String script = FixScript.build(toFix, report(scanned), false);

            // As written, the script only describes the replacements.
            assertEquals(List.of(), runScript(script, dir.resolve("as-written")), script);

            // The old clusters' settings, as the CLI prints them for the fix's queries.
            Map<String, Cluster> before = new TreeMap<>();
            Map<String, Map<String, String>> answers = new TreeMap<>();
            for (Cluster c : dax.describeClusters(b -> { }).clusters()) {
                before.put(c.clusterName(), c);
                answers.put(c.clusterName(), Map.of(
                        DAX_SETTINGS_QUERY, String.join("\t", c.nodeType(), String.valueOf(c.totalNodes()),
                                c.iamRoleArn(), c.subnetGroup(), c.parameterGroup().parameterGroupName()),
                        DAX_GROUPS_QUERY, String.join("\t", c.securityGroups().stream()
                                .map(g -> g.securityGroupIdentifier()).toList())));
            }
            Path byHand = dir.resolve("by-hand");
            Files.createDirectories(byHand.resolve("bin"));
            Files.writeString(byHand.resolve("bin").resolve("aws.answers"), MAPPER.writeValueAsString(answers));
            String userScript = uncommentManualFixes(script);
            List<List<String>> calls = runScript(userScript, byHand);
            Map<String, String> ids = new LinkedHashMap<>();
            for (int i = 0; i < calls.size(); i++) {
                apply(calls.get(i), i + 1, ids, sim, byHand);
            }
            List<String> created = new ArrayList<>();
            calls.stream().filter(c -> c.get(1).equals("create-cluster"))
                    .forEach(c -> created.add(flags(c).get("cluster-name")));
            Map<String, Status> afterCreate = verdicts(scan(sim, "eu-west-1", checks, now, CheckParameters.defaults()),
                    checks);
            Map<String, Cluster> replacements = new TreeMap<>();
            if (!created.isEmpty()) {
                dax.describeClusters(b -> b.clusterNames(created)).clusters()
                        .forEach(c -> replacements.put(c.clusterName(), c));
            }

            // The clients have moved: the user runs the fix's commented deletion of each old cluster.
            StringBuilder deletions = new StringBuilder("set -euo pipefail\n");
            userScript.lines().filter(l -> l.startsWith("# aws dax delete-cluster "))
                    .forEach(l -> deletions.append(l.substring(2)).append('\n'));
            Path afterMove = dir.resolve("after-move");
            Files.createDirectories(afterMove.resolve("bin"));
            Files.writeString(afterMove.resolve("bin").resolve("aws.answers"), MAPPER.writeValueAsString(answers));
            List<List<String>> deleteCalls = runScript(deletions.toString(), afterMove);
            List<String> deleted = new ArrayList<>();
            for (int i = 0; i < deleteCalls.size(); i++) {
                assertEquals("delete-cluster", deleteCalls.get(i).get(1));
                deleted.add(flags(deleteCalls.get(i)).get("cluster-name"));
                apply(deleteCalls.get(i), i + 1, ids, sim, afterMove);
            }
            Map<String, Status> afterDelete = verdicts(scan(sim, "eu-west-1", checks, now, CheckParameters.defaults()),
                    checks);
            return new DaxReplay(script, calls, created, deleted, toFix.size(), fixedClusters, before, replacements,
                    verdicts(scanned, checks), afterCreate, afterDelete);
        }
    }

    private static Map<String, Status> verdicts(ScanOutcome outcome, Set<String> checks) {
        Map<String, Status> out = new TreeMap<>();
        outcome.results().stream().filter(r -> checks.contains(r.checkId()))
                .forEach(r -> out.put(r.resource().name() + " " + r.checkId(), r.status()));
        return out;
    }

    /**
     * The script as a person runs it after reading it: each fix written as comments for running by hand is
     * uncommented (one comment level, so the snippet's own comments stay comments) and run in its own subshell.
     */
    static String uncommentManualFixes(String script) {
        StringBuilder out = new StringBuilder(script.length());
        boolean manual = false;
        for (String line : script.split("\n", -1)) {
            if (line.equals(MANUAL_MARK)) {
                manual = true;
                out.append("(\n");
                continue;
            }
            if (manual && line.startsWith("# ")) {
                out.append(line.substring(2)).append('\n');
                continue;
            }
            if (manual) {
                out.append(")\n");
                manual = false;
            }
            out.append(line).append('\n');
        }
        assertFalse(manual, "a manual fix runs to the end of the script");
        return out.toString();
    }

    /** Work done against the simulator and in the script's folder before the script runs. */
    private interface Preparation {
        void prepare(AccountSimulator sim, Path folder) throws Exception;
    }

    private Replay replay(String scenario, Set<String> replayable) throws Exception {
        return replay(scenario, replayable, (sim, folder) -> { });
    }

    private Replay replay(String scenario, Set<String> replayable, Preparation preparation) throws Exception {
        JsonNode spec = MAPPER.readTree(folder().resolve(scenario + ".expected.json").toFile());
        String checkId = spec.path("expected").get(0).path("checkId").asText();
        Instant now = Instant.parse(spec.path("now").asText());
        CheckParameters parameters = CheckScenariosTest.parameters(spec.path("parameters"));
        String base = scenario.contains(".causes") || !scenario.contains(".") ? scenario
                : scenario.substring(0, scenario.indexOf('.'));
        Path fixture = folder().resolve((Files.exists(folder().resolve(scenario + ".json")) ? scenario : base) + ".json");
        String home = MAPPER.readTree(fixture.toFile()).path("enabledRegions").path(0).asText();
        try (AccountSimulator sim = AccountSimulator.start(fixture, SimulatorOptions.builder().writesForTests(true).build())) {
            ScanOutcome before = scan(sim, home, checkId, now, parameters);
            List<CheckResult> toFix = new ArrayList<>();
            for (CheckResult r : before.results()) {
                if (r.checkId().equals(checkId) && r.status() == Status.FAIL && r.cause() != null
                        && replayable.contains(r.cause())) {
                    toFix.add(r);
                }
            }
            assertFalse(toFix.isEmpty(), "nothing to fix in " + scenario);
            String script = FixScript.build(toFix, report(before), false);
            preparation.prepare(sim, dir);
            List<List<String>> calls = runScript(script);
            Map<String, String> planIds = new LinkedHashMap<>();
            for (int i = 0; i < calls.size(); i++) {
                apply(calls.get(i), i + 1, planIds, sim, dir);
            }
            ScanOutcome after = scan(sim, home, checkId, now, parameters);
            Map<String, Status> all = new TreeMap<>();
            after.results().stream().filter(r -> r.checkId().equals(checkId))
                    .forEach(r -> all.put(r.resource().name(), r.status()));
            Map<String, Status> fixed = new TreeMap<>();
            toFix.forEach(r -> fixed.put(r.resource().name(), all.get(r.resource().name())));
            return new Replay(calls, fixed, all);
        }
    }

    private static ScanOutcome scan(AccountSimulator sim, String home, String checkId, Instant now,
                                    CheckParameters parameters) {
        return scan(sim, home, Set.of(checkId), now, parameters);
    }

    private static ScanOutcome scan(AccountSimulator sim, String home, Set<String> checkIds, Instant now,
                                    CheckParameters parameters) {
        ScanRequest request = new ScanRequest(ConnectionSettings.forSimulator(sim.endpoint(), home), List.of(),
                checkIds, parameters, 8, Duration.ofSeconds(10), 3);
        ScanOutcome outcome = new ScanEngine(CheckRegistry.builtIn().all()).withClock(Clock.fixed(now, ZoneOffset.UTC))
                .run(request, ScanListener.NONE, new CancellationToken());
        assertEquals(ScanOutcome.ScanState.COMPLETED, outcome.state(), String.valueOf(outcome.failureReason()));
        return outcome;
    }

    private static ScanReport report(ScanOutcome outcome) {
        Map<String, CheckMetadata> metadata = new LinkedHashMap<>();
        for (Check c : CheckRegistry.builtIn().all()) {
            metadata.put(c.id(), c.metadata());
        }
        List<String> regions = new ArrayList<>();
        outcome.inventory().regions().forEach(r -> regions.add(r.region()));
        Instant started = Instant.parse("2026-11-20T12:00:00Z");
        ScanReport.ScanInfo info = new ScanReport.ScanInfo(outcome.inventory().accountId(),
                outcome.inventory().partition(), outcome.inventory().callerArn(), regions, started, started,
                outcome.state().name(), "test", CheckParameters.defaults(), null);
        return new ScanReport(info, outcome.results(), outcome.stats(), metadata, Map.of(), null);
    }

    /**
     * The {@code aws} of the replay: records each call's arguments and answers nothing, except that a plan or key the
     * script creates gets a stand-in id ({@code replay-plan-<call number>}, {@code replay-key-<call number>}, printed
     * as {@code --query ... --output text} would print the real one); a later {@code list-backup-plans} query for that
     * plan's name in that region prints it (else {@code None}, as the CLI prints for no match), and
     * {@code describe-key} of an alias the script created prints its key (an unknown alias fails, as KMS answers
     * NotFoundException). {@link #apply} turns the stand-in ids into the simulator's.
     */
    private static final String AWS_STAND_IN = """
            #!/usr/bin/env python3
            import json, re, sys
            log, state = sys.argv[0] + '.log', sys.argv[0] + '.plans'
            args = sys.argv[1:]
            with open(log, 'a', encoding='utf-8') as f:
                f.write(''.join(a + '\\x1f' for a in args) + '\\n')
            with open(log, encoding='utf-8') as f:
                number = sum(1 for _ in f)
            flags = {args[i][2:]: args[i + 1] for i in range(len(args) - 1) if args[i].startswith('--')}
            try:
                with open(state, encoding='utf-8') as f:
                    plans = json.load(f)
            except FileNotFoundError:
                plans = {}
            op = args[1] if len(args) > 1 else ''
            if op == 'create-backup-plan':
                name = json.loads(flags['backup-plan'])['BackupPlanName']
                plans[flags.get('region', '') + '|' + name] = 'replay-plan-%d' % number
                with open(state, 'w', encoding='utf-8') as f:
                    json.dump(plans, f)
                if 'query' in flags:
                    print(plans[flags.get('region', '') + '|' + name])
            elif op == 'create-key':
                plans['key|replay-key-%d' % number] = 'created'
                with open(state, 'w', encoding='utf-8') as f:
                    json.dump(plans, f)
                if 'query' in flags:
                    print('replay-key-%d' % number)
            elif op == 'create-alias':
                plans['alias|' + flags.get('region', '') + '|' + flags['alias-name']] = flags['target-key-id']
                with open(state, 'w', encoding='utf-8') as f:
                    json.dump(plans, f)
            elif op == 'describe-key' and flags.get('key-id', '').startswith('alias/'):
                target = plans.get('alias|' + flags.get('region', '') + '|' + flags['key-id'])
                if target is None:
                    sys.stderr.write('An error occurred (NotFoundException) when calling the DescribeKey operation\\n')
                    sys.exit(254)
                if 'query' in flags:
                    print(target)
            elif op == 'get-parameters-for-import':
                # the wrapping key and token the test asked the simulator for before the script ran
                with open(sys.argv[0] + '.answers', encoding='utf-8') as f:
                    print(json.load(f)[flags['key-id']])
            elif op == 'create-cluster':
                plans['dax|' + flags.get('region', '') + '|' + flags['cluster-name']] = 'creating'
                with open(state, 'w', encoding='utf-8') as f:
                    json.dump(plans, f)
            elif op == 'describe-clusters':
                # the old clusters' answers, read from the simulator before the script ran; a cluster the script
                # created is still being created, without an endpoint URL yet
                name = flags.get('cluster-names', '')
                with open(sys.argv[0] + '.answers', encoding='utf-8') as f:
                    answers = json.load(f)
                if plans.get('dax|' + flags.get('region', '') + '|' + name) == 'creating':
                    if 'query' in flags:
                        print('creating\\tNone')
                elif name not in answers:
                    sys.stderr.write('An error occurred (ClusterNotFoundFault) when calling the DescribeClusters operation\\n')
                    sys.exit(254)
                elif flags.get('query') not in answers[name]:
                    sys.stderr.write('the replay has no answer for the query %r\\n' % flags.get('query'))
                    sys.exit(2)
                else:
                    print(answers[name][flags['query']])
            elif op == 'list-backup-plans' and 'query' in flags:
                match = re.search(r"BackupPlanName=='([^']*)'", flags['query'])
                print(plans.get(flags.get('region', '') + '|' + (match.group(1) if match else ''), 'None'))
            """;

    /** Runs the script with {@link #AWS_STAND_IN} as {@code aws}; the calls in order, each as its words. */
    private List<List<String>> runScript(String script) throws IOException, InterruptedException {
        return runScript(script, dir);
    }

    /** As {@link #runScript(String)}, in {@code dir}; no call at all gives an empty list. */
    private static List<List<String>> runScript(String script, Path dir) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path aws = bin.resolve("aws");
        Path log = bin.resolve("aws.log");
        Files.writeString(aws, AWS_STAND_IN.stripLeading());
        Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = dir.resolve("fix.sh");
        Files.writeString(file, script);
        ProcessBuilder pb = new ProcessBuilder("bash", file.toString()).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process bash = pb.start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bash.waitFor(60, TimeUnit.SECONDS), "the script did not finish");
        assertEquals(0, bash.exitValue(), output + "\n" + script);
        List<List<String>> calls = new ArrayList<>();
        if (!Files.exists(log)) {
            return calls;
        }
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            List<String> words = new ArrayList<>(List.of(line.split(SEPARATOR)));
            calls.add(words);
        }
        return calls;
    }

    /**
     * Makes one recorded call through the SDK; a write the simulator cannot apply fails the test. {@code number} is
     * the call's place in the script (1 for the first), {@code planIds} maps the stand-in ids of created plans to
     * the simulator's.
     */
    private static void apply(List<String> call, int number, Map<String, String> planIds, AccountSimulator sim,
                              Path folder) throws IOException {
        String service = call.get(0);
        String operation = call.get(1);
        Map<String, String> flags = flags(call);
        if (READS.contains(operation)) {
            return;
        }
        String region = flags.get("region");
        switch (service + " " + operation) {
            case "backup update-region-settings" -> {
                Map<String, Boolean> preference = new LinkedHashMap<>();
                for (String pair : flags.get("resource-type-opt-in-preference").split(",")) {
                    String[] kv = pair.split("=", 2);
                    preference.put(kv[0], Boolean.parseBoolean(kv[1]));
                }
                try (BackupClient backup = client(BackupClient.builder(), sim, region)) {
                    backup.updateRegionSettings(b -> b.resourceTypeOptInPreference(preference));
                }
            }
            case "kms enable-key" -> {
                try (KmsClient kms = client(KmsClient.builder(), sim, region)) {
                    kms.enableKey(b -> b.keyId(flags.get("key-id")));
                }
            }
            case "application-autoscaling register-scalable-target" -> {
                Map<String, String> suspended = new LinkedHashMap<>();
                if (flags.containsKey("suspended-state")) {
                    for (String pair : flags.get("suspended-state").split(",")) {
                        String[] kv = pair.split("=", 2);
                        suspended.put(kv[0], kv[1]);
                    }
                }
                try (ApplicationAutoScalingClient scaling = client(ApplicationAutoScalingClient.builder(), sim, region)) {
                    scaling.registerScalableTarget(b -> {
                        b.serviceNamespace(flags.get("service-namespace")).resourceId(flags.get("resource-id"))
                                .scalableDimension(flags.get("scalable-dimension"));
                        if (flags.containsKey("min-capacity")) {
                            b.minCapacity(Integer.valueOf(flags.get("min-capacity")))
                                    .maxCapacity(Integer.valueOf(flags.get("max-capacity")));
                        }
                        if (!suspended.isEmpty()) {
                            b.suspendedState(s -> s.dynamicScalingInSuspended(
                                    Boolean.valueOf(suspended.get("DynamicScalingInSuspended")))
                                    .dynamicScalingOutSuspended(Boolean.valueOf(suspended.get("DynamicScalingOutSuspended"))));
                        }
                    });
                }
            }
            case "application-autoscaling put-scaling-policy" -> {
                JsonNode config = MAPPER.readTree(flags.get("target-tracking-scaling-policy-configuration"));
                try (ApplicationAutoScalingClient scaling = client(ApplicationAutoScalingClient.builder(), sim, region)) {
                    scaling.putScalingPolicy(b -> b.serviceNamespace(flags.get("service-namespace"))
                            .resourceId(flags.get("resource-id")).scalableDimension(flags.get("scalable-dimension"))
                            .policyName(flags.get("policy-name")).policyType(flags.get("policy-type"))
                            .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(config.path("TargetValue")
                                    .asDouble()).predefinedMetricSpecification(m -> m.predefinedMetricType(config
                                    .path("PredefinedMetricSpecification").path("PredefinedMetricType").asText()))));
                }
            }
            case "kms create-key" -> {
                try (KmsClient kms = client(KmsClient.builder(), sim, region)) {
                    planIds.put("replay-key-" + number, kms.createKey(b -> b.description(flags.get("description")))
                            .keyMetadata().arn());
                }
            }
            case "kms create-alias" -> {
                try (KmsClient kms = client(KmsClient.builder(), sim, region)) {
                    kms.createAlias(b -> b.aliasName(flags.get("alias-name"))
                            .targetKeyId(planIds.getOrDefault(flags.get("target-key-id"), flags.get("target-key-id"))));
                }
            }
            case "dynamodb update-table" -> {
                Map<String, String> sse = new LinkedHashMap<>();
                for (String pair : flags.get("sse-specification").split(",")) {
                    String[] kv = pair.split("=", 2);
                    sse.put(kv[0], kv[1]);
                }
                String key = planIds.getOrDefault(sse.get("KMSMasterKeyId"), sse.get("KMSMasterKeyId"));
                try (DynamoDbClient dynamo = client(DynamoDbClient.builder(), sim, region)) {
                    dynamo.updateTable(b -> b.tableName(flags.get("table-name")).sseSpecification(s -> s
                            .enabled(Boolean.valueOf(sse.get("Enabled"))).sseType(sse.get("SSEType")).kmsMasterKeyId(key)));
                }
            }
            case "kms import-key-material" -> {
                byte[] material = Files.readAllBytes(folder.resolve(flags.get("encrypted-key-material")
                        .substring("fileb://".length())));
                byte[] token = Files.readAllBytes(folder.resolve(flags.get("import-token").substring("fileb://".length())));
                try (KmsClient kms = client(KmsClient.builder(), sim, region)) {
                    kms.importKeyMaterial(b -> b.keyId(flags.get("key-id"))
                            .encryptedKeyMaterial(software.amazon.awssdk.core.SdkBytes.fromByteArray(material))
                            .importToken(software.amazon.awssdk.core.SdkBytes.fromByteArray(token))
                            .expirationModel(flags.get("expiration-model")));
                }
            }
            case "kms enable-key-rotation" -> {
                String rotated = planIds.getOrDefault(flags.get("key-id"), flags.get("key-id"));
                try (KmsClient kms = client(KmsClient.builder(), sim, region)) {
                    kms.enableKeyRotation(b -> b.keyId(rotated).rotationPeriodInDays(
                            flags.containsKey("rotation-period-in-days")
                                    ? Integer.valueOf(flags.get("rotation-period-in-days")) : null));
                }
            }
            case "dynamodb put-resource-policy" -> {
                try (DynamoDbClient dynamo = client(DynamoDbClient.builder(), sim, region)) {
                    dynamo.putResourcePolicy(b -> b.resourceArn(flags.get("resource-arn")).policy(flags.get("policy")));
                }
            }
            case "dynamodb delete-resource-policy" -> {
                try (DynamoDbClient dynamo = client(DynamoDbClient.builder(), sim, region)) {
                    dynamo.deleteResourcePolicy(b -> b.resourceArn(flags.get("resource-arn")));
                }
            }
            case "kms cancel-key-deletion" -> {
                try (KmsClient kms = client(KmsClient.builder(), sim, region)) {
                    kms.cancelKeyDeletion(b -> b.keyId(flags.get("key-id")));
                }
            }
            case "backup create-backup-plan" -> {
                JsonNode doc = MAPPER.readTree(flags.get("backup-plan"));
                List<software.amazon.awssdk.services.backup.model.BackupRuleInput> rules = new ArrayList<>();
                doc.path("Rules").forEach(r -> rules.add(software.amazon.awssdk.services.backup.model.BackupRuleInput
                        .builder().ruleName(r.path("RuleName").asText())
                        .targetBackupVaultName(r.path("TargetBackupVaultName").asText())
                        .scheduleExpression(r.path("ScheduleExpression").asText(null))
                        .startWindowMinutes(r.has("StartWindowMinutes") ? r.get("StartWindowMinutes").asLong() : null)
                        .lifecycle(r.has("Lifecycle") ? software.amazon.awssdk.services.backup.model.Lifecycle.builder()
                                .deleteAfterDays(r.path("Lifecycle").path("DeleteAfterDays").asLong()).build() : null)
                        .build()));
                try (BackupClient backup = client(BackupClient.builder(), sim, region)) {
                    String id = backup.createBackupPlan(b -> b.backupPlan(p -> p.backupPlanName(
                            doc.path("BackupPlanName").asText()).rules(rules))).backupPlanId();
                    planIds.put("replay-plan-" + number, id);
                }
            }
            case "backup delete-backup-selection" -> {
                try (BackupClient backup = client(BackupClient.builder(), sim, region)) {
                    backup.deleteBackupSelection(b -> b.backupPlanId(flags.get("backup-plan-id"))
                            .selectionId(flags.get("selection-id")));
                }
            }
            case "backup create-backup-selection" -> {
                JsonNode s = MAPPER.readTree(flags.get("backup-selection"));
                List<String> resources = strings(s.path("Resources"));
                List<String> notResources = strings(s.path("NotResources"));
                List<software.amazon.awssdk.services.backup.model.Condition> tags = new ArrayList<>();
                s.path("ListOfTags").forEach(t -> tags.add(software.amazon.awssdk.services.backup.model.Condition
                        .builder().conditionType(t.path("ConditionType").asText()).conditionKey(t.path("ConditionKey")
                                .asText()).conditionValue(t.path("ConditionValue").asText()).build()));
                software.amazon.awssdk.services.backup.model.Conditions.Builder conditions =
                        software.amazon.awssdk.services.backup.model.Conditions.builder();
                conditions.stringEquals(parameters(s.path("Conditions").path("StringEquals")))
                        .stringNotEquals(parameters(s.path("Conditions").path("StringNotEquals")))
                        .stringLike(parameters(s.path("Conditions").path("StringLike")))
                        .stringNotLike(parameters(s.path("Conditions").path("StringNotLike")));
                String planId = planIds.getOrDefault(flags.get("backup-plan-id"), flags.get("backup-plan-id"));
                try (BackupClient backup = client(BackupClient.builder(), sim, region)) {
                    backup.createBackupSelection(b -> b.backupPlanId(planId).backupSelection(
                            sel -> sel.selectionName(s.path("SelectionName").asText())
                                    .iamRoleArn(s.path("IamRoleArn").asText()).resources(resources)
                                    .notResources(notResources).listOfTags(tags).conditions(conditions.build())));
                }
            }
            case "dynamodb update-continuous-backups" -> {
                Map<String, String> spec = new LinkedHashMap<>();
                for (String pair : flags.get("point-in-time-recovery-specification").split(",")) {
                    String[] kv = pair.split("=", 2);
                    spec.put(kv[0], kv[1]);
                }
                try (DynamoDbClient dynamo = client(DynamoDbClient.builder(), sim, region)) {
                    dynamo.updateContinuousBackups(b -> b.tableName(flags.get("table-name"))
                            .pointInTimeRecoverySpecification(p -> p
                                    .pointInTimeRecoveryEnabled(Boolean.parseBoolean(spec.get("PointInTimeRecoveryEnabled")))
                                    .recoveryPeriodInDays(Integer.valueOf(spec.get("RecoveryPeriodInDays")))));
                }
            }
            case "dynamodb tag-resource" -> {
                List<Tag> tags = new ArrayList<>();
                String given = flags.get("tags");
                if (given.startsWith("[")) {
                    MAPPER.readTree(given).forEach(t -> tags.add(Tag.builder().key(t.path("Key").asText())
                            .value(t.path("Value").asText()).build()));
                } else {
                    // shorthand: Key=k,Value=v (the fixes write it only with plain keys and values)
                    Map<String, String> kv = new LinkedHashMap<>();
                    for (String pair : given.split(",")) {
                        String[] parts = pair.split("=", 2);
                        kv.put(parts[0], parts[1]);
                    }
                    tags.add(Tag.builder().key(kv.get("Key")).value(kv.get("Value")).build());
                }
                try (DynamoDbClient dynamo = client(DynamoDbClient.builder(), sim, region)) {
                    dynamo.tagResource(b -> b.resourceArn(flags.get("resource-arn")).tags(tags));
                }
            }
            case "dax create-cluster" -> {
                Map<String, String> sse = new LinkedHashMap<>();
                for (String pair : flags.get("sse-specification").split(",")) {
                    String[] kv = pair.split("=", 2);
                    sse.put(kv[0], kv[1]);
                }
                try (DaxClient dax = client(DaxClient.builder(), sim, region)) {
                    dax.createCluster(b -> b.clusterName(flags.get("cluster-name")).nodeType(flags.get("node-type"))
                            .replicationFactor(Integer.valueOf(flags.get("replication-factor")))
                            .iamRoleArn(flags.get("iam-role-arn")).subnetGroupName(flags.get("subnet-group-name"))
                            .parameterGroupName(flags.get("parameter-group-name"))
                            .securityGroupIds(values(call, "security-group-ids"))
                            .sseSpecification(x -> x.enabled(Boolean.valueOf(sse.get("Enabled"))))
                            .clusterEndpointEncryptionType(flags.get("cluster-endpoint-encryption-type")));
                }
            }
            case "dax delete-cluster" -> {
                try (DaxClient dax = client(DaxClient.builder(), sim, region)) {
                    dax.deleteCluster(b -> b.clusterName(flags.get("cluster-name")));
                }
            }
            default -> fail("the simulator cannot apply " + call);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<software.amazon.awssdk.services.backup.model.ConditionParameter> parameters(JsonNode array) {
        List<software.amazon.awssdk.services.backup.model.ConditionParameter> out = new ArrayList<>();
        array.forEach(n -> out.add(software.amazon.awssdk.services.backup.model.ConditionParameter.builder()
                .conditionKey(n.path("ConditionKey").asText()).conditionValue(n.path("ConditionValue").asText()).build()));
        return out;
    }

    /** Every word after {@code --name} up to the next option (a list flag given as several words). */
    private static List<String> values(List<String> call, String name) {
        List<String> out = new ArrayList<>();
        int at = call.indexOf("--" + name);
        for (int i = at + 1; at >= 0 && i < call.size() && !call.get(i).startsWith("--"); i++) {
            out.add(call.get(i));
        }
        return out;
    }

    /** {@code --name value} pairs of one call. */
    private static Map<String, String> flags(List<String> call) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 2; i < call.size(); i++) {
            if (call.get(i).startsWith("--") && i + 1 < call.size() && !call.get(i + 1).startsWith("--")) {
                out.put(call.get(i).substring(2), call.get(i + 1));
                i++;
            }
        }
        return out;
    }

    private static <B extends AwsClientBuilder<B, C>, C> C client(B builder, AccountSimulator sim, String region) {
        return builder.endpointOverride(sim.endpoint()).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .build();
    }

    private static Path folder() throws URISyntaxException {
        return Path.of(CauseFixReplayTest.class.getResource("/scenarios/README.md").toURI()).getParent();
    }
}
