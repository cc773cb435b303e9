package io.tablewarden.engine.checks.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the Allow statements of a resource policy that grant access to principals outside the trusted
 * accounts (the audited account plus the user's trusted account ids).
 *
 * <p>Principals: {@code "*"}, {@code {"AWS": string | list}} with account ids or ARNs (the account is the
 * ARN's fifth field, compared exactly, never as a substring), {@code arn:aws:iam::*:root} and any ARN
 * whose account field is not a plain account id count as everyone. Service principals act on behalf of
 * an AWS service and are not cross-account. Federated and CanonicalUser principals, principal strings we
 * cannot attribute to an account, and {@code NotPrincipal} in an Allow are treated as outside.
 *
 * <p>A wildcard principal is pinned (not outside) when one condition of the statement restricts the
 * caller to trusted accounts or the organisation: aws:PrincipalOrgID / aws:SourceOrgID (any org id
 * without wildcards), aws:PrincipalOrgPaths / aws:SourceOrgPaths (paths whose org id has no wildcard),
 * aws:PrincipalAccount / aws:SourceAccount / aws:ResourceAccount (trusted account ids),
 * aws:PrincipalArn / aws:SourceArn (ARNs whose account field is trusted), aws:SourceVpc / aws:SourceVpce
 * (ids without wildcards), under StringEquals, StringEqualsIgnoreCase, StringLike, ArnEquals, ArnLike or
 * their ForAnyValue: form (the pinning values are digits and lower-case ids, so ignoring case changes nothing).
 * ForAllValues: and ...IfExists are not accepted because they also hold when the key is missing.
 * An explicitly named foreign account stays outside whatever the condition says.
 */
public final class ResourcePolicyAnalyzer {

    /** Text after the policy document makes it malformed, as it does for IAM. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Set<String> OPERATORS = Set.of("stringequals", "stringequalsignorecase", "stringlike",
            "arnequals", "arnlike");
    private static final Set<String> ACCOUNT_KEYS = Set.of("aws:principalaccount", "aws:sourceaccount",
            "aws:resourceaccount");
    private static final Set<String> ARN_KEYS = Set.of("aws:principalarn", "aws:sourcearn");
    private static final Set<String> ORG_KEYS = Set.of("aws:principalorgid", "aws:sourceorgid");
    private static final Set<String> VPC_KEYS = Set.of("aws:sourcevpc", "aws:sourcevpce");
    private static final Set<String> ORG_PATH_KEYS = Set.of("aws:principalorgpaths", "aws:sourceorgpaths");

    private ResourcePolicyAnalyzer() {
    }

    /** Thrown when the policy is not a JSON policy document. */
    public static final class UnreadablePolicyException extends Exception {
        private static final long serialVersionUID = 1L;

        public UnreadablePolicyException(String message) {
            super(message);
        }
    }

    /**
     * An Allow statement that grants access outside the trusted accounts.
     *
     * @param label      {@code Sid "X"} or {@code statement #N (no Sid)}
     * @param principals the outside principals as written in the policy
     * @param statement  the statement as a map, for evidence
     * @param index      its position in the policy's Statement list, from 0
     */
    public record Grant(String label, List<String> principals, Map<String, Object> statement, int index) {
    }

    /**
     * The policy without the statements at {@code indexes} (positions in its Statement list, or 0 for a single
     * statement object), as compact JSON with every other member as it was; null when no statement is left.
     */
    public static String withoutStatements(String policyJson, java.util.Set<Integer> indexes)
            throws UnreadablePolicyException {
        JsonNode root = readPolicy(policyJson);
        com.fasterxml.jackson.databind.node.ObjectNode copy = root.deepCopy();
        JsonNode statements = copy.get("Statement");
        com.fasterxml.jackson.databind.node.ArrayNode kept = MAPPER.createArrayNode();
        if (statements.isArray()) {
            for (int i = 0; i < statements.size(); i++) {
                if (!indexes.contains(i)) {
                    kept.add(statements.get(i));
                }
            }
        } else if (!indexes.contains(0)) {
            kept.add(statements);
        }
        if (kept.isEmpty()) {
            return null;
        }
        copy.set("Statement", statements.isArray() ? kept : kept.get(0));
        return copy.toString();
    }

    /** The policy document as a JSON object with a Statement member, or why it is not one. */
    private static JsonNode readPolicy(String policyJson) throws UnreadablePolicyException {
        JsonNode root;
        try {
            root = MAPPER.readTree(policyJson);
        } catch (JsonProcessingException e) {
            throw new UnreadablePolicyException("it is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject() || root.get("Statement") == null) {
            throw new UnreadablePolicyException("it has no Statement");
        }
        return root;
    }

    /** Returns every outside grant of {@code policyJson}, in statement order. */
    public static List<Grant> outsideGrants(String policyJson, String auditedAccount, Set<String> trustedAccounts)
            throws UnreadablePolicyException {
        JsonNode root = readPolicy(policyJson);
        JsonNode statements = root.get("Statement");
        List<JsonNode> list = new ArrayList<>();
        if (statements.isArray()) {
            statements.forEach(list::add);
        } else {
            list.add(statements);
        }
        Set<String> trusted = new java.util.HashSet<>(trustedAccounts);
        trusted.add(auditedAccount);
        List<Grant> grants = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode statement = list.get(i);
            if (!statement.isObject()) {
                throw new UnreadablePolicyException("statement #" + (i + 1) + " is not an object");
            }
            if (!"allow".equalsIgnoreCase(statement.path("Effect").asText())) {
                continue;
            }
            List<String> outside = outsidePrincipals(statement, i + 1, trusted);
            if (!outside.isEmpty()) {
                String sid = statement.path("Sid").asText("");
                String label = sid.isEmpty() ? "statement #" + (i + 1) + " (no Sid)" : "Sid \"" + sid + "\"";
                grants.add(new Grant(label, outside,
                        MAPPER.convertValue(statement, new TypeReference<LinkedHashMap<String, Object>>() { }), i));
            }
        }
        return grants;
    }

    private static List<String> outsidePrincipals(JsonNode statement, int number, Set<String> trusted)
            throws UnreadablePolicyException {
        List<String> outside = new ArrayList<>();
        if (statement.has("NotPrincipal")) {
            outside.add("NotPrincipal " + statement.get("NotPrincipal").toString());
            return outside;
        }
        JsonNode principal = statement.get("Principal");
        if (principal == null) {
            return outside;
        }
        if (principal.isTextual() ? !principal.asText().equals("*") : !principal.isObject()) {
            // IAM accepts only "*" or an object here; anything else cannot be judged.
            throw new UnreadablePolicyException("the Principal of statement #" + number + " is neither \"*\" nor "
                    + "an object: " + principal);
        }
        boolean pinned = pinnedByCondition(statement.get("Condition"), trusted);
        if (principal.isTextual()) {
            if (!pinned) {
                outside.add("*");
            }
            return outside;
        }
        for (Map.Entry<String, JsonNode> field : principal.properties()) {
            if (field.getKey().equals("Service")) {
                continue;
            }
            for (String value : values(field.getValue())) {
                if (field.getKey().equals("AWS")) {
                    Boolean foreign = awsPrincipalOutside(value, trusted);
                    if (foreign == null ? !pinned : foreign) {
                        outside.add(value);
                    }
                } else if (!(field.getKey().equals("Federated") && federatedTrusted(value, trusted))) {
                    outside.add(field.getKey() + ":" + value);
                }
            }
        }
        return outside;
    }

    /** True for a foreign account, false for a trusted one, null for a wildcard that a condition may pin. */
    private static Boolean awsPrincipalOutside(String value, Set<String> trusted) {
        if (value.equals("*")) {
            return null;
        }
        String account = accountOf(value);
        if (account == null) {
            // arn:aws:iam::*:root and friends: anyone, unless a condition pins it.
            return value.startsWith("arn:") ? null : Boolean.TRUE;
        }
        return !trusted.contains(account);
    }

    private static boolean federatedTrusted(String value, Set<String> trusted) {
        String account = accountOf(value);
        return account != null && trusted.contains(account);
    }

    /** The exact account of a 12-digit id or an ARN whose account field is a plain id; else null. */
    public static String accountOf(String principal) {
        if (ACCOUNT_ID.matcher(principal).matches()) {
            return principal;
        }
        String[] parts = principal.split(":", 6);
        if (parts.length == 6 && parts[0].equals("arn") && ACCOUNT_ID.matcher(parts[4]).matches()) {
            return parts[4];
        }
        return null;
    }

    private static boolean pinnedByCondition(JsonNode condition, Set<String> trusted) {
        if (condition == null || !condition.isObject()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> operator : condition.properties()) {
            String op = operator.getKey().toLowerCase(Locale.ROOT);
            if (op.startsWith("foranyvalue:")) {
                op = op.substring("foranyvalue:".length());
            }
            if (!OPERATORS.contains(op) || !operator.getValue().isObject()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> key : operator.getValue().properties()) {
                if (pins(op, key.getKey().toLowerCase(Locale.ROOT), values(key.getValue()), trusted)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean pins(String operator, String key, List<String> values, Set<String> trusted) {
        if (values.isEmpty()) {
            return false;
        }
        boolean arnOperator = operator.startsWith("arn");
        for (String value : values) {
            boolean ok;
            if (ARN_KEYS.contains(key)) {
                String account = accountOf(value);
                ok = value.startsWith("arn:") && account != null && trusted.contains(account);
            } else if (arnOperator) {
                ok = false;
            } else if (ACCOUNT_KEYS.contains(key)) {
                ok = trusted.contains(value);
            } else if (ORG_PATH_KEYS.contains(key)) {
                ok = pinsOrganisation(value);
            } else if (ORG_KEYS.contains(key) || VPC_KEYS.contains(key)) {
                ok = !value.isEmpty() && !value.contains("*") && !value.contains("?");
            } else {
                ok = false;
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** An organisation path such as {@code o-abc123/r-ab12/ou-ab12-11111111/*} whose org id is not a wildcard. */
    private static boolean pinsOrganisation(String path) {
        int slash = path.indexOf('/');
        String org = slash < 0 ? path : path.substring(0, slash);
        return org.startsWith("o-") && org.length() > 2 && !org.contains("*") && !org.contains("?");
    }

    private static List<String> values(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else {
            out.add(node.asText());
        }
        return out;
    }
}
