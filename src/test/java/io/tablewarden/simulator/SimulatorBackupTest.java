package io.tablewarden.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupPlansListMember;
import software.amazon.awssdk.services.backup.model.BackupSelectionsListMember;
import software.amazon.awssdk.services.backup.model.BackupVaultListMember;
import software.amazon.awssdk.services.backup.model.DescribeBackupVaultResponse;
import software.amazon.awssdk.services.backup.model.GetBackupPlanResponse;
import software.amazon.awssdk.services.backup.model.GetBackupSelectionResponse;
import software.amazon.awssdk.services.backup.model.RecoveryPointByResource;
import software.amazon.awssdk.services.backup.model.ResourceNotFoundException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AWS Backup REST routes through the real SDK client. */
class SimulatorBackupTest {

    private static final String ORDERS = "arn:aws:dynamodb:us-east-1:123456789012:table/orders";

    private static AccountSimulator sim;
    private static BackupClient backup;

    @BeforeAll
    static void startSimulator() throws Exception {
        sim = SimulatorTestSupport.start();
        backup = SimulatorTestSupport.client(BackupClient.builder(), sim, "us-east-1");
    }

    @AfterAll
    static void stopSimulator() {
        backup.close();
        sim.close();
    }

    @Test
    void recoveryPointsOfAVaultAreFilteredByTheirCreatorAndCarryIt() throws Exception {
        try (AccountSimulator demo = AccountSimulator.startDemo(SimulatorOptions.defaults());
             BackupClient client = SimulatorTestSupport.client(BackupClient.builder(), demo, "us-east-1")) {
            String legacy = "8591a951-7d4b-400d-9483-619bb127a88a";
            List<software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault> points = client
                    .listRecoveryPointsByBackupVault(b -> b.backupVaultName("Default").byBackupPlanId(legacy)
                            .byResourceType("DynamoDB")).recoveryPoints();
            assertEquals(2, points.size());
            points.forEach(p -> {
                assertEquals("arn:aws:dynamodb:us-east-1:111122223333:table/customer-exports", p.resourceArn());
                assertEquals(legacy, p.createdBy().backupPlanId());
                assertEquals("DynamoDB", p.resourceType());
            });
            assertEquals(0, client.listRecoveryPointsByBackupVault(b -> b.backupVaultName("Default")
                    .byBackupPlanId(legacy).byResourceType("EBS")).recoveryPoints().size());
            assertTrue(client.listRecoveryPointsByBackupVault(b -> b.backupVaultName("Default")).recoveryPoints().size()
                    > 2, "without a filter, every point of the vault");
            // the deleted plan's last version is still readable, with its deletion date
            assertEquals(Instant.ofEpochSecond(1735689600), client.getBackupPlan(b -> b.backupPlanId(legacy)
                    .versionId("c46878cbbd4accf05a4c45798255c5290ab4d889")).deletionDate());
        }
    }

    @Test
    void listBackupPlansLeavesOutDeletedPlansUnlessAsked() {
        List<String> live = backup.listBackupPlansPaginator(b -> { }).backupPlansList().stream()
                .map(BackupPlansListMember::backupPlanId).collect(Collectors.toList());
        assertEquals(List.of("plan-0", "plan-1", "plan-3", "plan-4"), live);
        List<BackupPlansListMember> all = backup.listBackupPlansPaginator(b -> b.includeDeleted(true)).backupPlansList()
                .stream().collect(Collectors.toList());
        assertEquals(5, all.size());
        assertEquals(Instant.ofEpochSecond(1736000000), all.get(2).deletionDate());
        assertEquals("plan 0", all.get(0).backupPlanName());
        assertEquals(2, backup.listBackupPlans(b -> { }).backupPlansList().size());
        assertEquals(4, backup.listBackupPlans(b -> b.maxResults(1000)).backupPlansList().size());
    }

    @Test
    void pageSizesCanBeSetPerOperation() throws Exception {
        SimulatorOptions options = SimulatorOptions.builder().pageSize(50).pageSize("backup:ListBackupPlans", 1).build();
        try (AccountSimulator own = SimulatorTestSupport.start(options);
             BackupClient client = SimulatorTestSupport.client(BackupClient.builder(), own, "us-east-1")) {
            assertEquals(1, client.listBackupPlans(b -> { }).backupPlansList().size());
            assertEquals(4, client.listBackupPlansPaginator(b -> { }).backupPlansList().stream().count());
            // one single call plus four one-plan pages
            assertEquals(5, own.requestCount("backup:ListBackupPlans"));
            assertEquals(4, client.listBackupVaults(b -> { }).backupVaultList().size());
        }
    }

    @Test
    void getBackupPlanReturnsRules() {
        GetBackupPlanResponse plan = backup.getBackupPlan(b -> b.backupPlanId("plan-1"));
        assertEquals("arn:aws:backup:us-east-1:123456789012:backup-plan:plan-1", plan.backupPlanArn());
        assertEquals("locked", plan.backupPlan().rules().get(0).targetBackupVaultName());
        assertEquals(35L, plan.backupPlan().rules().get(0).lifecycle().deleteAfterDays());
        assertThrows(ResourceNotFoundException.class, () -> backup.getBackupPlan(b -> b.backupPlanId("nope")));
    }

    @Test
    void selectionsArePagedAndReadOneByOne() {
        List<BackupSelectionsListMember> sels = backup.listBackupSelectionsPaginator(b -> b.backupPlanId("plan-0"))
                .backupSelectionsList().stream().collect(Collectors.toList());
        assertEquals(5, sels.size());
        assertEquals("plan-0", sels.get(0).backupPlanId());
        assertEquals("selection-0.0", sels.get(0).selectionName());
        GetBackupSelectionResponse one = backup.getBackupSelection(b -> b.backupPlanId("plan-0").selectionId("sel-0-0"));
        assertEquals(List.of(ORDERS), one.backupSelection().resources());
        GetBackupSelectionResponse tagged = backup.getBackupSelection(b -> b.backupPlanId("plan-0").selectionId("sel-0-1"));
        assertEquals("env", tagged.backupSelection().listOfTags().get(0).conditionKey());
        assertThrows(ResourceNotFoundException.class,
                () -> backup.getBackupSelection(b -> b.backupPlanId("plan-0").selectionId("nope")));
    }

    @Test
    void regionSettings() {
        Map<String, Boolean> optIn = backup.describeRegionSettings(b -> { }).resourceTypeOptInPreference();
        assertEquals(Map.of("DynamoDB", true, "EBS", false), optIn);
    }

    @Test
    void recoveryPointsOfOneResourceDecodeTheArnLabel() {
        List<RecoveryPointByResource> points = backup.listRecoveryPointsByResourcePaginator(b -> b.resourceArn(ORDERS))
                .recoveryPoints().stream().collect(Collectors.toList());
        assertEquals(4, points.size());
        assertEquals("locked", points.get(0).backupVaultName());
        assertTrue(backup.listRecoveryPointsByResource(
                b -> b.resourceArn("arn:aws:dynamodb:us-east-1:123456789012:table/gamma")).recoveryPoints().isEmpty());
    }

    @Test
    void vaults() {
        DescribeBackupVaultResponse locked = backup.describeBackupVault(b -> b.backupVaultName("locked"));
        assertTrue(locked.locked());
        assertEquals(7L, locked.minRetentionDays());
        assertNull(backup.describeBackupVault(b -> b.backupVaultName("Default")).minRetentionDays());
        assertThrows(ResourceNotFoundException.class, () -> backup.describeBackupVault(b -> b.backupVaultName("nope")));
        List<String> names = backup.listBackupVaultsPaginator(b -> { }).backupVaultList().stream()
                .map(BackupVaultListMember::backupVaultName).collect(Collectors.toList());
        assertEquals(List.of("Default", "locked", "archive", "spare"), names);
    }
}
