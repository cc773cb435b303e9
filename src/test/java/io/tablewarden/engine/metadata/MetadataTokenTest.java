package io.tablewarden.engine.metadata;

import io.tablewarden.engine.remediation.RemediationRenderer;
import io.tablewarden.engine.remediation.SnippetFormat;
import io.tablewarden.model.CheckMetadata;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Placeholder tokens: only those the check fills, and nothing left unfilled. */
class MetadataTokenTest {

    /** Tokens a check may lack a value for; code snippets must not depend on them. */
    private static final Map<String, Set<String>> OPTIONAL_TOKENS = Map.of(
            "dynamodb_tables_kms_cmk_encryption_enabled", Set.of("kms_key_arn"),
            "dynamodb_table_customer_managed_key", Set.of("kms_key_arn"),
            "dynamodb_table_autoscaling_enabled", Set.of("gsi_names", "index_name"),
            "dynamodb_table_protected_by_backup_plan", Set.of("backup_plan_name"),
            "dynamodb_table_backup_recent_recovery_point", Set.of("backup_plan_name"));

    static Stream<String> checkIds() {
        return CheckCatalog.variantIds().stream();
    }

    @ParameterizedTest
    @MethodSource("checkIds")
    void everyTokenIsOneTheCheckFills(String checkId) {
        Set<String> allowed = CheckCatalog.allowedTokens(checkId);
        texts(CheckCatalog.load(checkId)).forEach((field, text) -> {
            for (String token : RemediationRenderer.tokens(text)) {
                assertTrue(allowed.contains(token), checkId + ": " + field + " uses {{" + token + "}}, allowed " + allowed);
            }
            String stripped = RemediationRenderer.TOKEN.matcher(text).replaceAll("");
            // A lone "}}" is harmless (closing JSON objects); a "{{" that is no token is a typo or a wrong spelling.
            assertFalse(stripped.contains("{{"), checkId + ": " + field + " has a malformed token");
        });
    }

    @ParameterizedTest
    @MethodSource("checkIds")
    void snippetsDoNotNeedOptionalTokens(String checkId) {
        CheckMetadata.Remediation r = CheckCatalog.load(checkId).remediation();
        // A cause's fix is only offered with the values it names, so only the generic fixes are held to this.
        Set<String> optional = CheckCatalog.causeOf(checkId) == null ? OPTIONAL_TOKENS.getOrDefault(checkId, Set.of())
                : Set.of();
        for (String token : optional) {
            String placeholder = "{{" + token + "}}";
            assertFalse(r.cli().contains(placeholder), checkId + ": CLI needs " + placeholder);
            assertFalse(r.cloudFormation().contains(placeholder), checkId + ": CloudFormation needs " + placeholder);
            assertFalse(r.terraform().contains(placeholder), checkId + ": Terraform needs " + placeholder);
        }
    }

    @ParameterizedTest
    @MethodSource("checkIds")
    void fillingWithSampleValuesLeavesNoPlaceholder(String checkId) {
        Map<String, String> values = CheckCatalog.sampleValues(checkId);
        texts(CheckCatalog.load(checkId)).forEach((field, text) -> {
            String filled = RemediationRenderer.fill(text, values, formatOf(field));
            assertFalse(filled.contains("{{"), checkId + ": " + field + " still has a placeholder: " + filled);
        });
    }

    @ParameterizedTest
    @MethodSource("checkIds")
    void everyCliCommandNamesTheRegion(String checkId) {
        String cli = CheckCatalog.load(checkId).remediation().cli();
        assertTrue(cli.contains("--region {{region}}"), checkId);
    }

    @ParameterizedTest
    @MethodSource("checkIds")
    void tokensStandWhereTheirFormatExpectsThem(String checkId) {
        CheckMetadata.Remediation r = CheckCatalog.load(checkId).remediation();
        texts(CheckCatalog.load(checkId)).forEach((field, text) -> {
            if (!field.equals("cli")) {
                assertFalse(text.contains("|json}}"), checkId + ": " + field + " uses the json filter, which is for the CLI");
            }
        });
        for (String line : r.cli().split("\n")) {
            var m = RemediationRenderer.TOKEN.matcher(line);
            while (m.find()) {
                assertEquals(' ', shellQuoteAt(line, m.start()),
                        checkId + ": a CLI token inside quotes is not one word: " + line);
            }
        }
        for (String[] snippet : new String[][] {{"cloudFormation", r.cloudFormation()}, {"terraform", r.terraform()}}) {
            for (String line : snippet[1].split("\n")) {
                if (line.trim().startsWith("#")) {
                    continue;
                }
                var m = RemediationRenderer.TOKEN.matcher(line);
                while (m.find()) {
                    assertTrue(inString(line, m.start()), checkId + ": a " + snippet[0] + " token outside double quotes: "
                            + line);
                }
            }
        }
    }

    /**
     * True when {@code pos} of {@code line} is inside a double-quoted string, also one nested in a {@code ${...}}
     * interpolation of another string (HCL) or in a flow sequence (YAML).
     */
    private static boolean inString(String line, int pos) {
        java.util.ArrayDeque<Character> open = new java.util.ArrayDeque<>();
        for (int i = 0; i < pos; i++) {
            char c = line.charAt(i);
            boolean string = !open.isEmpty() && open.peek() == '"';
            if (string && c == '\\') {
                i++;
            } else if (string && c == '"') {
                open.pop();
            } else if (string && c == '$' && i + 1 < pos && line.charAt(i + 1) == '{') {
                open.push('{');
                i++;
            } else if (!string && c == '"') {
                open.push('"');
            } else if (!string && c == '}' && !open.isEmpty()) {
                open.pop();
            }
        }
        return !open.isEmpty() && open.peek() == '"';
    }

    /** The shell quote open at {@code pos} of {@code line} ({@code '}, {@code "} or a space for none). */
    private static char shellQuoteAt(String line, int pos) {
        char quote = ' ';
        for (int i = 0; i < pos; i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                quote = c == '\'' ? ' ' : quote;
            } else if (c == '\\') {
                i++;
            } else if (c == '"' || (c == '\'' && quote == ' ')) {
                quote = quote == c ? ' ' : (quote == ' ' ? c : quote);
            } else if (c == '#' && quote == ' ' && (i == 0 || line.charAt(i - 1) == ' ')) {
                return ' ';
            } else if (c == '$' && i + 1 < pos && line.charAt(i + 1) == '(' && quote == '"') {
                // a command substitution opens a fresh quoting context
                quote = ' ';
                i++;
            }
        }
        return quote;
    }

    /** The format each field is filled in, as {@code RemediationRenderer.fill(Remediation, CheckResult)} does. */
    static SnippetFormat formatOf(String field) {
        return switch (field) {
            case "cli" -> SnippetFormat.SHELL;
            case "cloudFormation" -> SnippetFormat.YAML;
            case "terraform" -> SnippetFormat.HCL;
            default -> SnippetFormat.MARKDOWN;
        };
    }

    static Map<String, String> texts(CheckMetadata m) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("title", m.title());
        out.put("description", m.description());
        out.put("risk", m.risk());
        out.put("summary", m.remediation().summary());
        out.put("cli", m.remediation().cli());
        out.put("cloudFormation", m.remediation().cloudFormation());
        out.put("terraform", m.remediation().terraform());
        for (int i = 0; i < m.remediation().console().size(); i++) {
            out.put("console[" + i + "]", m.remediation().console().get(i));
        }
        return out;
    }
}
