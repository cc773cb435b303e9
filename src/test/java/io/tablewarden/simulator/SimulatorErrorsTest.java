package io.tablewarden.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.dax.DaxClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Region isolation, disabled regions and the special test credentials, per protocol. */
class SimulatorErrorsTest {

    private static AccountSimulator sim;

    @BeforeAll
    static void startSimulator() throws Exception {
        sim = SimulatorTestSupport.start();
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @Test
    void regionsAreIndependent() {
        try (DynamoDbClient eu = SimulatorTestSupport.client(DynamoDbClient.builder(), sim, "eu-west-1");
             KmsClient euKms = SimulatorTestSupport.client(KmsClient.builder(), sim, "eu-west-1")) {
            assertEquals(List.of("alpha"), eu.listTables().tableNames());
            assertEquals("arn:aws:dynamodb:eu-west-1:123456789012:table/alpha",
                    eu.describeTable(b -> b.tableName("alpha")).table().tableArn());
            assertThrows(software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.class,
                    () -> eu.describeTable(b -> b.tableName("orders")));
            assertEquals("arn:aws:kms:eu-west-1:123456789012:key/key-eu",
                    euKms.describeKey(b -> b.keyId("alias/orders")).keyMetadata().arn());
        }
    }

    @Test
    void anEnabledRegionWithoutDataIsEmpty() {
        String region = "ap-south-1";
        try (DynamoDbClient ddb = SimulatorTestSupport.client(DynamoDbClient.builder(), sim, region);
             BackupClient backup = SimulatorTestSupport.client(BackupClient.builder(), sim, region);
             DaxClient dax = SimulatorTestSupport.client(DaxClient.builder(), sim, region);
             KmsClient kms = SimulatorTestSupport.client(KmsClient.builder(), sim, region);
             ApplicationAutoScalingClient aas = SimulatorTestSupport.client(ApplicationAutoScalingClient.builder(), sim, region)) {
            assertTrue(ddb.listTables().tableNames().isEmpty());
            assertTrue(backup.listBackupPlans(b -> { }).backupPlansList().isEmpty());
            assertTrue(backup.describeRegionSettings(b -> { }).resourceTypeOptInPreference().isEmpty());
            assertTrue(dax.describeClusters(b -> { }).clusters().isEmpty());
            assertTrue(kms.listAliases().aliases().isEmpty());
            assertTrue(aas.describeScalableTargets(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB)).scalableTargets().isEmpty());
        }
    }

    @Test
    void aDisabledRegionAnswersUnrecognizedClientInEveryProtocol() {
        String region = "us-west-2";
        try (DynamoDbClient ddb = SimulatorTestSupport.noRetryClient(DynamoDbClient.builder(), sim, region, "AKID");
             BackupClient backup = SimulatorTestSupport.noRetryClient(BackupClient.builder(), sim, region, "AKID");
             DaxClient dax = SimulatorTestSupport.noRetryClient(DaxClient.builder(), sim, region, "AKID");
             KmsClient kms = SimulatorTestSupport.noRetryClient(KmsClient.builder(), sim, region, "AKID");
             Ec2Client ec2 = SimulatorTestSupport.noRetryClient(Ec2Client.builder(), sim, region, "AKID");
             StsClient sts = SimulatorTestSupport.noRetryClient(StsClient.builder(), sim, region, "AKID")) {
            // the account has not enabled us-west-2 (a fixture may not even hold data for it)
            assertError("UnrecognizedClientException", 400, ddb::listTables);
            assertError("UnrecognizedClientException", 403, () -> backup.listBackupPlans(b -> { }));
            assertError("UnrecognizedClientException", 400, () -> dax.describeClusters(b -> { }));
            assertError("UnrecognizedClientException", 400, kms::listAliases);
            assertError("AuthFailure", 401, ec2::describeRegions);
            assertEquals(SimulatorTestSupport.ACCOUNT, sts.getCallerIdentity().account());
        }
    }

    @Test
    void expiredCredentialsAnswerTheExpiredTokenErrorOfEachProtocol() {
        String key = "EXPIREDKEY1";
        try (DynamoDbClient ddb = SimulatorTestSupport.noRetryClient(DynamoDbClient.builder(), sim, "us-east-1", key);
             BackupClient backup = SimulatorTestSupport.noRetryClient(BackupClient.builder(), sim, "us-east-1", key);
             KmsClient kms = SimulatorTestSupport.noRetryClient(KmsClient.builder(), sim, "us-east-1", key);
             Ec2Client ec2 = SimulatorTestSupport.noRetryClient(Ec2Client.builder(), sim, "us-east-1", key);
             StsClient sts = SimulatorTestSupport.noRetryClient(StsClient.builder(), sim, "us-east-1", key)) {
            assertError("ExpiredTokenException", 400, ddb::listTables);
            assertError("ExpiredTokenException", 403, () -> backup.describeRegionSettings(b -> { }));
            assertError("ExpiredTokenException", 400, kms::listAliases);
            assertError("ExpiredToken", 400, ec2::describeRegions);
            assertError("ExpiredToken", 403, sts::getCallerIdentity);
        }
    }

    @Test
    void invalidCredentialsAreNotRecognised() {
        String key = "INVALIDKEY1";
        try (DynamoDbClient ddb = SimulatorTestSupport.noRetryClient(DynamoDbClient.builder(), sim, "us-east-1", key);
             StsClient sts = SimulatorTestSupport.noRetryClient(StsClient.builder(), sim, "us-east-1", key)) {
            assertError("UnrecognizedClientException", 400, ddb::listTables);
            assertError("InvalidClientTokenId", 403, sts::getCallerIdentity);
        }
    }

    @Test
    void eachRejectedCallIsCountedOnce() {
        try (DynamoDbClient ddb = SimulatorTestSupport.client(DynamoDbClient.builder(), sim, "us-west-2")) {
            long before = sim.requestCount("dynamodb:ListTables");
            assertThrows(AwsServiceException.class, ddb::listTables);
            // an unrecognised client is not retried by the SDK, so exactly one request arrives
            assertEquals(before + 1, sim.requestCount("dynamodb:ListTables"));
        }
        try (Ec2Client ec2 = SimulatorTestSupport.client(Ec2Client.builder(), sim, "us-west-2")) {
            long before = sim.requestCount("ec2:DescribeRegions");
            assertThrows(AwsServiceException.class, ec2::describeRegions);
            // AuthFailure is also a clock-skew code; with our Date header the SDK sees no skew and does not retry
            assertEquals(before + 1, sim.requestCount("ec2:DescribeRegions"));
        }
    }

    static void assertError(String code, int status, Executable call) {
        AwsServiceException e = assertThrows(AwsServiceException.class, call);
        assertEquals(code, e.awsErrorDetails().errorCode(), e.getMessage());
        assertEquals(status, e.statusCode(), e.getMessage());
    }
}
