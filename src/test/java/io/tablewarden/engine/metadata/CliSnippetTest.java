package io.tablewarden.engine.metadata;

import io.tablewarden.engine.remediation.RemediationRenderer;
import io.tablewarden.engine.remediation.SnippetFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Each CLI snippet, filled with sample values, is valid bash whose aws commands match the SDK's service models. */
class CliSnippetTest {

    static Stream<String> checkIds() {
        return CheckCatalog.variantIds().stream();
    }

    private static String filledCli(String checkId) {
        return RemediationRenderer.fill(CheckCatalog.load(checkId).remediation().cli(), CheckCatalog.sampleValues(checkId),
                SnippetFormat.SHELL);
    }

    @ParameterizedTest
    @MethodSource("checkIds")
    void awsCommandsMatchTheServiceModels(String checkId) {
        String cli = filledCli(checkId);
        List<List<String>> commands = ShellCommands.awsCommands(cli);
        assertFalse(commands.isEmpty(), checkId + ": no aws command");
        List<String> problems = new ArrayList<>();
        for (List<String> command : commands) {
            problems.addAll(AwsCliModel.check(command, CheckCatalog.SAMPLE_VALUES.get("region")));
        }
        if (!problems.isEmpty()) {
            fail(checkId + ":\n  " + String.join("\n  ", problems));
        }
    }

    @ParameterizedTest
    @MethodSource("checkIds")
    void namesStartingWithADashStayValuesOfTheirOptions(String checkId) {
        // DynamoDB table names, DAX cluster names and backup plan names may start with '-'
        Map<String, String> values = new java.util.LinkedHashMap<>(CheckCatalog.sampleValues(checkId));
        values.replaceAll((token, value) -> token.endsWith("_name") ? "-" + value : value);
        String cli = RemediationRenderer.fill(CheckCatalog.load(checkId).remediation().cli(), values,
                SnippetFormat.SHELL);
        List<String> problems = new ArrayList<>();
        for (List<String> command : ShellCommands.awsCommands(cli)) {
            problems.addAll(AwsCliModel.check(command, CheckCatalog.SAMPLE_VALUES.get("region")));
        }
        if (!problems.isEmpty()) {
            fail(checkId + ":\n  " + String.join("\n  ", problems));
        }
    }

    @ParameterizedTest
    @MethodSource("checkIds")
    void snippetIsValidBash(String checkId) throws IOException, InterruptedException {
        String cli = filledCli(checkId);
        Process bash = new ProcessBuilder("bash", "-n").redirectErrorStream(true).start();
        try (OutputStream in = bash.getOutputStream()) {
            in.write(cli.getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS), "bash -n timed out");
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, bash.exitValue(), checkId + ": bash -n says " + output);
    }

    @Test
    void kebabCaseFollowsTheCliSpelling() {
        Map<String, String> known = Map.of(
                "SSESpecification", "sse-specification",
                "KMSMasterKeyId", "kms-master-key-id",
                "PointInTimeRecoverySpecification", "point-in-time-recovery-specification",
                "ClusterEndpointEncryptionType", "cluster-endpoint-encryption-type",
                "IamRoleArn", "iam-role-arn",
                "RoleARN", "role-arn",
                "DeletionProtectionEnabled", "deletion-protection-enabled",
                "TargetTrackingScalingPolicyConfiguration", "target-tracking-scaling-policy-configuration",
                "SecurityGroupIds", "security-group-ids",
                "ResourceARNs", "resource-arns");
        known.forEach((model, flag) -> assertEquals(flag, AwsCliModel.kebab(model), model));
    }

    @Test
    void flagsKnownFromTheCliDocumentationExistInTheModel() {
        assertTrue(AwsCliModel.requestMembers("dynamodb", "update-table").containsKey("sse-specification"));
        assertTrue(AwsCliModel.requestMembers("dynamodb", "update-table").containsKey("deletion-protection-enabled"));
        assertTrue(AwsCliModel.requestMembers("dynamodb", "update-continuous-backups")
                .containsKey("point-in-time-recovery-specification"));
        assertTrue(AwsCliModel.requestMembers("dax", "create-cluster").containsKey("cluster-endpoint-encryption-type"));
        assertTrue(AwsCliModel.requestMembers("dax", "create-cluster").containsKey("iam-role-arn"));
        assertTrue(AwsCliModel.requestMembers("kms", "enable-key-rotation").containsKey("rotation-period-in-days"));
        assertTrue(AwsCliModel.requestMembers("application-autoscaling", "register-scalable-target")
                .containsKey("scalable-dimension"));
        assertNotNull(AwsCliModel.requestMembers("sts", "get-caller-identity"));
        assertNull(AwsCliModel.requestMembers("dynamodb", "enable-point-in-time-recovery"));
    }

    @Test
    void theCheckerRejectsMistakes() {
        String region = "eu-west-1";
        assertFalse(check("aws dynamodb update-table --region eu-west-1 --table-name t --pitr-enabled", region).isEmpty());
        assertFalse(check("aws dynamodb update-tables --region eu-west-1 --table-name t", region).isEmpty());
        assertFalse(check("aws dynamodb update-table --table-name t --deletion-protection-enabled", region).isEmpty());
        assertFalse(check("aws dynamodb update-table --region eu-west-1 --deletion-protection-enabled", region).isEmpty(),
                "TableName is required");
        assertFalse(check("aws dynamodb update-table --region eu-west-1 --table-name t "
                + "--sse-specification Enabled=true,KmsKeyId=k", region).isEmpty());
        assertFalse(check("aws dynamodb update-table --region eu-west-1 --table-name t --billing-mode FAST", region)
                .isEmpty());
        assertFalse(check("aws backup create-backup-plan --region eu-west-1 "
                + "--backup-plan '{\"BackupPlanName\":\"p\",\"Rules\":[{\"RuleName\":\"r\",\"Vault\":\"v\"}]}'", region)
                .isEmpty());
        assertFalse(check("aws s3 ls --region eu-west-1", region).isEmpty());
        assertEquals(List.of(), check("aws dynamodb update-table --region eu-west-1 --table-name 't' "
                + "--no-deletion-protection-enabled --sse-specification \"Enabled=true,SSEType=KMS,KMSMasterKeyId=$KEY\"",
                region));
    }

    @Test
    void commandsAreFoundInsideSubstitutionsAndAfterOperators() {
        String script = "X=$(aws kms describe-key --region r --key-id \"k\" --query 'A|B' --output text)\n"
                + "read -r A B <<< \"$(aws dax describe-clusters --region r \\\n  --cluster-names 'c')\"\n"
                + "aws backup describe-backup-vault --region r --backup-vault-name v > /dev/null 2>&1 ||\n"
                + "  aws backup create-backup-vault --region r --backup-vault-name v  # trailing comment\n"
                + "# aws dynamodb delete-table --region r --table-name t\n"
                + "# not a command: aws is mentioned here\n"
                + "echo \"$((1 + ${#ARR[@]}))\" >&2\n";
        List<List<String>> commands = ShellCommands.awsCommands(script);
        assertEquals(5, commands.size(), String.valueOf(commands));
        assertEquals(List.of("aws", "kms", "describe-key", "--region", "r", "--key-id", "k", "--query", "A|B",
                "--output", "text"), commands.get(0));
        assertEquals(List.of("aws", "dax", "describe-clusters", "--region", "r", "--cluster-names", "c"),
                commands.get(1));
        assertEquals("describe-backup-vault", commands.get(2).get(2));
        assertEquals(List.of("aws", "backup", "create-backup-vault", "--region", "r", "--backup-vault-name", "v"),
                commands.get(3));
        assertEquals("delete-table", commands.get(4).get(2));
    }

    private static List<String> check(String line, String region) {
        List<List<String>> commands = ShellCommands.awsCommands(line);
        assertEquals(1, commands.size(), line);
        return AwsCliModel.check(commands.get(0), region);
    }
}
