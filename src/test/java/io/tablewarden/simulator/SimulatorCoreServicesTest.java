package io.tablewarden.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetResourcePolicyResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.PolicyNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** STS, EC2 and DynamoDB through the real SDK clients. */
class SimulatorCoreServicesTest {

    private static AccountSimulator sim;
    private static DynamoDbClient ddb;

    @BeforeAll
    static void startSimulator() throws Exception {
        sim = SimulatorTestSupport.start();
        ddb = SimulatorTestSupport.client(DynamoDbClient.builder().httpClient(SimulatorTestSupport.httpClient()), sim, "us-east-1");
    }

    @AfterAll
    static void stopSimulator() {
        ddb.close();
        sim.close();
    }

    @Test
    void stsReturnsTheFixtureIdentityFromAnyRegion() {
        for (String region : List.of("us-east-1", "sa-east-1")) {
            try (StsClient sts = SimulatorTestSupport.client(StsClient.builder(), sim, region)) {
                GetCallerIdentityResponse id = sts.getCallerIdentity();
                assertEquals(SimulatorTestSupport.ACCOUNT, id.account());
                assertEquals("arn:aws:iam::123456789012:user/auditor", id.arn());
                assertTrue(id.userId().startsWith("AIDA"), id.userId());
            }
        }
    }

    @Test
    void assumedRoleCallersGetARoleStyleUserId() throws Exception {
        String json = SimulatorTestSupport.resource("test-account.json").replace("arn:aws:iam::123456789012:user/auditor",
                "arn:aws:sts::123456789012:assumed-role/Auditor/night-scan");
        try (AccountSimulator own = AccountSimulator.startFromJson(json, SimulatorOptions.defaults());
             StsClient sts = SimulatorTestSupport.client(StsClient.builder(), own, "eu-west-1")) {
            GetCallerIdentityResponse id = sts.getCallerIdentity();
            assertTrue(id.userId().startsWith("AROA") && id.userId().endsWith(":night-scan"), id.userId());
            assertEquals("arn:aws:sts::123456789012:assumed-role/Auditor/night-scan", id.arn());
        }
    }

    @Test
    void ec2ListsEnabledRegionsAndOptionallyTheOthers() {
        try (Ec2Client ec2 = SimulatorTestSupport.client(Ec2Client.builder(), sim, "us-east-1")) {
            Map<String, String> enabled = ec2.describeRegions().regions().stream()
                    .collect(Collectors.toMap(Region::regionName, Region::optInStatus));
            assertEquals(Map.of("us-east-1", "opt-in-not-required", "eu-west-1", "opt-in-not-required",
                    "ap-south-1", "opt-in-not-required", "af-south-1", "opted-in"), enabled);
            Region r = ec2.describeRegions().regions().get(0);
            assertEquals("ec2." + r.regionName() + ".amazonaws.com", r.endpoint());

            Map<String, String> all = ec2.describeRegions(b -> b.allRegions(true)).regions().stream()
                    .collect(Collectors.toMap(Region::regionName, Region::optInStatus));
            assertEquals("not-opted-in", all.get("us-west-2"));
            assertEquals("not-opted-in", all.get("me-south-1"));
            assertEquals("opted-in", all.get("af-south-1"));

            List<Region> one = ec2.describeRegions(b -> b.regionNames("eu-west-1")).regions();
            assertEquals(1, one.size());
        }
    }

    @Test
    void ec2InADisabledRegionAnswersAuthFailure() {
        try (Ec2Client ec2 = SimulatorTestSupport.client(Ec2Client.builder(), sim, "us-west-2")) {
            Ec2Exception e = assertThrows(Ec2Exception.class, ec2::describeRegions);
            assertEquals("AuthFailure", e.awsErrorDetails().errorCode());
            assertEquals(401, e.statusCode());
        }
    }

    @Test
    void listTablesPagesInNameOrder() {
        ListTablesResponse first = ddb.listTables();
        assertEquals(List.of("alpha", "beta"), first.tableNames());
        assertEquals("beta", first.lastEvaluatedTableName());

        List<String> all = ddb.listTablesPaginator().tableNames().stream().collect(Collectors.toList());
        assertEquals(List.of("alpha", "beta", "delta", "epsilon", "gamma", "orders", "secret-ledger"), all);

        ListTablesResponse big = ddb.listTables(b -> b.limit(100));
        assertEquals(7, big.tableNames().size());
        assertNull(big.lastEvaluatedTableName());

        ListTablesResponse afterGamma = ddb.listTables(b -> b.exclusiveStartTableName("gamma").limit(5));
        assertEquals(List.of("orders", "secret-ledger"), afterGamma.tableNames());
        assertNull(afterGamma.lastEvaluatedTableName());
    }

    @Test
    void listTablesRejectsALimitAboveTheAwsMaximum() {
        DynamoDbException e = assertThrows(DynamoDbException.class, () -> ddb.listTables(b -> b.limit(101)));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
    }

    @Test
    void describeTableByNameOrArnPassesUnknownMembersThrough() {
        TableDescription byName = ddb.describeTable(b -> b.tableName("orders")).table();
        TableDescription byArn = ddb.describeTable(b -> b.tableName("arn:aws:dynamodb:us-east-1:123456789012:table/orders")).table();
        assertEquals(byName, byArn);
        assertEquals(SSEType.KMS, byName.sseDescription().sseType());
        assertEquals(Instant.ofEpochSecond(1735689600), byName.creationDateTime());
        assertFalse(byName.deletionProtectionEnabled());
    }

    @Test
    void describeTableOfAMissingTableIsResourceNotFound() {
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
                () -> ddb.describeTable(b -> b.tableName("nope")));
        assertEquals(400, e.statusCode());
        assertTrue(e.getMessage().contains("nope"));
        assertFalse(e.requestId() == null || e.requestId().isEmpty());
    }

    @Test
    void continuousBackups() {
        ContinuousBackupsDescription d = ddb.describeContinuousBackups(b -> b.tableName("delta")).continuousBackupsDescription();
        assertEquals("DISABLED", d.pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString());
        assertThrows(TableNotFoundException.class, () -> ddb.describeContinuousBackups(b -> b.tableName("nope")));
    }

    @Test
    void resourcePolicyOrPolicyNotFound() {
        String arn = "arn:aws:dynamodb:us-east-1:123456789012:table/orders";
        GetResourcePolicyResponse p = ddb.getResourcePolicy(b -> b.resourceArn(arn));
        assertTrue(p.policy().contains("999999999999"));
        assertFalse(p.revisionId().isEmpty());
        assertThrows(PolicyNotFoundException.class,
                () -> ddb.getResourcePolicy(b -> b.resourceArn("arn:aws:dynamodb:us-east-1:123456789012:table/alpha")));
        assertThrows(ResourceNotFoundException.class,
                () -> ddb.getResourcePolicy(b -> b.resourceArn("arn:aws:dynamodb:us-east-1:123456789012:table/nope")));
    }

    @Test
    void tagsArePagedWithNextToken() {
        String arn = "arn:aws:dynamodb:us-east-1:123456789012:table/orders";
        var first = ddb.listTagsOfResource(b -> b.resourceArn(arn));
        assertEquals(2, first.tags().size());
        assertTrue(first.nextToken() != null);
        List<Tag> all = new java.util.ArrayList<>();
        String token = null;
        do {
            String t = token;
            var page = ddb.listTagsOfResource(b -> b.resourceArn(arn).nextToken(t));
            all.addAll(page.tags());
            token = page.nextToken();
        } while (token != null);
        assertEquals(List.of("env", "team", "cost", "owner", "tier"), all.stream().map(Tag::key).collect(Collectors.toList()));
    }

    @Test
    void countersTrackOperations() {
        long before = sim.requestCount("dynamodb:DescribeTable");
        ddb.describeTable(b -> b.tableName("alpha"));
        assertEquals(before + 1, sim.requestCount("dynamodb:DescribeTable"));
        assertTrue(sim.requestCounts().containsKey("dynamodb:DescribeTable"));
    }
}
