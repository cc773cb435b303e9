package io.tablewarden.simulator;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dax.DaxClient;
import software.amazon.awssdk.services.dax.model.Cluster;
import software.amazon.awssdk.services.dax.model.ClusterAlreadyExistsException;
import software.amazon.awssdk.services.dax.model.ClusterNotFoundException;
import software.amazon.awssdk.services.dax.model.InvalidClusterStateException;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DAX CreateCluster and DeleteCluster in the simulator's test-only write mode: a new cluster has the requested
 * settings, is answered as AWS answers a new cluster ({@code creating}, no nodes) and is available with its nodes
 * on the next DescribeClusters; a deleted cluster is answered {@code deleting} and gone afterwards. Without the
 * mode both calls are refused and the account stays as it was.
 */
class SimulatorDaxWritesTest {

    private static final String ROLE = "arn:aws:iam::210987654321:role/dax-cache-plain-access";

    private static Path fixture() throws Exception {
        return Path.of(SimulatorDaxWritesTest.class.getResource(
                "/scenarios/dynamodb_accelerator_cluster_encryption_enabled.json").toURI());
    }

    @Test
    void aCreatedClusterHasTheRequestedSettingsAndIsAvailableOnTheNextDescribe() throws Exception {
        try (AccountSimulator sim = AccountSimulator.start(fixture(),
                SimulatorOptions.builder().writesForTests(true).build());
             DaxClient dax = SimulatorTestSupport.noRetryClient(DaxClient.builder(), sim, "eu-west-1", "AKIDTEST")) {
            Cluster answer = dax.createCluster(b -> b.clusterName("Cache-Plain-Enc").nodeType("dax.r5.large")
                    .replicationFactor(3).iamRoleArn(ROLE).subnetGroupName("cache-plain-subnets")
                    .parameterGroupName("default.dax1.0").securityGroupIds("sg-01a96984b1b8efb8a", "sg-0aaa")
                    .sseSpecification(s -> s.enabled(true)).clusterEndpointEncryptionType("TLS")).cluster();
            // the name is stored in lower case, as AWS stores it
            assertEquals("cache-plain-enc", answer.clusterName());
            assertEquals("creating", answer.status());
            assertEquals(0, answer.activeNodes());
            assertTrue(answer.nodes().isEmpty());
            assertNull(answer.clusterDiscoveryEndpoint().url(), "no endpoint address while creating");

            Cluster c = dax.describeClusters(b -> b.clusterNames("cache-plain-enc")).clusters().get(0);
            assertEquals("available", c.status());
            assertEquals("arn:aws:dax:eu-west-1:210987654321:cache/cache-plain-enc", c.clusterArn());
            assertEquals("dax.r5.large", c.nodeType());
            assertEquals(3, c.totalNodes());
            assertEquals(3, c.activeNodes());
            assertEquals(List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"),
                    c.nodes().stream().map(n -> n.availabilityZone()).toList());
            assertEquals(ROLE, c.iamRoleArn());
            assertEquals("cache-plain-subnets", c.subnetGroup());
            assertEquals("default.dax1.0", c.parameterGroup().parameterGroupName());
            assertEquals(List.of("sg-01a96984b1b8efb8a", "sg-0aaa"),
                    c.securityGroups().stream().map(g -> g.securityGroupIdentifier()).toList());
            assertEquals("ENABLED", c.sseDescription().statusAsString());
            assertEquals("TLS", c.clusterEndpointEncryptionTypeAsString());
            assertTrue(c.clusterDiscoveryEndpoint().url().startsWith("daxs://"));
            assertEquals(6, dax.describeClusters(b -> { }).clusters().size(), "five from the fixture and the new one");

            Cluster plain = dax.createCluster(b -> b.clusterName("plain-one").nodeType("dax.t3.small")
                    .replicationFactor(1).iamRoleArn(ROLE)).cluster();
            assertEquals("DISABLED", plain.sseDescription().statusAsString(), "no SSESpecification: off");
            assertEquals("NONE", plain.clusterEndpointEncryptionTypeAsString(), "no endpoint encryption type: NONE");

            assertThrows(ClusterAlreadyExistsException.class, () -> dax.createCluster(b -> b.clusterName("cache-plain")
                    .nodeType("dax.r5.large").replicationFactor(1).iamRoleArn(ROLE)));
            for (String bad : List.of("1cache", "cache--x", "cache-", "a-name-longer-than-twenty")) {
                AwsServiceException e = assertThrows(AwsServiceException.class, () -> dax.createCluster(b -> b
                        .clusterName(bad).nodeType("dax.r5.large").replicationFactor(1).iamRoleArn(ROLE)), bad);
                assertEquals("InvalidParameterValueException", e.awsErrorDetails().errorCode(), bad);
            }
        }
    }

    @Test
    void aDeletedClusterIsAnsweredDeletingThenGone() throws Exception {
        try (AccountSimulator sim = AccountSimulator.start(fixture(),
                SimulatorOptions.builder().writesForTests(true).build());
             DaxClient dax = SimulatorTestSupport.noRetryClient(DaxClient.builder(), sim, "eu-west-1", "AKIDTEST")) {
            Cluster answer = dax.deleteCluster(b -> b.clusterName("cache-plain")).cluster();
            assertEquals("deleting", answer.status());
            assertTrue(answer.nodes().isEmpty());
            assertThrows(ClusterNotFoundException.class,
                    () -> dax.describeClusters(b -> b.clusterNames("cache-plain")));
            assertFalse(dax.describeClusters(b -> { }).clusters().stream()
                    .anyMatch(c -> c.clusterName().equals("cache-plain")));
            assertThrows(ClusterNotFoundException.class, () -> dax.deleteCluster(b -> b.clusterName("cache-plain")));
            // a cluster that is not available (already deleting, still creating) cannot be deleted
            assertThrows(InvalidClusterStateException.class,
                    () -> dax.deleteCluster(b -> b.clusterName("cache-retiring")));
            assertThrows(InvalidClusterStateException.class,
                    () -> dax.deleteCluster(b -> b.clusterName("cache-creating")));
        }
    }

    @Test
    void withoutTheTestModeBothCallsAreRefusedAndNothingChanges() throws Exception {
        try (AccountSimulator sim = AccountSimulator.start(fixture(), SimulatorOptions.defaults());
             DaxClient dax = SimulatorTestSupport.noRetryClient(DaxClient.builder(), sim, "eu-west-1", "AKIDTEST")) {
            AwsServiceException create = assertThrows(AwsServiceException.class, () -> dax.createCluster(b -> b
                    .clusterName("cache-plain-enc").nodeType("dax.r5.large").replicationFactor(1).iamRoleArn(ROLE)
                    .sseSpecification(s -> s.enabled(true))));
            assertEquals("UnknownOperationException", create.awsErrorDetails().errorCode());
            AwsServiceException delete = assertThrows(AwsServiceException.class,
                    () -> dax.deleteCluster(b -> b.clusterName("cache-plain")));
            assertEquals("UnknownOperationException", delete.awsErrorDetails().errorCode());
            List<Cluster> clusters = dax.describeClusters(b -> { }).clusters();
            assertEquals(5, clusters.size());
            Cluster plain = clusters.stream().filter(c -> c.clusterName().equals("cache-plain")).findFirst().orElseThrow();
            assertEquals("available", plain.status());
            assertNull(clusters.stream().filter(c -> c.clusterName().equals("cache-plain-enc")).findFirst().orElse(null));
        }
    }
}
