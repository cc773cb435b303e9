package io.tablewarden.publish;

import io.tablewarden.engine.aws.ReadOnlyGuard;
import io.tablewarden.engine.aws.ReadOnlyViolationException;
import io.tablewarden.simulator.AccountSimulator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scan's clients cannot publish and the publishing client can do nothing else: each guard refuses before
 * anything is sent, so the simulator never sees the call.
 */
class PublishGuardTest {

    private static SecurityHubClient client(AccountSimulator sim, ExecutionInterceptor guard) {
        return SecurityHubClient.builder().region(Region.US_EAST_1).endpointOverride(sim.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDGUARD", "x")))
                .httpClient(ApacheHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(guard))
                .build();
    }

    @Test
    void thePublishingPolicyGrantsTheImportAndNothingElse() throws Exception {
        com.fasterxml.jackson.databind.JsonNode policy = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.nio.file.Path.of("docs/iam-policy-publish.json").toFile());
        assertEquals(1, policy.get("Statement").size());
        com.fasterxml.jackson.databind.JsonNode statement = policy.get("Statement").get(0);
        assertEquals("Allow", statement.get("Effect").asText());
        assertEquals(PublishGuard.IAM_ACTION, statement.get("Action").asText());
        assertTrue(io.tablewarden.engine.aws.ReadOnlyAllowlist.find(PublishGuard.SERVICE, PublishGuard.OPERATION)
                .isEmpty(), "the scan's allowlist does not hold the import");
        assertTrue(!io.tablewarden.engine.aws.ReadOnlyAllowlist.allowsIamAction(PublishGuard.IAM_ACTION));
    }

    @Test
    void theScansReadOnlyGuardRefusesToImportFindings() throws Exception {
        try (AccountSimulator sim = AccountSimulator.startDemo();
             SecurityHubClient scanning = client(sim, new ReadOnlyGuard())) {
            ReadOnlyViolationException refused = assertThrows(ReadOnlyViolationException.class,
                    () -> scanning.batchImportFindings(b -> b.findings(java.util.List.of())));
            assertTrue(refused.getMessage().contains("BatchImportFindings"), refused.getMessage());
            assertEquals(0, sim.requestCount(), "nothing was sent");
        }
    }

    @Test
    void thePublishingGuardRefusesEverythingElse() throws Exception {
        try (AccountSimulator sim = AccountSimulator.startDemo();
             SecurityHubClient publishing = client(sim, new PublishGuard())) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> publishing.getFindings(b -> b.maxResults(1)));
            assertEquals("refused SecurityHub GetFindings: publishing may only call securityhub:BatchImportFindings",
                    refused.getMessage());
            assertThrows(IllegalStateException.class, () -> publishing.batchUpdateFindings(b -> b.note(n -> n
                    .text("x").updatedBy("y"))));
            assertEquals(0, sim.requestCount(), "nothing was sent");
        }
    }
}
