package io.tablewarden.engine.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an {@code aws <service> <command> --flag ...} command against the service model compiled into the AWS SDK
 * for Java v2: the command must name an operation ({@code <Operation>Request} exists), every flag must be the
 * AWS CLI spelling of a member of that request or a global option, required members (a list kept here) must be
 * given, enum values must
 * be known, and literal structure values (shorthand {@code Key=value,...} or JSON) may only use member names.
 */
final class AwsCliModel {

    /** CLI service name → SDK model package. */
    static final Map<String, String> SERVICES = Map.of(
            "dynamodb", "software.amazon.awssdk.services.dynamodb.model",
            "application-autoscaling", "software.amazon.awssdk.services.applicationautoscaling.model",
            "backup", "software.amazon.awssdk.services.backup.model",
            "dax", "software.amazon.awssdk.services.dax.model",
            "kms", "software.amazon.awssdk.services.kms.model",
            "sts", "software.amazon.awssdk.services.sts.model");

    /** Options every AWS CLI command accepts, with whether they take a value. */
    static final Map<String, Boolean> GLOBAL_OPTIONS = Map.ofEntries(
            Map.entry("region", true), Map.entry("output", true), Map.entry("query", true), Map.entry("profile", true),
            Map.entry("endpoint-url", true), Map.entry("cli-input-json", true), Map.entry("cli-input-yaml", true),
            Map.entry("no-cli-pager", false), Map.entry("no-paginate", false), Map.entry("page-size", true),
            Map.entry("max-items", true), Map.entry("starting-token", true), Map.entry("debug", false),
            Map.entry("color", true), Map.entry("cli-read-timeout", true), Map.entry("cli-connect-timeout", true),
            Map.entry("cli-binary-format", true), Map.entry("no-sign-request", false),
            Map.entry("no-verify-ssl", false), Map.entry("ca-bundle", true));

    /**
     * Required members of the operations the snippets use, from the API references. The SDK's generated fields do
     * not carry the model's required trait, so this list is kept by hand; a command missing from it fails the test.
     */
    static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            Map.entry("application-autoscaling register-scalable-target",
                    List.of("service-namespace", "resource-id", "scalable-dimension")),
            Map.entry("application-autoscaling put-scaling-policy",
                    List.of("policy-name", "service-namespace", "resource-id", "scalable-dimension")),
            Map.entry("backup create-backup-plan", List.of("backup-plan")),
            Map.entry("backup create-backup-selection", List.of("backup-plan-id", "backup-selection")),
            Map.entry("backup create-backup-vault", List.of("backup-vault-name")),
            Map.entry("backup delete-backup-selection", List.of("backup-plan-id", "selection-id")),
            Map.entry("backup describe-region-settings", List.of()),
            Map.entry("backup put-backup-vault-lock-configuration", List.of("backup-vault-name")),
            Map.entry("backup update-region-settings", List.of()),
            Map.entry("backup describe-backup-vault", List.of("backup-vault-name")),
            Map.entry("backup list-backup-jobs", List.of()),
            Map.entry("backup list-backup-plans", List.of()),
            Map.entry("backup list-recovery-points-by-resource", List.of("resource-arn")),
            Map.entry("backup start-backup-job", List.of("backup-vault-name", "resource-arn", "iam-role-arn")),
            Map.entry("dax create-cluster", List.of("cluster-name", "node-type", "replication-factor", "iam-role-arn")),
            Map.entry("dax delete-cluster", List.of("cluster-name")),
            Map.entry("dax describe-clusters", List.of()),
            Map.entry("dax describe-subnet-groups", List.of()),
            Map.entry("dax increase-replication-factor", List.of("cluster-name", "new-replication-factor")),
            Map.entry("dynamodb delete-resource-policy", List.of("resource-arn")),
            Map.entry("dynamodb describe-continuous-backups", List.of("table-name")),
            Map.entry("dynamodb describe-table", List.of("table-name")),
            Map.entry("dynamodb get-resource-policy", List.of("resource-arn")),
            Map.entry("dynamodb list-tags-of-resource", List.of("resource-arn")),
            Map.entry("dynamodb put-resource-policy", List.of("resource-arn", "policy")),
            Map.entry("dynamodb tag-resource", List.of("resource-arn", "tags")),
            Map.entry("dynamodb update-continuous-backups", List.of("table-name", "point-in-time-recovery-specification")),
            Map.entry("dynamodb update-table", List.of("table-name")),
            Map.entry("kms cancel-key-deletion", List.of("key-id")),
            Map.entry("kms create-alias", List.of("alias-name", "target-key-id")),
            Map.entry("kms create-key", List.of()),
            Map.entry("kms describe-key", List.of("key-id")),
            Map.entry("kms enable-key", List.of("key-id")),
            Map.entry("kms enable-key-rotation", List.of("key-id")),
            Map.entry("kms get-parameters-for-import", List.of("key-id", "wrapping-algorithm", "wrapping-key-spec")),
            Map.entry("kms import-key-material", List.of("key-id", "import-token", "encrypted-key-material")),
            Map.entry("kms get-key-rotation-status", List.of("key-id")),
            Map.entry("sts get-caller-identity", List.of()));

    private static final Set<String> OUTPUT_FORMATS = Set.of("json", "text", "table", "yaml", "yaml-stream");
    private static final Pattern SPECIAL_PLURAL = Pattern.compile("[A-Z]{2,}s$");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?[A-Za-z_][A-Za-z0-9_]*}?|\\$\\(\\.\\.\\.\\)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private AwsCliModel() {
    }

    /**
     * The AWS CLI spelling of a model name, following the CLI's own rule: a trailing acronym plural ("ARNs")
     * becomes one word, a capital that starts a lower-case run begins a word, a capital after a lower-case letter
     * or digit begins a word; then everything is lower case. SSESpecification → sse-specification.
     */
    static String kebab(String modelName) {
        String name = modelName;
        Matcher plural = SPECIAL_PLURAL.matcher(name);
        if (plural.find()) {
            name = name.substring(0, plural.start()) + "-" + plural.group().toLowerCase(Locale.ROOT);
        }
        name = name.replaceAll("(.)([A-Z][a-z]+)", "$1-$2");
        name = name.replaceAll("([a-z0-9])([A-Z])", "$1-$2");
        return name.toLowerCase(Locale.ROOT).replace("--", "-");
    }

    /** get-key-rotation-status → GetKeyRotationStatus. */
    static String operation(String command) {
        StringBuilder out = new StringBuilder();
        for (String part : command.split("-")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    /** The members of the request of {@code service command}, keyed by CLI flag name; null if no such operation. */
    static Map<String, SdkField<?>> requestMembers(String service, String command) {
        String pkg = SERVICES.get(service);
        if (pkg == null) {
            return null;
        }
        try {
            Class<?> request = Class.forName(pkg + "." + operation(command) + "Request");
            SdkBuilder<?, ?> builder = (SdkBuilder<?, ?>) request.getMethod("builder").invoke(null);
            return byFlag(((SdkPojo) builder.build()).sdkFields());
        } catch (ClassNotFoundException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, SdkField<?>> byFlag(List<SdkField<?>> fields) {
        Map<String, SdkField<?>> out = new LinkedHashMap<>();
        fields.forEach(f -> out.put(kebab(f.memberName()), f));
        return out;
    }

    /** Problems of one command given as its words (the first is {@code aws}); empty when it is valid. */
    static List<String> check(List<String> words, String expectedRegion) {
        List<String> problems = new ArrayList<>();
        String shown = String.join(" ", words.subList(0, Math.min(3, words.size())));
        if (words.size() < 3) {
            problems.add(shown + ": needs a service and a command");
            return problems;
        }
        String service = words.get(1);
        String command = words.get(2);
        if (!SERVICES.containsKey(service)) {
            problems.add(shown + ": service " + service + " is not one the snippets may use");
            return problems;
        }
        Map<String, SdkField<?>> members = requestMembers(service, command);
        if (members == null) {
            problems.add(shown + ": " + service + " has no operation " + operation(command));
            return problems;
        }
        Map<String, List<String>> flags = new LinkedHashMap<>();
        String current = null;
        for (String word : words.subList(3, words.size())) {
            if (word.startsWith("--")) {
                int equals = word.indexOf('=');
                current = equals < 0 ? word.substring(2) : word.substring(2, equals);
                if (flags.containsKey(current)) {
                    problems.add(shown + ": --" + current + " given twice");
                }
                flags.put(current, new ArrayList<>());
                if (equals >= 0) {
                    flags.get(current).add(word.substring(equals + 1));
                }
            } else if (word.startsWith("-") && !word.matches("-\\d+(\\.\\d+)?") && !word.contains(" ")) {
                // the CLI's argument parser takes such a word for an option, not for the value before it
                problems.add(shown + ": " + word + " would be read as an option; write --" + current + "=" + word);
            } else if (current == null) {
                problems.add(shown + ": stray argument " + word);
            } else {
                flags.get(current).add(word);
            }
        }
        Map<String, Method> enums = enumGetters(service, command);
        for (Map.Entry<String, List<String>> flag : flags.entrySet()) {
            checkFlag(shown, flag.getKey(), flag.getValue(), members, enums, problems);
        }
        List<String> required = REQUIRED.get(service + " " + command);
        if (required == null) {
            problems.add(shown + ": no list of required flags for this command in the test; add it from the API reference");
        } else if (!flags.containsKey("cli-input-json")) {
            required.stream().filter(flag -> !flags.containsKey(flag))
                    .forEach(flag -> problems.add(shown + ": required --" + flag + " is missing"));
        }
        List<String> region = flags.get("region");
        if (region == null || region.size() != 1 || !region.get(0).equals(expectedRegion)) {
            problems.add(shown + ": --region must be given as the result's region, found " + region);
        }
        List<String> output = flags.get("output");
        if (output != null && (output.size() != 1 || !OUTPUT_FORMATS.contains(output.get(0)))) {
            problems.add(shown + ": unknown --output " + output);
        }
        return problems;
    }

    private static void checkFlag(String shown, String flag, List<String> values, Map<String, SdkField<?>> members,
                                  Map<String, Method> enums, List<String> problems) {
        if (GLOBAL_OPTIONS.containsKey(flag)) {
            boolean takesValue = GLOBAL_OPTIONS.get(flag);
            if (takesValue != (values.size() == 1)) {
                problems.add(shown + ": --" + flag + (takesValue ? " needs one value" : " takes no value"));
            }
            return;
        }
        boolean negated = !members.containsKey(flag) && flag.startsWith("no-");
        SdkField<?> field = members.get(negated ? flag.substring(3) : flag);
        if (field == null) {
            problems.add(shown + ": unknown flag --" + flag + " (members: " + members.keySet() + ")");
            return;
        }
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.BOOLEAN) {
            if (!values.isEmpty() && !(values.size() == 1 && values.get(0).matches("true|false") && !negated)) {
                problems.add(shown + ": boolean --" + flag + " takes no value");
            }
            return;
        }
        if (negated) {
            problems.add(shown + ": --" + flag + " is not a boolean member");
            return;
        }
        if (values.isEmpty()) {
            problems.add(shown + ": --" + flag + " needs a value");
            return;
        }
        if (type != MarshallingType.LIST && values.size() > 1) {
            problems.add(shown + ": --" + flag + " takes one value, got " + values);
        }
        Method enumGetter = enums.get(field.memberName().toLowerCase(Locale.ROOT));
        if (enumGetter != null) {
            checkEnum(shown, flag, values.get(0), enumGetter.getReturnType(), problems);
        }
        if (type == MarshallingType.SDK_POJO) {
            values.forEach(v -> checkStructure(shown + " --" + flag, v, field, problems));
        } else if (type == MarshallingType.LIST) {
            SdkField<?> item = field.getTrait(ListTrait.class).memberFieldInfo();
            for (String v : values) {
                if (v.startsWith("[") && !v.contains(ShellCommands.SUBSTITUTION)) {
                    // The whole list as one JSON document: --tags '[{"Key":"k","Value":"v"}]'.
                    try {
                        checkJson(shown + " --" + flag, JSON.readTree(VARIABLE.matcher(v).replaceAll("0")), field,
                                problems);
                    } catch (IOException e) {
                        problems.add(shown + " --" + flag + ": invalid JSON " + v + ": " + e.getMessage());
                    }
                } else if (item.marshallingType() == MarshallingType.SDK_POJO) {
                    checkStructure(shown + " --" + flag, v, item, problems);
                }
            }
        }
    }

    private static void checkEnum(String shown, String flag, String value, Class<?> enumType, List<String> problems) {
        if (VARIABLE.matcher(value).find()) {
            return;
        }
        try {
            Object known = enumType.getMethod("fromValue", String.class).invoke(null, value);
            if (known == null || ((Enum<?>) known).name().equals("UNKNOWN_TO_SDK_VERSION")) {
                problems.add(shown + ": --" + flag + " " + value + " is not a value of " + enumType.getSimpleName());
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Getters of enum members (those with an {@code ...AsString} twin), keyed by lower-case member name. */
    private static Map<String, Method> enumGetters(String service, String command) {
        Map<String, Method> out = new HashMap<>();
        try {
            Class<?> request = Class.forName(SERVICES.get(service) + "." + operation(command) + "Request");
            for (Method m : request.getMethods()) {
                if (m.getName().endsWith("AsString") && m.getParameterCount() == 0) {
                    Method getter = request.getMethod(m.getName().substring(0, m.getName().length() - 8));
                    if (getter.getReturnType().isEnum()) {
                        out.put(getter.getName().toLowerCase(Locale.ROOT), getter);
                    }
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Checks the member names in a literal structure value, shorthand or JSON; values built at run time are skipped. */
    private static void checkStructure(String where, String value, SdkField<?> field, List<String> problems) {
        if (value.startsWith("file://") || value.contains(ShellCommands.SUBSTITUTION)) {
            return;
        }
        String literal = VARIABLE.matcher(value).replaceAll("0");
        Map<String, SdkField<?>> members = byFlagless(field);
        if (literal.startsWith("{") || literal.startsWith("[")) {
            try {
                checkJson(where, JSON.readTree(literal), field, problems);
            } catch (IOException e) {
                problems.add(where + ": invalid JSON " + value + ": " + e.getMessage());
            }
            return;
        }
        for (String pair : literal.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                problems.add(where + ": shorthand item without Key=value: " + pair);
            } else if (!members.containsKey(pair.substring(0, eq))) {
                problems.add(where + ": unknown member " + pair.substring(0, eq) + " (members: " + members.keySet() + ")");
            }
        }
    }

    private static void checkJson(String where, JsonNode node, SdkField<?> field, List<String> problems) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            if (!node.isObject()) {
                problems.add(where + ": " + field.memberName() + " must be an object");
                return;
            }
            Map<String, SdkField<?>> members = byFlagless(field);
            node.properties().forEach(e -> {
                SdkField<?> member = members.get(e.getKey());
                if (member == null) {
                    problems.add(where + ": unknown member " + e.getKey() + " (members: " + members.keySet() + ")");
                } else {
                    checkJson(where + "." + e.getKey(), e.getValue(), member, problems);
                }
            });
        } else if (type == MarshallingType.LIST) {
            if (!node.isArray()) {
                problems.add(where + ": " + field.memberName() + " must be a list");
                return;
            }
            SdkField<?> item = field.getTrait(ListTrait.class).memberFieldInfo();
            node.forEach(n -> checkJson(where + "[]", n, item, problems));
        }
    }

    /** Members of a structure field by model name (shorthand and JSON use model names, not flags). */
    private static Map<String, SdkField<?>> byFlagless(SdkField<?> structure) {
        Map<String, SdkField<?>> out = new LinkedHashMap<>();
        structure.constructor().get().sdkFields().forEach(f -> out.put(f.memberName(), f));
        return out;
    }
}
