package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Broken fixtures are refused with the JSON path of the first problem. */
class SimulatorFixtureValidationTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String USE1 = "$.regions.us-east-1";

    static Stream<Arguments> brokenFixtures() {
        return Stream.of(
                broken("format version", "$.formatVersion", root -> root.put("formatVersion", 2)),
                broken("short account", "$.account", root -> root.put("account", "12345")),
                broken("unknown partition", "$.partition", root -> root.put("partition", "aws-mars")),
                broken("region name not a string", "$.enabledRegions[1]",
                        root -> ((ArrayNode) root.get("enabledRegions")).set(1, MAPPER.getNodeFactory().numberNode(7))),
                broken("enabledRegions not an array", "$.enabledRegions", root -> root.put("enabledRegions", "us-east-1")),
                broken("table without a name", USE1 + ".dynamodb.tables[3].Table.TableName",
                        root -> table(root, 3).remove("TableName")),
                broken("table ARN not a string", USE1 + ".dynamodb.tables[0].Table.TableArn",
                        root -> table(root, 0).put("TableArn", 17)),
                broken("duplicate table", USE1 + ".dynamodb.tables[2].Table.TableName",
                        root -> table(root, 2).put("TableName", "orders")),
                broken("tag without a value", USE1 + ".dynamodb.tables[0].Tags[1].Value",
                        root -> ((ObjectNode) root.at("/regions/us-east-1/dynamodb/tables/0/Tags/1")).remove("Value")),
                broken("tags as a map", USE1 + ".dynamodb.tables[2].Tags",
                        root -> ((ObjectNode) root.at("/regions/us-east-1/dynamodb/tables/2")).putObject("Tags").put("env", "dev")),
                broken("policy as an object", USE1 + ".dynamodb.tables[1].Policy",
                        root -> ((ObjectNode) root.at("/regions/us-east-1/dynamodb/tables/1")).putObject("Policy")),
                broken("timestamp as text", USE1 + ".dynamodb.tables[0].Table.CreationDateTime",
                        root -> table(root, 0).put("CreationDateTime", "2025-01-01T00:00:00Z")),
                broken("backup plan without id", USE1 + ".backup.BackupPlans[1].BackupPlanId",
                        root -> ((ObjectNode) root.at("/regions/us-east-1/backup/BackupPlans/1")).remove("BackupPlanId")),
                broken("rule without target vault", USE1 + ".backup.BackupPlans[3].BackupPlan.Rules[0].TargetBackupVaultName",
                        root -> ((ObjectNode) root.at("/regions/us-east-1/backup/BackupPlans/3/BackupPlan/Rules/0"))
                                .remove("TargetBackupVaultName")),
                broken("deleted plan with a selection", USE1 + ".backup.BackupPlans[2].Selections",
                        root -> ((ObjectNode) root.at("/regions/us-east-1/backup/BackupPlans/2")).set("Selections",
                                root.at("/regions/us-east-1/backup/BackupPlans/0/Selections").deepCopy())),
                broken("recovery point creator without plan id", USE1 + ".backup.RecoveryPoints[0].CreatedBy.BackupPlanId",
                        root -> ((ObjectNode) root.at("/regions/us-east-1/backup/RecoveryPoints/0")).putObject("CreatedBy")
                                .put("BackupPlanVersion", "v")),
                broken("selection without id", USE1 + ".backup.BackupPlans[0].Selections[2].SelectionId",
                        root -> ((ObjectNode) root.at("/regions/us-east-1/backup/BackupPlans/0/Selections/2")).remove("SelectionId")),
                broken("selection resources not ARNs", USE1 + ".backup.BackupPlans[0].Selections[0].BackupSelection.Resources[0]",
                        root -> ((ArrayNode) root.at("/regions/us-east-1/backup/BackupPlans/0/Selections/0/BackupSelection/Resources"))
                                .set(0, MAPPER.getNodeFactory().booleanNode(true))),
                broken("cluster without ARN", USE1 + ".dax.Clusters[0].ClusterArn",
                        root -> ((ObjectNode) root.at("/regions/us-east-1/dax/Clusters/0")).remove("ClusterArn")),
                broken("key without id", USE1 + ".kms.Keys[1].KeyMetadata.KeyId",
                        root -> ((ObjectNode) root.at("/regions/us-east-1/kms/Keys/1/KeyMetadata")).remove("KeyId")),
                broken("rotation flag as text", USE1 + ".kms.Keys[0].KeyRotationEnabled",
                        root -> ((ObjectNode) root.at("/regions/us-east-1/kms/Keys/0")).put("KeyRotationEnabled", "yes")),
                broken("throttle rate above one", "$.faults.throttleRate",
                        root -> root.putObject("faults").put("throttleRate", 1.5)),
                broken("negative latency", "$.faults.latencyMs", root -> root.putObject("faults").put("latencyMs", -1)),
                broken("access rule without service", "$.faults.accessDenied[0].action",
                        root -> root.putObject("faults").putArray("accessDenied").addObject().put("action", "DescribeTable")),
                broken("region not an object", "$.regions.eu-west-1", root -> ((ObjectNode) root.get("regions")).put("eu-west-1", 3)));
    }

    private static Arguments broken(String name, String path, Consumer<ObjectNode> breakIt) {
        return Arguments.of(name, path, breakIt);
    }

    private static ObjectNode table(ObjectNode root, int index) {
        return (ObjectNode) root.at("/regions/us-east-1/dynamodb/tables/" + index + "/Table");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFixtures")
    void brokenFixtureIsRefusedWithItsPath(String name, String path, Consumer<ObjectNode> breakIt) throws Exception {
        ObjectNode root = (ObjectNode) MAPPER.readTree(SimulatorTestSupport.resource("test-account.json"));
        breakIt.accept(root);
        FixtureException e = assertThrows(FixtureException.class,
                () -> AccountSimulator.validate(MAPPER.writeValueAsString(root)));
        assertEquals(path, e.jsonPath(), e.getMessage());
        assertTrue(e.getMessage().startsWith(path + ": "), e.getMessage());
    }

    @Test
    void theUnbrokenTestFixtureIsValid() throws Exception {
        AccountSimulator.validate(SimulatorTestSupport.resource("test-account.json"));
        AccountSimulator.validate(SimulatorTestSupport.resource("example-account.json"));
    }

    @Test
    void textThatIsNotJsonReportsLineAndColumn() {
        FixtureException e = assertThrows(FixtureException.class,
                () -> AccountSimulator.validate("{\n  \"formatVersion\": 1,\n  \"account\": oops\n}"));
        assertEquals("$", e.jsonPath());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("column"), e.getMessage());
    }

    @Test
    void duplicateKeysAndTrailingContentAreRefused() {
        assertEquals("$", assertThrows(FixtureException.class,
                () -> AccountSimulator.validate("{\"formatVersion\": 1, \"formatVersion\": 1}")).jsonPath());
        assertEquals("$", assertThrows(FixtureException.class,
                () -> AccountSimulator.validate("{\"formatVersion\": 1} {}")).jsonPath());
        assertEquals("$", assertThrows(FixtureException.class, () -> AccountSimulator.validate("[]")).jsonPath());
    }

    @Test
    void aRefusedFixtureStartsNoServer() {
        FixtureException e = assertThrows(FixtureException.class,
                () -> AccountSimulator.startFromJson("{\"formatVersion\": 3}", SimulatorOptions.defaults()));
        assertEquals("$.formatVersion", e.jsonPath());
    }

    @Test
    void unknownAwsMembersPassButUnknownFixtureKeysAreRefused() throws Exception {
        JsonNode root = MAPPER.readTree(SimulatorTestSupport.resource("test-account.json"));
        // An exported account carries whatever members AWS sent.
        ((ObjectNode) root.at("/regions/us-east-1/dynamodb/tables/0/Table")).put("SomethingNew", "from AWS");
        AccountSimulator.validate(MAPPER.writeValueAsString(root));
        ((ObjectNode) root.at("/regions/us-east-1/dynamodb")).putArray("globalTables");
        FixtureException e = assertThrows(FixtureException.class,
                () -> AccountSimulator.validate(MAPPER.writeValueAsString(root)));
        assertEquals("$.regions.us-east-1.dynamodb.globalTables", e.jsonPath());
    }
}
