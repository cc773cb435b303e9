package io.tablewarden.engine.metadata;

import io.tablewarden.engine.remediation.RemediationRenderer;
import io.tablewarden.engine.remediation.SnippetFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every {@code aws <service> <command> --flag} of every fix (each check's generic fix and each cause's, region part
 * included), filled with sample values, exists in the service models of the installed AWS CLI, not only in the SDK's:
 * the command is an operation of the service (or {@code wait <waiter>}), each flag is the CLI spelling of one of its
 * input members (a boolean member also as {@code --no-...}) or a global option, and every member the model marks
 * required is given. Without an AWS CLI the test is skipped on a workstation, but fails in continuous integration
 * (the environment variable {@code CI} set), which installs one.
 *
 * <p>A few operations and flags the fixes need are newer than Debian 12's {@code awscli} (2.9.19, measured): DynamoDB's
 * resource policies and its deletion protection. Those alone may be missing from an older CLI's models (they are
 * still checked against the SDK's models by {@link CliSnippetTest}, and in full against any CLI that has them); the
 * test prints each such use, and fails for anything else the installed CLI does not know.
 */
class CliFlagsAgainstAwsCliModelsTest {

    private static AwsCliServiceModels models;

    /** Newer than Debian 12's AWS CLI 2.9: "service command" for an operation, "service command --flag" for a flag. */
    static final java.util.Set<String> NEWER_THAN_DEBIAN_CLI = java.util.Set.of(
            "dynamodb get-resource-policy", "dynamodb put-resource-policy", "dynamodb delete-resource-policy",
            "dynamodb update-table --deletion-protection-enabled");
    private static final java.util.Set<String> NEWER_SEEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void findTheModels() {
        Optional<AwsCliServiceModels> found = AwsCliServiceModels.find();
        if (found.isEmpty()) {
            String where = "no AWS CLI service models (botocore data) found; looked in "
                    + AwsCliServiceModels.candidates() + " and " + AwsCliServiceModels.DATA_VARIABLE;
            if (System.getenv("CI") != null) {
                fail(where + ": continuous integration must install the AWS CLI (Debian's awscli)");
            }
            assumeTrue(false, where);
        }
        models = found.get();
        System.out.println("AWS CLI service models: " + models.data());
    }

    static Stream<String> variantIds() {
        return CheckCatalog.variantIds().stream();
    }

    @ParameterizedTest
    @MethodSource("variantIds")
    void everyCommandAndFlagExistsInTheAwsCliModels(String variantId) {
        String cli = RemediationRenderer.fill(CheckCatalog.load(variantId).remediation().cli(),
                CheckCatalog.sampleValues(variantId), SnippetFormat.SHELL);
        List<List<String>> commands = ShellCommands.awsCommands(cli);
        assertFalse(commands.isEmpty(), variantId + ": no aws command");
        List<String> problems = new ArrayList<>();
        for (List<String> command : commands) {
            problems.addAll(check(command));
        }
        if (!problems.isEmpty()) {
            fail(variantId + " (models in " + models.data() + "):\n  " + String.join("\n  ", problems));
        }
    }

    @org.junit.jupiter.api.AfterAll
    static void sayWhatNeedsANewerCli() {
        if (!NEWER_SEEN.isEmpty()) {
            System.out.println("Not in the installed AWS CLI's models, newer than it (checked against the SDK's): "
                    + new java.util.TreeSet<>(NEWER_SEEN));
        }
    }

    @Test
    void theCheckerRejectsWhatTheCliWouldRefuse() {
        assertEquals(List.of(), check(words("aws dynamodb update-table --region r --table-name t "
                + "--no-deletion-protection-enabled --sse-specification x")));
        assertFalse(check(words("aws dynamodb update-table --region r --table-name t --no-deletion-protected"))
                .isEmpty());
        assertEquals(List.of(), check(words("aws dynamodb wait table-exists --region r --table-name t")));
        assertFalse(check(words("aws dynamodb update-table --region r --table-name t --pitr-enabled")).isEmpty());
        assertFalse(check(words("aws dynamodb update-tables --region r --table-name t")).isEmpty());
        assertFalse(check(words("aws dynamodb update-table --region r")).isEmpty(), "TableName is required");
        assertFalse(check(words("aws dynamodb wait table-ready --region r --table-name t")).isEmpty());
        assertFalse(check(words("aws dynamodb update-table --region r --table-name t --no-table-class")).isEmpty(),
                "--no- only for a boolean member");
        assertFalse(check(words("aws s3api list-buckets --region r")).isEmpty(), "a service no fix may use");
    }

    /** The CLI's options outside an operation's input: global options and the pagination options. */
    private static final Map<String, Boolean> GLOBAL = new LinkedHashMap<>(AwsCliModel.GLOBAL_OPTIONS);

    static {
        GLOBAL.put("generate-cli-skeleton", true);
        GLOBAL.put("cli-auto-prompt", false);
        GLOBAL.put("no-cli-auto-prompt", false);
    }

    private static List<String> words(String line) {
        return List.of(line.split(" "));
    }

    /** Problems of one command given as its words (the first is {@code aws}). */
    private static List<String> check(List<String> words) {
        List<String> problems = new ArrayList<>();
        String shown = String.join(" ", words.subList(0, Math.min(4, words.size())));
        if (words.size() < 3) {
            return List.of(shown + ": needs a service and a command");
        }
        String service = words.get(1);
        if (!AwsCliModel.SERVICES.containsKey(service)) {
            return List.of(shown + ": service " + service + " is not one the fixes may use");
        }
        Optional<AwsCliServiceModels.Service> model = models.service(service);
        if (model.isEmpty()) {
            return List.of(shown + ": the AWS CLI has no service " + service);
        }
        int first = 3;
        AwsCliServiceModels.Operation operation;
        if (words.get(2).equals("wait")) {
            operation = words.size() > 3 ? model.get().waiters().get(words.get(3)) : null;
            first = 4;
            if (operation == null) {
                return List.of(shown + ": the AWS CLI has no waiter " + (words.size() > 3 ? words.get(3) : "")
                        + " for " + service + " (" + model.get().waiters().keySet() + ")");
            }
        } else {
            operation = model.get().operations().get(words.get(2));
            if (operation == null && NEWER_THAN_DEBIAN_CLI.contains(service + " " + words.get(2))) {
                NEWER_SEEN.add(service + " " + words.get(2));
                return List.of();
            }
            if (operation == null) {
                return List.of(shown + ": the AWS CLI's " + service + " model (" + model.get().model()
                        + ") has no operation " + words.get(2));
            }
        }
        List<String> given = new ArrayList<>();
        for (String word : words.subList(first, words.size())) {
            if (!word.startsWith("--")) {
                continue;
            }
            String flag = word.indexOf('=') < 0 ? word.substring(2) : word.substring(2, word.indexOf('='));
            given.add(flag);
            boolean negated = flag.startsWith("no-") && Boolean.TRUE.equals(operation.flags().get(flag.substring(3)));
            String bare = flag.startsWith("no-") ? flag.substring(3) : flag;
            if (!operation.flags().containsKey(bare)
                    && NEWER_THAN_DEBIAN_CLI.contains(service + " " + words.get(2) + " --" + bare)) {
                NEWER_SEEN.add(service + " " + words.get(2) + " --" + bare);
                continue;
            }
            if (!operation.flags().containsKey(flag) && !negated && !GLOBAL.containsKey(flag)) {
                problems.add(shown + ": --" + flag + " is not an option of " + operation.name()
                        + " in the AWS CLI's model");
            }
            if (negated) {
                given.add(flag.substring(3));
            }
        }
        if (!given.contains("cli-input-json") && !given.contains("cli-input-yaml")) {
            operation.required().stream().filter(flag -> !given.contains(flag))
                    .forEach(flag -> problems.add(shown + ": the model requires --" + flag));
        }
        return problems;
    }

    @Test
    void theModelsFoundAreTheCliOnesWithTheOperationsTheFixesUse() {
        AwsCliServiceModels.Service dynamodb = models.service("dynamodb").orElseThrow();
        assertTrue(dynamodb.operations().containsKey("update-continuous-backups"));
        assertTrue(dynamodb.operations().get("update-table").required().contains("table-name"));
        assertTrue(dynamodb.waiters().containsKey("table-exists"));
        assertTrue(models.service("application-autoscaling").orElseThrow().operations()
                .containsKey("register-scalable-target"));
    }
}
