package io.tablewarden.simulator;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.RecoveryPointByResource;
import software.amazon.awssdk.services.dax.DaxClient;
import software.amazon.awssdk.services.dax.model.Cluster;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PolicyNotFoundException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared example fixture served end to end, plus the start variants. */
class SimulatorExampleFixtureTest {

    private static final String REGION = "eu-north-1";

    @Test
    void exampleAccountIsServedAsWritten(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("example-account.json");
        Files.writeString(file, SimulatorTestSupport.resource("example-account.json"));
        AccountSimulator.validate(file);
        try (AccountSimulator sim = AccountSimulator.start(file, 0);
             StsClient sts = SimulatorTestSupport.client(StsClient.builder(), sim, REGION);
             Ec2Client ec2 = SimulatorTestSupport.client(Ec2Client.builder(), sim, REGION);
             DynamoDbClient ddb = SimulatorTestSupport.client(DynamoDbClient.builder(), sim, REGION);
             ApplicationAutoScalingClient aas = SimulatorTestSupport.client(ApplicationAutoScalingClient.builder(), sim, REGION);
             BackupClient backup = SimulatorTestSupport.client(BackupClient.builder(), sim, REGION);
             DaxClient dax = SimulatorTestSupport.client(DaxClient.builder(), sim, REGION);
             KmsClient kms = SimulatorTestSupport.client(KmsClient.builder(), sim, REGION)) {
            assertEquals("210987654321", sts.getCallerIdentity().account());
            assertEquals(List.of(REGION), ec2.describeRegions().regions().stream()
                    .map(software.amazon.awssdk.services.ec2.model.Region::regionName).collect(Collectors.toList()));
            assertEquals(List.of("invoices", "scratch"), ddb.listTablesPaginator().tableNames().stream().collect(Collectors.toList()));
            var invoices = ddb.describeTable(b -> b.tableName("invoices")).table();
            assertEquals("by-customer", invoices.globalSecondaryIndexes().get(0).indexName());
            assertTrue(invoices.deletionProtectionEnabled());
            assertThrows(PolicyNotFoundException.class, () -> ddb.getResourcePolicy(b -> b.resourceArn(invoices.tableArn())));
            assertTrue(ddb.getResourcePolicy(b -> b.resourceArn("arn:aws:dynamodb:eu-north-1:210987654321:table/scratch"))
                    .policy().contains("123123123123"));
            assertEquals("billing", ddb.listTagsOfResource(b -> b.resourceArn(invoices.tableArn())).tags().get(0).value());
            assertEquals(2, aas.describeScalingPoliciesPaginator(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB))
                    .scalingPolicies().stream().count());
            assertEquals("sel-0001", backup.listBackupSelections(b -> b.backupPlanId("5b1d6c2e-aaaa-4bbb-8ccc-000000000001"))
                    .backupSelectionsList().get(0).selectionId());
            List<RecoveryPointByResource> points = backup.listRecoveryPointsByResource(b -> b.resourceArn(invoices.tableArn()))
                    .recoveryPoints();
            assertEquals(Instant.ofEpochSecond(1735707600), points.get(0).creationDate());
            Cluster cache = dax.describeClusters(b -> b.clusterNames("session-cache")).clusters().get(0);
            assertEquals("NONE", cache.clusterEndpointEncryptionTypeAsString());
            assertEquals("CUSTOMER", kms.describeKey(b -> b.keyId(invoices.sseDescription().kmsMasterKeyArn()))
                    .keyMetadata().keyManagerAsString());
        }
    }

    @Test
    void recoveryPointsCanBeShiftedToLookRecent() throws Exception {
        long before = Instant.now().getEpochSecond();
        try (AccountSimulator sim = SimulatorTestSupport.start(SimulatorOptions.builder().shiftRecoveryPointsToNow(true).build());
             BackupClient backup = SimulatorTestSupport.client(BackupClient.builder(), sim, "us-east-1")) {
            long after = Instant.now().getEpochSecond();
            List<RecoveryPointByResource> points = backup.listRecoveryPointsByResourcePaginator(
                    b -> b.resourceArn("arn:aws:dynamodb:us-east-1:123456789012:table/orders"))
                    .recoveryPoints().stream().collect(Collectors.toList());
            long newest = points.stream().mapToLong(p -> p.creationDate().getEpochSecond()).max().orElseThrow();
            assertTrue(newest >= before - 3600 && newest <= after - 3600, "newest creation " + newest);
            // relative ages are kept: the fixture spaces these points one day apart
            assertEquals(86400, points.get(1).creationDate().getEpochSecond() - points.get(0).creationDate().getEpochSecond());
        }
    }

    @Test
    void aMissingFileIsAnIoError() {
        assertThrows(IOException.class, () -> AccountSimulator.start(Path.of("does-not-exist.json"), 0));
    }

    @Test
    void closeFreesThePort() throws Exception {
        AccountSimulator sim = SimulatorTestSupport.start();
        int port = sim.port();
        sim.close();
        try (AccountSimulator again = SimulatorTestSupport.start(SimulatorOptions.builder().port(port).build())) {
            assertEquals(port, again.port());
        }
    }
}
