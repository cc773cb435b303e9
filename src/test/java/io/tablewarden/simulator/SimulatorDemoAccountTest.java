package io.tablewarden.simulator;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupPlansListMember;
import software.amazon.awssdk.services.backup.model.BackupSelectionsListMember;
import software.amazon.awssdk.services.dax.DaxClient;
import software.amazon.awssdk.services.dax.model.Cluster;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PolicyNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.sts.StsClient;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built-in demo account, read through every SDK call a scan makes, so a demo fixture that the SDK cannot
 * unmarshal fails here rather than in front of a user.
 */
class SimulatorDemoAccountTest {

    @Test
    void theDemoAccountServesEveryCallOfAScanOrExplainsWhatIsMissing() throws Exception {
        if (AccountSimulator.class.getResource(AccountSimulator.DEMO_RESOURCE) == null) {
            IOException e = assertThrows(IOException.class, AccountSimulator::startDemo);
            assertTrue(e.getMessage().contains(AccountSimulator.DEMO_RESOURCE), e.getMessage());
            return;
        }
        long started = Instant.now().getEpochSecond();
        try (AccountSimulator sim = AccountSimulator.startDemo();
             StsClient sts = SimulatorTestSupport.client(StsClient.builder(), sim, "us-east-1");
             Ec2Client ec2 = SimulatorTestSupport.client(Ec2Client.builder(), sim, "us-east-1")) {
            assertEquals(sim.accountId(), sts.getCallerIdentity().account());
            List<String> regions = ec2.describeRegions().regions().stream()
                    .map(software.amazon.awssdk.services.ec2.model.Region::regionName).collect(Collectors.toList());
            assertFalse(regions.isEmpty());
            long newestPoint = Long.MIN_VALUE;
            for (String region : regions) {
                newestPoint = Math.max(newestPoint, scanRegion(sim, region));
            }
            if (newestPoint != Long.MIN_VALUE) {
                // recovery points were moved so the newest is an hour old whenever the demo starts
                assertTrue(newestPoint >= started - 3600 - 5 && newestPoint <= Instant.now().getEpochSecond() - 3600 + 5,
                        "newest recovery point " + newestPoint);
            }
        }
    }

    /** Makes every collector call in one region and returns the newest recovery point time seen. */
    private static long scanRegion(AccountSimulator sim, String region) {
        long newest = Long.MIN_VALUE;
        try (DynamoDbClient ddb = SimulatorTestSupport.client(DynamoDbClient.builder(), sim, region);
             ApplicationAutoScalingClient aas = SimulatorTestSupport.client(ApplicationAutoScalingClient.builder(), sim, region);
             BackupClient backup = SimulatorTestSupport.client(BackupClient.builder(), sim, region);
             DaxClient dax = SimulatorTestSupport.client(DaxClient.builder(), sim, region);
             KmsClient kms = SimulatorTestSupport.client(KmsClient.builder(), sim, region)) {
            for (String name : ddb.listTablesPaginator().tableNames()) {
                TableDescription table = ddb.describeTable(b -> b.tableName(name)).table();
                assertEquals(name, table.tableName());
                ddb.describeContinuousBackups(b -> b.tableName(name));
                try {
                    ddb.getResourcePolicy(b -> b.resourceArn(table.tableArn()));
                } catch (PolicyNotFoundException e) {
                    // most demo tables have no resource policy
                }
                ddb.listTagsOfResource(b -> b.resourceArn(table.tableArn()));
                for (var point : backup.listRecoveryPointsByResourcePaginator(b -> b.resourceArn(table.tableArn())).recoveryPoints()) {
                    newest = Math.max(newest, point.creationDate().getEpochSecond());
                }
                if (table.sseDescription() != null && table.sseDescription().kmsMasterKeyArn() != null) {
                    String key = table.sseDescription().kmsMasterKeyArn();
                    kms.describeKey(b -> b.keyId(key));
                    kms.getKeyRotationStatus(b -> b.keyId(key));
                }
            }
            aas.describeScalableTargetsPaginator(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB)).scalableTargets()
                    .forEach(t -> assertTrue(t.resourceId().startsWith("table/")));
            aas.describeScalingPoliciesPaginator(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB)).scalingPolicies()
                    .forEach(p -> assertFalse(p.policyName().isEmpty()));
            backup.describeRegionSettings(b -> { });
            for (BackupPlansListMember plan : backup.listBackupPlansPaginator(b -> b.includeDeleted(true)).backupPlansList()) {
                backup.getBackupPlan(b -> b.backupPlanId(plan.backupPlanId()));
                for (BackupSelectionsListMember sel : backup.listBackupSelectionsPaginator(
                        b -> b.backupPlanId(plan.backupPlanId())).backupSelectionsList()) {
                    backup.getBackupSelection(b -> b.backupPlanId(plan.backupPlanId()).selectionId(sel.selectionId()));
                }
                backup.getBackupPlan(b -> b.backupPlanId(plan.backupPlanId())).backupPlan().rules()
                        .forEach(rule -> backup.describeBackupVault(b -> b.backupVaultName(rule.targetBackupVaultName())));
            }
            String token = null;
            do {
                String t = token;
                var page = dax.describeClusters(b -> b.nextToken(t));
                for (Cluster c : page.clusters()) {
                    dax.listTags(b -> b.resourceName(c.clusterArn()));
                }
                token = page.nextToken();
            } while (token != null);
            for (AliasListEntry alias : kms.listAliasesPaginator().aliases()) {
                assertTrue(alias.aliasName().startsWith("alias/"));
            }
        }
        return newest;
    }
}
