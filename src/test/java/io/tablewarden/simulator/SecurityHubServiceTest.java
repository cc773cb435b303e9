package io.tablewarden.simulator;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.ImportFindingsError;
import software.amazon.awssdk.services.securityhub.model.InvalidInputException;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The simulator's BatchImportFindings refuses, finding by finding, what AWS documents it refuses. */
class SecurityHubServiceTest {

    private static final String ACCOUNT = "111122223333";
    private static final String PRODUCT = "arn:aws:securityhub:eu-west-1:" + ACCOUNT + ":product/" + ACCOUNT
            + "/default";

    private static AwsSecurityFinding finding(String id, String account, String productArn) {
        return AwsSecurityFinding.builder().schemaVersion("2018-10-08").id(id).productArn(productArn)
                .generatorId("check").awsAccountId(account).types("Software and Configuration Checks")
                .createdAt("2026-12-07T00:00:00Z").updatedAt("2026-12-07T00:00:00Z")
                .severity(s -> s.label("MEDIUM")).title("t").description("d")
                .resources(r -> r.type("AwsDynamoDbTable").id("arn:aws:dynamodb:eu-west-1:" + account + ":table/t"))
                .build();
    }

    @Test
    void eachRefusedFindingIsNamedWithItsReasonAndTheOthersAreKept() throws Exception {
        try (AccountSimulator sim = AccountSimulator.startDemo();
             SecurityHubClient hub = SecurityHubClient.builder().region(Region.EU_WEST_1)
                     .endpointOverride(sim.endpoint()).httpClient(ApacheHttpClient.create())
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDHUB", "x")))
                     .build()) {
            BatchImportFindingsResponse answer = hub.batchImportFindings(b -> b.findings(
                    finding("ok", ACCOUNT, PRODUCT),
                    finding("other-account", "444455556666", PRODUCT),
                    finding("other-region", ACCOUNT, PRODUCT.replace("eu-west-1", "us-east-1"))));
            assertEquals(1, answer.successCount());
            assertEquals(List.of("other-account AccessDenied", "other-region InvalidProductArn"),
                    answer.failedFindings().stream().map(f -> f.id() + " " + f.errorCode()).toList());
            assertEquals(List.of("ok"), sim.securityHubFindings("eu-west-1").stream()
                    .map(f -> f.path("Id").asText()).toList());
            answer.failedFindings().stream().map(ImportFindingsError::errorMessage)
                    .forEach(message -> assertEquals(false, message.isBlank()));

            AwsSecurityFinding one = finding("many", ACCOUNT, PRODUCT);
            assertThrows(InvalidInputException.class,
                    () -> hub.batchImportFindings(b -> b.findings(Collections.nCopies(101, one))));
        }
    }
}
