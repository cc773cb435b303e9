package io.tablewarden.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ApplicationAutoScalingException;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalableTargetsResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.dax.DaxClient;
import software.amazon.awssdk.services.dax.model.Cluster;
import software.amazon.awssdk.services.dax.model.ClusterNotFoundException;
import software.amazon.awssdk.services.dax.model.InvalidArnException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.ListAliasesResponse;
import software.amazon.awssdk.services.kms.model.NotFoundException;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Application Auto Scaling, DAX and KMS through the real SDK clients. */
class SimulatorJson11ServicesTest {

    private static final String CMK_ARN = "arn:aws:kms:us-east-1:123456789012:key/key-cmk-1";

    private static AccountSimulator sim;
    private static ApplicationAutoScalingClient aas;
    private static DaxClient dax;
    private static KmsClient kms;

    @BeforeAll
    static void startSimulator() throws Exception {
        sim = SimulatorTestSupport.start();
        aas = SimulatorTestSupport.client(ApplicationAutoScalingClient.builder(), sim, "us-east-1");
        dax = SimulatorTestSupport.client(DaxClient.builder(), sim, "us-east-1");
        kms = SimulatorTestSupport.client(KmsClient.builder(), sim, "us-east-1");
    }

    @AfterAll
    static void stopSimulator() {
        aas.close();
        dax.close();
        kms.close();
        sim.close();
    }

    @Test
    void scalableTargetsArePagedAndFiltered() {
        DescribeScalableTargetsResponse first = aas.describeScalableTargets(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB));
        assertEquals(2, first.scalableTargets().size());
        assertNotNull(first.nextToken());

        List<ScalableTarget> all = aas.describeScalableTargetsPaginator(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB))
                .scalableTargets().stream().collect(Collectors.toList());
        assertEquals(7, all.size());

        List<ScalableTarget> orders = aas.describeScalableTargetsPaginator(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB)
                .resourceIds("table/orders", "table/orders/index/by-x").maxResults(50)).scalableTargets().stream()
                .collect(Collectors.toList());
        assertEquals(3, orders.size());

        List<ScalableTarget> reads = aas.describeScalableTargets(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB)
                .scalableDimension(ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS).maxResults(50)).scalableTargets();
        assertEquals(3, reads.size());
        assertEquals(10, reads.get(0).maxCapacity());

        assertTrue(aas.describeScalableTargets(b -> b.serviceNamespace(ServiceNamespace.ECS)).scalableTargets().isEmpty());
    }

    @Test
    void scalingPoliciesAreFilteredByResourceAndName() {
        List<ScalingPolicy> all = aas.describeScalingPoliciesPaginator(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB))
                .scalingPolicies().stream().collect(Collectors.toList());
        assertEquals(4, all.size());
        List<ScalingPolicy> alpha = aas.describeScalingPolicies(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB)
                .resourceId("table/alpha")).scalingPolicies();
        assertEquals(2, alpha.size());
        List<ScalingPolicy> named = aas.describeScalingPolicies(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB)
                .policyNames("orders-read")).scalingPolicies();
        assertEquals(1, named.size());
        assertEquals(70.0, named.get(0).targetTrackingScalingPolicyConfiguration().targetValue());
    }

    @Test
    void autoScalingRejectsABadTokenAndAMissingNamespace() {
        ApplicationAutoScalingException bad = assertThrows(ApplicationAutoScalingException.class,
                () -> aas.describeScalableTargets(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB).nextToken("garbage")));
        assertEquals("InvalidNextTokenException", bad.awsErrorDetails().errorCode());
        ApplicationAutoScalingException missing = assertThrows(ApplicationAutoScalingException.class,
                () -> aas.describeScalableTargets(b -> { }));
        assertEquals("ValidationException", missing.awsErrorDetails().errorCode());
    }

    @Test
    void daxClustersArePagedAndLookedUpByName() {
        // the DAX SDK has no paginator, so page by hand as a collector would
        List<Cluster> all = new java.util.ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            var page = dax.describeClusters(b -> b.nextToken(t));
            all.addAll(page.clusters());
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertEquals(2, pages);
        assertEquals(List.of("cache-1", "cache-2", "cache-3", "cache-4"),
                all.stream().map(Cluster::clusterName).collect(Collectors.toList()));
        Cluster one = dax.describeClusters(b -> b.clusterNames("cache-3")).clusters().get(0);
        assertEquals("TLS", one.clusterEndpointEncryptionTypeAsString());
        assertEquals(2, one.nodes().size());
        assertThrows(ClusterNotFoundException.class, () -> dax.describeClusters(b -> b.clusterNames("nope")));
    }

    @Test
    void daxTagsByClusterArn() {
        String arn = "arn:aws:dax:us-east-1:123456789012:cache/cache-1";
        List<String> keys = new java.util.ArrayList<>();
        String token = null;
        do {
            String t = token;
            var page = dax.listTags(b -> b.resourceName(arn).nextToken(t));
            page.tags().forEach(tag -> keys.add(tag.key()));
            token = page.nextToken();
        } while (token != null);
        assertEquals(List.of("k0", "k1", "k2", "k3", "k4"), keys);
        assertTrue(dax.listTags(b -> b.resourceName("arn:aws:dax:us-east-1:123456789012:cache/cache-2")).tags().isEmpty());
        assertThrows(InvalidArnException.class, () -> dax.listTags(b -> b.resourceName("cache-1")));
        assertThrows(ClusterNotFoundException.class,
                () -> dax.listTags(b -> b.resourceName("arn:aws:dax:us-east-1:123456789012:cache/nope")));
    }

    @Test
    void describeKeyResolvesIdsArnsAndAliases() {
        for (String ref : List.of("key-cmk-1", CMK_ARN, "alias/orders", "arn:aws:kms:us-east-1:123456789012:alias/shared")) {
            KeyMetadata meta = kms.describeKey(b -> b.keyId(ref)).keyMetadata();
            assertEquals(CMK_ARN, meta.arn(), ref);
            assertEquals(KeyManagerType.CUSTOMER, meta.keyManager());
        }
        assertThrows(NotFoundException.class, () -> kms.describeKey(b -> b.keyId("alias/none")));
        assertThrows(NotFoundException.class, () -> kms.describeKey(b -> b.keyId("key-eu")));
    }

    @Test
    void rotationStatusComesFromTheFixture() {
        assertTrue(kms.getKeyRotationStatus(b -> b.keyId("key-cmk-1")).keyRotationEnabled());
        assertFalse(kms.getKeyRotationStatus(b -> b.keyId("alias/retired")).keyRotationEnabled());
        assertEquals(CMK_ARN, kms.getKeyRotationStatus(b -> b.keyId("alias/orders")).keyId());
    }

    @Test
    void aliasesArePagedWithMarkers() {
        ListAliasesResponse first = kms.listAliases();
        assertTrue(first.truncated());
        assertNotNull(first.nextMarker());
        List<String> names = kms.listAliasesPaginator().aliases().stream().map(AliasListEntry::aliasName)
                .collect(Collectors.toList());
        assertEquals(List.of("alias/aws/dynamodb", "alias/orders", "alias/orders-old", "alias/retired", "alias/shared"), names);
        List<AliasListEntry> forKey = kms.listAliases(b -> b.keyId("key-cmk-1").limit(10)).aliases();
        assertEquals(3, forKey.size());
        assertEquals("key-cmk-1", forKey.get(0).targetKeyId());
        assertFalse(kms.listAliases(b -> b.keyId("key-cmk-1").limit(10)).truncated());
    }
}
