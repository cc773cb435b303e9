package io.tablewarden.engine.aws;

import io.tablewarden.engine.ConnectionSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AwsClientFactoryTest {

    private static final ClientTuning TUNING = ClientTuning.of(4, Duration.ofSeconds(5), 2);

    @Test
    void guardRefusesWriteCallsBeforeAnythingIsSent() throws Exception {
        try (StubAwsServer server = new StubAwsServer();
             AwsClientFactory factory = new AwsClientFactory(ConnectionSettings.forSimulator(server.endpoint()),
                     TUNING, new CallMetrics())) {
            DynamoDbClient dynamo = factory.dynamoDb("eu-west-1");
            RuntimeException refused = assertThrows(RuntimeException.class,
                    () -> dynamo.deleteTable(b -> b.tableName("orders")));
            assertTrue(String.valueOf(refused.getMessage()).contains("DeleteTable"), refused.getMessage());
            assertTrue(server.targets.isEmpty(), "no request may reach the server: " + server.targets);

            dynamo.listTables();
            assertEquals(List.of("DynamoDB_20120810.ListTables"), server.targets);
        }
    }

    @Test
    void metricsCountAttemptsPerOperation() throws Exception {
        CallMetrics metrics = new CallMetrics();
        try (StubAwsServer server = new StubAwsServer();
             AwsClientFactory factory = new AwsClientFactory(ConnectionSettings.forSimulator(server.endpoint()),
                     TUNING, metrics)) {
            factory.dynamoDb("eu-west-1").listTables();
            factory.dynamoDb("eu-west-1").listTables();
        }
        assertEquals(2L, metrics.attemptsByOperation().get("dynamodb:ListTables"));
        assertEquals(0, metrics.retries());
        assertEquals(0, metrics.inFlight());
        assertEquals(1, metrics.maxInFlight());
    }

    @Test
    void endpointUrlOfTheNamedProfileIsUsed(@TempDir Path dir) throws Exception {
        try (StubAwsServer server = new StubAwsServer()) {
            Path config = dir.resolve("config");
            Files.writeString(config, "[profile auditor]\n"
                    + "region = eu-central-1\n"
                    + "endpoint_url = " + server.endpoint() + "\n"
                    + "aws_access_key_id = AKIDPROFILE000000000\n"
                    + "aws_secret_access_key = profile-secret\n");
            ProfileFile profiles = ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build();
            ConnectionSettings settings = new ConnectionSettings("auditor", null, null, null);
            try (AwsClientFactory factory = new AwsClientFactory(settings, TUNING, new CallMetrics(), profiles)) {
                assertEquals("eu-central-1", factory.defaultRegion());
                factory.dynamoDb("eu-central-1").listTables();
            }
            assertEquals(List.of("DynamoDB_20120810.ListTables"), server.targets);
        }
    }
}
