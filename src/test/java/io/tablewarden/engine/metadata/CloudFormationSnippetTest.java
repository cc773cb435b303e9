package io.tablewarden.engine.metadata;

import io.tablewarden.engine.remediation.RemediationRenderer;
import io.tablewarden.engine.remediation.SnippetFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.error.YAMLException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Each CloudFormation fragment, filled with sample values, is YAML whose resources have known types and known
 * property names. Nested structures we write are checked too; the allow-lists come from the CloudFormation
 * resource reference.
 */
class CloudFormationSnippetTest {

    private static final Set<String> RESOURCE_ATTRIBUTES = Set.of("Type", "Properties", "DeletionPolicy",
            "UpdateReplacePolicy", "DependsOn", "Condition", "Metadata");

    /** Top-level Properties of each resource type a fragment may use. */
    private static final Map<String, Set<String>> PROPERTIES = Map.ofEntries(
            entry("AWS::DynamoDB::Table", Set.of("AttributeDefinitions", "BillingMode", "ContributorInsightsSpecification",
                    "DeletionProtectionEnabled", "GlobalSecondaryIndexes", "ImportSourceSpecification", "KeySchema",
                    "KinesisStreamSpecification", "LocalSecondaryIndexes", "OnDemandThroughput",
                    "PointInTimeRecoverySpecification", "ProvisionedThroughput", "ResourcePolicy", "SSESpecification",
                    "StreamSpecification", "TableClass", "TableName", "Tags", "TimeToLiveSpecification",
                    "WarmThroughput")),
            entry("AWS::DAX::Cluster", Set.of("AvailabilityZones", "ClusterEndpointEncryptionType", "ClusterName",
                    "Description", "IAMRoleARN", "NetworkType", "NodeType", "NotificationTopicARN", "ParameterGroupName",
                    "PreferredMaintenanceWindow", "ReplicationFactor", "SSESpecification", "SecurityGroupIds",
                    "SubnetGroupName", "Tags")),
            entry("AWS::KMS::Key", Set.of("BypassPolicyLockoutSafetyCheck", "Description", "Enabled", "EnableKeyRotation",
                    "KeyPolicy", "KeySpec", "KeyUsage", "MultiRegion", "Origin", "PendingWindowInDays",
                    "RotationPeriodInDays", "Tags")),
            entry("AWS::KMS::Alias", Set.of("AliasName", "TargetKeyId")),
            entry("AWS::ApplicationAutoScaling::ScalableTarget", Set.of("MaxCapacity", "MinCapacity", "ResourceId",
                    "RoleARN", "ScalableDimension", "ScheduledActions", "ServiceNamespace", "SuspendedState")),
            entry("AWS::ApplicationAutoScaling::ScalingPolicy", Set.of("PolicyName", "PolicyType",
                    "PredictiveScalingPolicyConfiguration", "ResourceId", "ScalableDimension", "ScalingTargetId",
                    "ServiceNamespace", "StepScalingPolicyConfiguration", "TargetTrackingScalingPolicyConfiguration")),
            entry("AWS::Backup::BackupPlan", Set.of("BackupPlan", "BackupPlanTags")),
            entry("AWS::Backup::BackupSelection", Set.of("BackupPlanId", "BackupSelection")),
            entry("AWS::Backup::BackupVault", Set.of("AccessPolicy", "BackupVaultName", "BackupVaultTags",
                    "EncryptionKeyArn", "LockConfiguration", "Notifications")));

    /**
     * Keys of the nested structures the fragments write, by path ({@code []} marks the items of a list).
     * A nested mapping whose path is not listed here fails the test, so a new structure needs its allow-list.
     */
    private static final Map<String, Set<String>> NESTED = Map.ofEntries(
            entry("AWS::DynamoDB::Table/PointInTimeRecoverySpecification",
                    Set.of("PointInTimeRecoveryEnabled", "RecoveryPeriodInDays")),
            entry("AWS::DynamoDB::Table/SSESpecification", Set.of("SSEEnabled", "SSEType", "KMSMasterKeyId")),
            entry("AWS::DynamoDB::Table/Tags[]", Set.of("Key", "Value")),
            entry("AWS::DynamoDB::Table/ResourcePolicy", Set.of("PolicyDocument")),
            entry("AWS::DAX::Cluster/SSESpecification", Set.of("SSEEnabled")),
            entry("AWS::ApplicationAutoScaling::ScalingPolicy/TargetTrackingScalingPolicyConfiguration",
                    Set.of("TargetValue", "PredefinedMetricSpecification", "CustomizedMetricSpecification",
                            "DisableScaleIn", "ScaleInCooldown", "ScaleOutCooldown")),
            entry("AWS::ApplicationAutoScaling::ScalingPolicy/TargetTrackingScalingPolicyConfiguration"
                    + "/PredefinedMetricSpecification", Set.of("PredefinedMetricType", "ResourceLabel")),
            entry("AWS::Backup::BackupPlan/BackupPlan", Set.of("BackupPlanName", "BackupPlanRule",
                    "AdvancedBackupSettings")),
            entry("AWS::Backup::BackupPlan/BackupPlan/BackupPlanRule[]", Set.of("RuleName", "TargetBackupVault",
                    "ScheduleExpression", "ScheduleExpressionTimezone", "StartWindowMinutes", "CompletionWindowMinutes",
                    "Lifecycle", "RecoveryPointTags", "CopyActions", "EnableContinuousBackup")),
            entry("AWS::Backup::BackupPlan/BackupPlan/BackupPlanRule[]/Lifecycle", Set.of("DeleteAfterDays",
                    "MoveToColdStorageAfterDays", "OptInToArchiveForSupportedResources")),
            entry("AWS::Backup::BackupSelection/BackupSelection", Set.of("SelectionName", "IamRoleArn", "Resources",
                    "ListOfTags", "NotResources", "Conditions")),
            entry("AWS::Backup::BackupSelection/BackupSelection/ListOfTags[]", Set.of("ConditionType", "ConditionKey",
                    "ConditionValue")));

    /** Free-form JSON documents (IAM policies) whose content is not a CloudFormation schema. */
    private static final Set<String> POLICY_DOCUMENTS = Set.of("AWS::DynamoDB::Table/ResourcePolicy/PolicyDocument",
            "AWS::KMS::Key/KeyPolicy", "AWS::Backup::BackupVault/AccessPolicy");

    private static final Pattern LOGICAL_ID = Pattern.compile("[A-Za-z0-9]+");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    static Stream<String> checkIds() {
        return CheckCatalog.variantIds().stream();
    }

    @ParameterizedTest
    @MethodSource("checkIds")
    void fragmentIsValidCloudFormation(String checkId) {
        String yaml = RemediationRenderer.fill(CheckCatalog.load(checkId).remediation().cloudFormation(),
                CheckCatalog.sampleValues(checkId), SnippetFormat.YAML);
        if (CheckCatalog.causeOf(checkId) != null && onlyComments(yaml)) {
            // A cause CloudFormation cannot express (a Region setting, imported key material) is said in words.
            assertFalse(yaml.isBlank(), checkId + ": an empty fragment");
            return;
        }
        List<String> problems = validate(yaml);
        if (!problems.isEmpty()) {
            fail(checkId + ":\n  " + String.join("\n  ", problems) + "\n" + yaml);
        }
    }

    @Test
    void shortFormTagsAreRead() {
        Object parsed = CloudFormationYaml.parse("A: !Ref B\nC: !GetAtt [D, Arn]\nE: !Sub 'x-${AWS::Region}'\n");
        Map<?, ?> map = assertInstanceOf(Map.class, parsed);
        assertEquals(new CloudFormationYaml.Intrinsic("Ref", "B"), map.get("A"));
        assertEquals(new CloudFormationYaml.Intrinsic("GetAtt", List.of("D", "Arn")), map.get("C"));
        assertEquals(new CloudFormationYaml.Intrinsic("Sub", "x-${AWS::Region}"), map.get("E"));
    }

    @Test
    void theValidatorRejectsMistakes() {
        assertThrows(YAMLException.class, () -> CloudFormationYaml.parse("A:\n  Type: x\n   Properties: {}\n"));
        assertThrows(YAMLException.class, () -> CloudFormationYaml.parse("A: !Unknown x\n"));
        assertThrows(YAMLException.class, () -> CloudFormationYaml.parse("A: 1\nA: 2\n"));
        String wrongProperty = "T:\n  Type: AWS::DynamoDB::Table\n  Properties:\n    PointInTimeRecoveryEnabled: true\n";
        assertFalse(validate(wrongProperty).isEmpty());
        String wrongNested = "T:\n  Type: AWS::DynamoDB::Table\n  Properties:\n    SSESpecification:\n"
                + "      KmsMasterKeyId: x\n";
        assertFalse(validate(wrongNested).isEmpty());
        String wrongType = "T:\n  Type: AWS::DynamoDB::Tables\n  Properties: {}\n";
        assertFalse(validate(wrongType).isEmpty());
        String badSub = "T:\n  Type: AWS::KMS::Key\n  Properties:\n    Description: !Sub 'a-${AWS::Region'\n";
        assertFalse(validate(badSub).isEmpty());
    }

    /** True for a fragment of comment lines only: an explanation, not a template. */
    static boolean onlyComments(String text) {
        return text.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("#"));
    }

    static List<String> validate(String yaml) {
        List<String> problems = new ArrayList<>();
        Object parsed;
        try {
            parsed = CloudFormationYaml.parse(yaml);
        } catch (YAMLException e) {
            problems.add("not YAML: " + e.getMessage());
            return problems;
        }
        if (!(parsed instanceof Map)) {
            problems.add("the fragment is not a mapping of resources");
            return problems;
        }
        Map<?, ?> resources = (Map<?, ?>) parsed;
        if (resources.isEmpty()) {
            problems.add("no resource");
        }
        resources.forEach((id, body) -> {
            if (!LOGICAL_ID.matcher(String.valueOf(id)).matches()) {
                problems.add("logical id " + id + " is not alphanumeric");
            }
            if (!(body instanceof Map)) {
                problems.add(id + " is not a resource");
                return;
            }
            Map<?, ?> resource = (Map<?, ?>) body;
            resource.keySet().forEach(k -> {
                if (!RESOURCE_ATTRIBUTES.contains(String.valueOf(k))) {
                    problems.add(id + ": unknown resource attribute " + k);
                }
            });
            String type = String.valueOf(resource.get("Type"));
            Set<String> allowed = PROPERTIES.get(type);
            if (allowed == null) {
                problems.add(id + ": resource type " + type + " is not allowed");
                return;
            }
            Object properties = resource.get("Properties");
            if (!(properties instanceof Map)) {
                problems.add(id + ": no Properties mapping");
                return;
            }
            ((Map<?, ?>) properties).forEach((name, value) -> {
                if (!allowed.contains(String.valueOf(name))) {
                    problems.add(id + ": " + type + " has no property " + name);
                }
                checkValue(id + "." + name, type + "/" + name, value, problems);
            });
        });
        return problems;
    }

    private static void checkValue(String where, String path, Object value, List<String> problems) {
        if (value instanceof CloudFormationYaml.Intrinsic) {
            checkIntrinsic(where, (CloudFormationYaml.Intrinsic) value, problems);
        } else if (value instanceof List) {
            for (Object item : (List<?>) value) {
                checkValue(where + "[]", path + "[]", item, problems);
            }
        } else if (value instanceof Map) {
            if (POLICY_DOCUMENTS.contains(path)) {
                return;
            }
            Set<String> allowed = NESTED.get(path);
            if (allowed == null) {
                problems.add(where + ": no allow-list for the structure at " + path);
                return;
            }
            ((Map<?, ?>) value).forEach((k, v) -> {
                if (!allowed.contains(String.valueOf(k))) {
                    problems.add(where + ": unknown key " + k);
                }
                checkValue(where + "." + k, path + "/" + k, v, problems);
            });
        }
    }

    private static void checkIntrinsic(String where, CloudFormationYaml.Intrinsic intrinsic, List<String> problems) {
        Object argument = intrinsic.argument();
        switch (intrinsic.function()) {
            case "Ref":
                if (!(argument instanceof String) || ((String) argument).isBlank()) {
                    problems.add(where + ": !Ref needs a logical id");
                }
                break;
            case "GetAtt":
                boolean dotted = argument instanceof String && ((String) argument).matches("[A-Za-z0-9]+\\.[A-Za-z0-9.]+");
                boolean pair = argument instanceof List && ((List<?>) argument).size() == 2;
                if (!dotted && !pair) {
                    problems.add(where + ": !GetAtt needs Resource.Attribute");
                }
                break;
            case "Sub":
                String template = argument instanceof List ? String.valueOf(((List<?>) argument).get(0))
                        : String.valueOf(argument);
                int open = template.split("\\$\\{", -1).length - 1;
                Matcher m = SUB_VARIABLE.matcher(template);
                int closed = 0;
                while (m.find()) {
                    closed++;
                    if (m.group(1).isBlank() || m.group(1).contains("${")) {
                        problems.add(where + ": !Sub has an empty or nested variable");
                    }
                }
                if (open != closed) {
                    problems.add(where + ": !Sub has an unclosed ${");
                }
                break;
            default:
                break;
        }
    }
}
