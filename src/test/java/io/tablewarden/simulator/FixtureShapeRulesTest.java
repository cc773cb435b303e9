package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both sides of the fixture's shape rules (AWS's types, enums, lengths and name patterns, the fixture's own keys):
 * each edge that AWS allows loads, each thing it does not is refused with its JSON path and a reason.
 */
class FixtureShapeRulesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String T0 = "$.regions.us-east-1.dynamodb.tables[0]";
    private static final String ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/";

    /** One table, one GSI, one auto scaling target, a vault, a DAX cluster and a key: all valid. */
    private static ObjectNode base() throws Exception {
        return (ObjectNode) MAPPER.readTree("""
            {"formatVersion": 1, "account": "123456789012", "enabledRegions": ["us-east-1", "eu-west-1"],
             "regions": {"us-east-1": {
               "dynamodb": {"tables": [{
                 "Table": {"TableName": "orders", "TableArn": "arn:aws:dynamodb:us-east-1:123456789012:table/orders",
                   "TableStatus": "ACTIVE", "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5},
                   "GlobalSecondaryIndexes": [{"IndexName": "by-date",
                     "IndexArn": "arn:aws:dynamodb:us-east-1:123456789012:table/orders/index/by-date"}]},
                 "ContinuousBackupsDescription": {"ContinuousBackupsStatus": "ENABLED",
                   "PointInTimeRecoveryDescription": {"PointInTimeRecoveryStatus": "DISABLED"}},
                 "Policy": null, "Tags": [{"Key": "env", "Value": "prod"}]}]},
               "applicationAutoScaling": {"ScalableTargets": [{"ServiceNamespace": "dynamodb",
                 "ResourceId": "table/orders", "ScalableDimension": "dynamodb:table:ReadCapacityUnits",
                 "MinCapacity": 1, "MaxCapacity": 10}]},
               "backup": {"BackupVaults": [{"BackupVaultName": "main_vault",
                 "BackupVaultArn": "arn:aws:backup:us-east-1:123456789012:backup-vault:main_vault"}]},
               "dax": {"Clusters": [{"ClusterName": "cache-1",
                 "ClusterArn": "arn:aws:dax:us-east-1:123456789012:cache/cache-1"}]},
               "kms": {"Keys": [{"KeyMetadata": {"KeyId": "k1", "Arn": "arn:aws:kms:us-east-1:123456789012:key/k1",
                 "KeyState": "Enabled"}, "KeyRotationEnabled": true, "Aliases": ["alias/orders-key"]}]}}},
             "faults": {"throttleRate": 0.1}}
            """);
    }

    private static ObjectNode table(ObjectNode root) {
        return (ObjectNode) root.at("/regions/us-east-1/dynamodb/tables/0/Table");
    }

    private static ObjectNode tag(ObjectNode root) {
        return (ObjectNode) root.at("/regions/us-east-1/dynamodb/tables/0/Tags/0");
    }

    private static ObjectNode rename(ObjectNode root, String name) {
        table(root).put("TableName", name).put("TableArn", ARN + name);
        ((ObjectNode) table(root).at("/GlobalSecondaryIndexes/0")).put("IndexArn", ARN + name + "/index/by-date");
        return root;
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                refused("read capacity as a word", T0 + ".Table.ProvisionedThroughput.ReadCapacityUnits",
                        "must be an integer", r -> ((ObjectNode) table(r).get("ProvisionedThroughput"))
                                .put("ReadCapacityUnits", "ten")),
                refused("negative capacity", T0 + ".Table.ProvisionedThroughput.WriteCapacityUnits",
                        "at least 0", r -> ((ObjectNode) table(r).get("ProvisionedThroughput"))
                                .put("WriteCapacityUnits", -1)),
                refused("region data under a typo of enabledRegions", "$.regions.us-east-1",
                        "is not in enabledRegions, so its data would never be served; did you mean us-eats-1?",
                        r -> ((ArrayNode) r.get("enabledRegions")).set(0, MAPPER.getNodeFactory().textNode("us-eats-1"))),
                refused("a region name that is not one", "$.enabledRegions[1]", "must be a region name",
                        r -> ((ArrayNode) r.get("enabledRegions")).set(1, MAPPER.getNodeFactory().textNode("Ireland"))),
                refused("a region listed twice", "$.enabledRegions[1]", "listed twice",
                        r -> ((ArrayNode) r.get("enabledRegions")).set(1, MAPPER.getNodeFactory().textNode("us-east-1"))),
                refused("ARN of another table", T0 + ".Table.TableArn", "does not match the table",
                        r -> table(r).put("TableArn", ARN + "payments")),
                refused("ARN of another region", T0 + ".Table.TableArn", "does not match the table",
                        r -> table(r).put("TableArn", "arn:aws:dynamodb:eu-west-1:123456789012:table/orders")),
                refused("misspelt fault", "$.faults.throtleRate", "unknown key throtleRate; did you mean throttleRate?",
                        r -> ((ObjectNode) r.get("faults")).put("throtleRate", 0.3)),
                refused("misspelt top-level key", "$.enabledRegion", "did you mean enabledRegions?",
                        r -> r.putArray("enabledRegion")),
                refused("tags in the wrong case", T0 + ".tags", "unknown key tags; did you mean Tags?",
                        r -> ((ObjectNode) r.at("/regions/us-east-1/dynamodb/tables/0")).putArray("tags")),
                refused("unknown service", "$.regions.us-east-1.s3", "expected one of",
                        r -> ((ObjectNode) r.at("/regions/us-east-1")).putObject("s3")),
                refused("fault rates above one together", "$.faults", "above 1",
                        r -> ((ObjectNode) r.get("faults")).put("throttleRate", 0.6).put("serverErrorRate", 0.5)),
                refused("empty tag key", T0 + ".Tags[0].Key", "1 to 128 characters", r -> tag(r).put("Key", "")),
                refused("tag key of 129", T0 + ".Tags[0].Key", "got 129", r -> tag(r).put("Key", "k".repeat(129))),
                refused("tag value of 257", T0 + ".Tags[0].Value", "got 257", r -> tag(r).put("Value", "v".repeat(257))),
                refused("tag value as a number", T0 + ".Tags[0].Value", "must be a string", r -> tag(r).put("Value", 3)),
                refused("duplicate tag key", T0 + ".Tags[1].Key", "duplicate tag key",
                        r -> ((ArrayNode) r.at("/regions/us-east-1/dynamodb/tables/0/Tags")).addObject()
                                .put("Key", "env").put("Value", "dev")),
                refused("shell in a table name", T0 + ".Table.TableName", "not a name AWS accepts",
                        r -> rename(r, "$(touch /tmp/x)")),
                refused("table name of 2", T0 + ".Table.TableName", "not a name AWS accepts", r -> rename(r, "ab")),
                refused("table name of 256", T0 + ".Table.TableName", "not a name AWS accepts",
                        r -> rename(r, "t".repeat(256))),
                refused("index name with a quote", T0 + ".Table.GlobalSecondaryIndexes[0].IndexName",
                        "not a name AWS accepts", r -> ((ObjectNode) r.at("/regions/us-east-1/dynamodb/tables/0/Table/"
                                + "GlobalSecondaryIndexes/0")).put("IndexName", "by'date")),
                refused("index ARN of another index", T0 + ".Table.GlobalSecondaryIndexes[0].IndexArn",
                        "does not match the index", r -> ((ObjectNode) r.at("/regions/us-east-1/dynamodb/tables/0/Table/"
                                + "GlobalSecondaryIndexes/0")).put("IndexArn", ARN + "orders/index/other")),
                refused("table status in lower case", T0 + ".Table.TableStatus", "did you mean ACTIVE?",
                        r -> table(r).put("TableStatus", "active")),
                refused("unknown billing mode", T0 + ".Table.BillingModeSummary.BillingMode", "is not one of",
                        r -> table(r).putObject("BillingModeSummary").put("BillingMode", "ON_DEMAND")),
                refused("policy that is not JSON", T0 + ".Policy", "is not JSON",
                        r -> ((ObjectNode) r.at("/regions/us-east-1/dynamodb/tables/0")).put("Policy", "{oops")),
                refused("auto scaling of a bare name", "$.regions.us-east-1.applicationAutoScaling.ScalableTargets[0]"
                        + ".ResourceId", "must be table/NAME", r -> ((ObjectNode) r.at(
                                "/regions/us-east-1/applicationAutoScaling/ScalableTargets/0")).put("ResourceId", "orders")),
                refused("minimum above maximum", "$.regions.us-east-1.applicationAutoScaling.ScalableTargets[0]"
                        + ".MinCapacity", "above MaxCapacity", r -> ((ObjectNode) r.at(
                                "/regions/us-east-1/applicationAutoScaling/ScalableTargets/0")).put("MinCapacity", 11)),
                refused("vault name with a space", "$.regions.us-east-1.backup.BackupVaults[0].BackupVaultName",
                        "not a name AWS accepts", r -> ((ObjectNode) r.at("/regions/us-east-1/backup/BackupVaults/0"))
                                .put("BackupVaultName", "main vault")
                                .put("BackupVaultArn", "arn:aws:backup:us-east-1:123456789012:backup-vault:main vault")),
                refused("DAX name with two hyphens", "$.regions.us-east-1.dax.Clusters[0].ClusterName",
                        "not a name AWS accepts", r -> ((ObjectNode) r.at("/regions/us-east-1/dax/Clusters/0"))
                                .put("ClusterName", "cache--1")
                                .put("ClusterArn", "arn:aws:dax:us-east-1:123456789012:cache/cache--1")),
                refused("DAX ARN of another cluster", "$.regions.us-east-1.dax.Clusters[0].ClusterArn",
                        "does not match the cluster", r -> ((ObjectNode) r.at("/regions/us-east-1/dax/Clusters/0"))
                                .put("ClusterArn", "arn:aws:dax:us-east-1:123456789012:cache/other")),
                refused("KMS alias with a space", "$.regions.us-east-1.kms.Keys[0].Aliases[0]", "not a name AWS accepts",
                        r -> ((ArrayNode) r.at("/regions/us-east-1/kms/Keys/0/Aliases")).set(0,
                                MAPPER.getNodeFactory().textNode("alias/orders key"))),
                refused("key state in upper case", "$.regions.us-east-1.kms.Keys[0].KeyMetadata.KeyState",
                        "did you mean Enabled?", r -> ((ObjectNode) r.at("/regions/us-east-1/kms/Keys/0/KeyMetadata"))
                                .put("KeyState", "ENABLED")),
                refused("identity role key misspelt", "$.identities.roles[0].RoleARN", "did you mean RoleArn?",
                        r -> r.putObject("identities").putArray("roles").addObject().put("RoleARN", "x")));
    }

    private static Arguments refused(String name, String path, String reason, Consumer<ObjectNode> change) {
        return Arguments.of(name, path, reason, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedWithPathAndReason(String name, String path, String reason, Consumer<ObjectNode> change)
            throws Exception {
        ObjectNode root = base();
        change.accept(root);
        FixtureException e = assertThrows(FixtureException.class,
                () -> AccountSimulator.validate(MAPPER.writeValueAsString(root)));
        assertEquals(path, e.jsonPath(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                accepted("the base fixture", r -> { }),
                accepted("an empty tag value", r -> tag(r).put("Value", "")),
                accepted("tag key of 128 and value of 256", r -> tag(r).put("Key", "k".repeat(128))
                        .put("Value", "v".repeat(256))),
                accepted("tag key of 128 characters outside the BMP", r -> tag(r).put("Key", "\uD83D\uDE00".repeat(128))),
                accepted("table name of 3 with every allowed sign", r -> rename(r, "a.-")),
                accepted("table name of 255", r -> rename(r, "A_9.z-".repeat(42) + "abc")),
                accepted("DAX name of 20", r -> ((ObjectNode) r.at("/regions/us-east-1/dax/Clusters/0"))
                        .put("ClusterName", "a-b".repeat(6) + "cd")
                        .put("ClusterArn", "arn:aws:dax:us-east-1:123456789012:cache/" + "a-b".repeat(6) + "cd")),
                accepted("fault rates adding up to exactly one", r -> ((ObjectNode) r.get("faults"))
                        .put("throttleRate", 0.5).put("serverErrorRate", 0.5)),
                accepted("zero capacity of an on-demand table", r -> ((ObjectNode) table(r).get("ProvisionedThroughput"))
                        .put("ReadCapacityUnits", 0).put("WriteCapacityUnits", 0)),
                accepted("an AWS member newer than Tablewarden", r -> table(r).putObject("FutureMember").put("x", 1)),
                accepted("an enabled region without data", r -> ((ArrayNode) r.get("enabledRegions")).add("ap-south-1")));
    }

    private static Arguments accepted(String name, Consumer<ObjectNode> change) {
        return Arguments.of(name, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void acceptedAsAwsWouldAnswer(String name, Consumer<ObjectNode> change) throws Exception {
        ObjectNode root = base();
        change.accept(root);
        AccountSimulator.validate(MAPPER.writeValueAsString(root));
    }

    @Test
    void aHostileNameIsServedOnlyWhenATestAsksForIt() throws Exception {
        String hostile = MAPPER.writeValueAsString(rename(base(), "$(touch /tmp/x)'"));
        assertThrows(FixtureException.class, () -> AccountSimulator.startFromJson(hostile, SimulatorOptions.defaults()));
        try (AccountSimulator sim = AccountSimulator.startFromJson(hostile,
                SimulatorOptions.builder().allowInvalidNamesForTests(true).build());
             DynamoDbClient ddb = SimulatorTestSupport.client(DynamoDbClient.builder(), sim, "us-east-1")) {
            assertEquals(java.util.List.of("$(touch /tmp/x)'"), ddb.listTables().tableNames());
        }
    }

    @Test
    void theNameSwitchLeavesEveryOtherRuleOn() throws Exception {
        ObjectNode root = rename(base(), "$(x)");
        ((ObjectNode) table(root).get("ProvisionedThroughput")).put("ReadCapacityUnits", "ten");
        FixtureException e = assertThrows(FixtureException.class, () -> AccountSimulator.startFromJson(
                MAPPER.writeValueAsString(root), SimulatorOptions.builder().allowInvalidNamesForTests(true).build()));
        assertEquals(T0 + ".Table.ProvisionedThroughput.ReadCapacityUnits", e.jsonPath());
    }
}
